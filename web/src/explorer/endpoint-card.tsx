import { useState } from 'preact/hooks';
import type { ExplorerItemView } from '../lib/views.js';
import { HealthBadge } from '../shared/health-badge.js';
import { AnomaliesPanel } from './anomalies-panel.js';
import { EndpointDetail, type DetailTab } from './endpoint-detail.js';

/** Top-level keys shown in a card's preview line. */
const PREVIEW_KEYS = 8;

function formatMs(value: number): string {
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

function previewKeys(item: ExplorerItemView): string | null {
  const schema = item.schema_preview?.schema;
  const properties =
    schema && typeof schema.properties === 'object' ? Object.keys(schema.properties) : [];
  if (properties.length === 0) return null;
  const shown = properties.slice(0, PREVIEW_KEYS).join(', ');
  return `{ ${shown}${properties.length > PREVIEW_KEYS ? ', …' : ''} }`;
}

/** One endpoint of the Explorer: summary, health, anomalies and drift; expands to the deep-dive. */
export function EndpointCard(props: {
  item: ExplorerItemView;
  version: number;
  onChange: () => void;
}) {
  const { item } = props;
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<DetailTab>('schemas');
  const [openAlertId, setOpenAlertId] = useState<number | undefined>();
  const { stats } = item;
  const drift = item.latest_drift;
  const preview = previewKeys(item);
  const openDrift = (alertId: number) => {
    setOpenAlertId(alertId);
    setTab('drift');
    setOpen(true);
  };
  return (
    <article class="card" data-testid="endpoint-card" data-endpoint-id={item.id}>
      <button
        type="button"
        class="card-head"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        data-testid="endpoint-toggle"
      >
        <span class="method">{item.method}</span>
        <span class="template" data-testid="endpoint-template">
          {item.template}
        </span>
        {item.manual && <span class="badge">manual</span>}
        <HealthBadge health={item.health} />
        {item.unresolved_count > 0 && (
          <span class="badge drift-open" data-testid="drift-badge">
            ⚠ {item.unresolved_count} open drift
          </span>
        )}
      </button>
      <div class="card-stats muted">
        <span>
          {stats.requestCount} request{stats.requestCount === 1 ? '' : 's'}
        </span>
        <span>
          p50 {formatMs(stats.latency.p50)} · p95 {formatMs(stats.latency.p95)}
        </span>
        <span>errors {(stats.errorRate * 100).toFixed(1)}%</span>
        <span>
          {Object.entries(stats.statusCounts)
            .map(([status, count]) => `${status}×${count}`)
            .join(' ')}
        </span>
      </div>
      {preview && (
        <div class="card-preview">
          <span class="muted">{item.schema_preview?.status} → </span>
          <code>{preview}</code>
        </div>
      )}
      <AnomaliesPanel anomalies={item.health?.anomalies ?? []} />
      {drift && !drift.resolved && (
        <div class="row drift-line">
          <span class="badge drift-score open">{drift.score}</span>
          <span>{drift.summary}</span>
          <button type="button" onClick={() => openDrift(drift.id)} data-testid="open-drift">
            Open drift alert
          </button>
        </div>
      )}
      {open && (
        <EndpointDetail
          endpointId={item.id}
          tab={tab}
          onTab={setTab}
          openAlertId={openAlertId}
          version={props.version}
          onChange={props.onChange}
        />
      )}
    </article>
  );
}
