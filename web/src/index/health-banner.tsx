import type { GlobalHealth } from '../../../src/contract/live-messages.js';

/** Platform-wide score, monitored endpoints and active anomalies (pushed live). */
export function HealthBanner({ health }: { health: GlobalHealth | null }) {
  const h = health ?? {
    score: 100,
    status: 'HEALTHY' as const,
    monitoredEndpoints: 0,
    activeAnomalies: 0,
  };
  return (
    <section class="banner" aria-label="Global health" data-testid="health-banner">
      <div>
        <div class="muted">Global health</div>
        <div class={`score status-${h.status}`} data-testid="health-score">
          {h.score.toFixed(1)}
        </div>
      </div>
      <div>
        <div class="muted">Status</div>
        <div class={`status-${h.status}`}>{h.status}</div>
      </div>
      <div>
        <div class="muted">Monitored endpoints</div>
        <div>{h.monitoredEndpoints}</div>
      </div>
      <div>
        <div class="muted">Active anomalies</div>
        <div>{h.activeAnomalies}</div>
      </div>
    </section>
  );
}
