import type { AnomalyView } from '../lib/views.js';

const NAMES: Record<string, string> = {
  latency_spike: 'Latency spike',
  error_spike: 'Error rate spike',
  size_drift: 'Response size drift',
  contract_drift: 'Contract drift',
};

/** The endpoint's active anomalies, each with its detector, severity and explanation. */
export function AnomaliesPanel({ anomalies }: { anomalies: AnomalyView[] }) {
  if (anomalies.length === 0) return null;
  return (
    <section class="anomalies" aria-label="Active anomalies" data-testid="anomalies">
      <h3>Active anomalies ({anomalies.length})</h3>
      <ul>
        {anomalies.map((anomaly, index) => (
          <li key={index}>
            <span class={`label severity-${anomaly.severity}`}>{anomaly.severity}</span>{' '}
            <strong>{NAMES[anomaly.type] ?? anomaly.type}</strong> — {anomaly.message}
            {anomaly.occurrences > 1 && <span class="muted"> · {anomaly.occurrences}×</span>}
            <span class="muted"> · since {new Date(anomaly.detectedAt).toLocaleTimeString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
