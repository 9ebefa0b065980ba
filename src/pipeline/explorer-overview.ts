import { summarizeStats } from '../core/model/summarize-stats.js';
import { toJsonSchema } from '../core/schema/to-json-schema.js';
import type { HealthSnapshot } from '../core/health/score-health.js';
import type { Store } from '../store/store.js';
import type { HealthTracker } from './stages/health-tracker.js';

export interface ExplorerItem {
  id: number;
  method: string;
  template: string;
  manual: boolean;
  stats: ReturnType<typeof summarizeStats>;
  /** The most common 2xx response's JSON Schema (what most cards show). */
  schema_preview: { status: string; schema: unknown } | null;
  request_schema: unknown;
  health: HealthSnapshot | null;
  latest_drift: {
    id: number;
    score: number;
    summary: string;
    narration: unknown;
    details: unknown[];
    resolved: boolean;
    last_seen: string;
  } | null;
  unresolved_count: number;
}

/** Everything the Explorer's cards need, for one page of endpoints, in one round trip. */
export async function explorerOverview(
  store: Store,
  health: HealthTracker,
  now: number,
  query: { search: string; limit: number; offset: number },
): Promise<{ total: number; items: ExplorerItem[] }> {
  const page = await store.listEndpoints(query);
  const items: ExplorerItem[] = [];
  for (const endpoint of page.items) {
    const { model } = endpoint;
    const success = Object.entries(model.stats.statusCounts)
      .filter(([status]) => status.startsWith('2') && model.responses[status]?.schema)
      .sort((a, b) => b[1] - a[1])[0]?.[0];
    const alerts = await store.listDriftAlerts({ endpointId: endpoint.id, limit: 1, offset: 0 });
    const open = await store.listDriftAlerts({
      endpointId: endpoint.id,
      unresolvedOnly: true,
      limit: 1,
      offset: 0,
    });
    const latest = open.items[0] ?? alerts.items[0];
    items.push({
      id: endpoint.id,
      method: endpoint.method,
      template: endpoint.template,
      manual: model.manual,
      stats: summarizeStats(model, now),
      schema_preview:
        success && model.responses[success]?.schema
          ? { status: success, schema: toJsonSchema(model.responses[success].schema) }
          : null,
      request_schema: model.requestSchema ? toJsonSchema(model.requestSchema) : null,
      health: health.snapshot(`${endpoint.method} ${endpoint.template}`, now) ?? null,
      latest_drift: latest
        ? {
            id: latest.id,
            score: latest.score,
            summary: latest.summary,
            narration: latest.narration,
            details: latest.details,
            resolved: latest.resolved,
            last_seen: new Date(latest.lastSeen).toISOString(),
          }
        : null,
      unresolved_count: open.total,
    });
  }
  return { total: page.total, items };
}
