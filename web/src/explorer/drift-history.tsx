import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.js';
import { listDriftAlerts, resolveDriftAlert } from '../lib/explorer-api.js';
import type { DriftAlertView, NarratedChangeView, NarrationView } from '../lib/views.js';
import { JsonView } from './json-view.js';

const LABELS: readonly string[] = ['BREAKING', 'WARNING', 'INFO'];

/** A stored string field, or '' when the stored value is anything else. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The stored narration, or null when it does not have the narrator's shape. */
export function readNarration(value: unknown): NarrationView | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, items } = value as { text?: unknown; items?: unknown };
  if (!Array.isArray(items)) return null;
  const changes = items
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item): NarratedChangeView => {
      const label = textOf(item.label);
      const context = textOf(item.context);
      return {
        label: LABELS.includes(label) ? (label as NarratedChangeView['label']) : 'INFO',
        headline: textOf(item.headline),
        ...(context ? { context } : {}),
        impact: textOf(item.impact),
        action: textOf(item.action),
        path: textOf(item.path),
        kind: textOf(item.kind),
      };
    });
  return { text: textOf(text), items: changes };
}

/** The narrator marks field names with backticks; show them as code (as text nodes). */
function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text
        .split('`')
        .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </>
  );
}

function Narrated({ alert }: { alert: DriftAlertView }) {
  const narration = readNarration(alert.drift_narration);
  if (!narration || narration.items.length === 0) {
    return <p data-testid="drift-narrated">{alert.drift_summary}</p>;
  }
  return (
    <ul class="narration" data-testid="drift-narrated">
      {narration.items.map((change, index) => (
        <li key={index}>
          <div>
            <span class={`label label-${change.label}`}>{change.label}</span>{' '}
            <strong>
              <InlineCode text={change.headline} />
            </strong>
          </div>
          {change.context && <div class="muted">Relates to {change.context}.</div>}
          <div>
            <span class="muted">Impact:</span> <InlineCode text={change.impact} />
          </div>
          <div>
            <span class="muted">Action:</span> <InlineCode text={change.action} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function stateOf(alert: DriftAlertView): string {
  if (!alert.is_resolved) return 'open';
  return alert.accepted ? 'accepted' : 'acknowledged';
}

function DriftAlert(props: { alert: DriftAlertView; open: boolean; onResolved: () => void }) {
  const { alert } = props;
  const [raw, setRaw] = useState(false);
  const [error, setError] = useState('');
  const resolve = (accept: boolean) => {
    setError('');
    resolveDriftAlert(alert.id, accept).then(props.onResolved, (e: unknown) =>
      setError(e instanceof ApiError ? e.message : 'Could not resolve the alert.'),
    );
  };
  const where = alert.target === 'request' ? 'request body' : `${alert.status} response`;
  return (
    <details class="alert" open={props.open} data-testid="drift-alert">
      <summary>
        <span class={`badge drift-score ${alert.is_resolved ? '' : 'open'}`}>
          {alert.drift_score}
        </span>
        <span class="alert-summary">{alert.drift_summary}</span>
        <span class="muted">
          {where} · {alert.occurrences}× · last {new Date(alert.last_seen).toLocaleString()}
        </span>
        <span class={`badge state-${stateOf(alert)}`}>{stateOf(alert)}</span>
      </summary>
      <div class="row alert-actions">
        <div class="segmented" role="group" aria-label="Drift view">
          <button
            type="button"
            aria-pressed={!raw}
            onClick={() => setRaw(false)}
            data-testid="drift-view-narrated"
          >
            Narrated
          </button>
          <button
            type="button"
            aria-pressed={raw}
            onClick={() => setRaw(true)}
            data-testid="drift-view-raw"
          >
            Raw
          </button>
        </div>
        <span style={{ flex: '1' }} />
        {!alert.is_resolved && (
          <>
            <button type="button" onClick={() => resolve(false)} data-testid="drift-resolve">
              Resolve
            </button>
            <button
              type="button"
              class="primary"
              onClick={() => resolve(true)}
              title="Adopt the new shape as the learned baseline"
              data-testid="drift-accept"
            >
              Accept new shape
            </button>
          </>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {raw ? (
        <div data-testid="drift-raw">
          <JsonView value={alert.drift_details} label="Raw drift details" />
        </div>
      ) : (
        <Narrated alert={alert} />
      )}
    </details>
  );
}

/** An endpoint's drift alerts, newest first: narrated or raw, with resolve and accept. */
export function DriftHistory(props: {
  endpointId: number;
  openAlertId?: number;
  /** Bumped by auto-sync and manual refresh. */
  version: number;
  onChange: () => void;
}) {
  const [alerts, setAlerts] = useState<DriftAlertView[] | undefined>();
  const [error, setError] = useState('');
  const load = () =>
    listDriftAlerts(props.endpointId).then(
      (page) => setAlerts(page.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : 'Could not load drift alerts.'),
    );
  useEffect(() => void load(), [props.endpointId, props.version]);
  if (error) return <p class="error">{error}</p>;
  if (!alerts) return <p class="muted">Loading drift history…</p>;
  if (alerts.length === 0) return <p class="muted">No contract drift seen on this endpoint.</p>;
  const onResolved = () => {
    void load();
    props.onChange();
  };
  return (
    <div class="alerts" data-testid="drift-history">
      {alerts.map((alert) => (
        <DriftAlert
          key={alert.id}
          alert={alert}
          open={alert.id === props.openAlertId}
          onResolved={onResolved}
        />
      ))}
    </div>
  );
}
