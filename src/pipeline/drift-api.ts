import { inferSchema } from '../core/schema/infer-schema.js';
import { mergeSchema } from '../core/schema/merge-schema.js';
import type { Store, StoredEndpoint } from '../store/store.js';
import type { DriftStats, EngineApi } from './engine-api.js';
import type { HealthTracker } from './stages/health-tracker.js';

export interface DriftApiDeps {
  store: Store;
  models: Map<string, StoredEndpoint>;
  health: HealthTracker;
  now: () => number;
  publish: (endpoints: StoredEndpoint[]) => void;
}

const key = (e: { method: string; template: string }) => `${e.method} ${e.template}`;

/** Any BREAKING change scores at least 50 (core/drift/score-drift.ts). */
const BREAKING_SCORE = 50;
const PAGE = 200;

/** Whether an endpoint still has an unresolved BREAKING alert (its health carries −20). */
export async function hasActiveBreaking(store: Store, endpointId: number): Promise<boolean> {
  return (await listBreakingEndpoints(store, endpointId)).size > 0;
}

/** Ids of the endpoints (or of `endpointId` only) with an unresolved BREAKING alert. */
export async function listBreakingEndpoints(
  store: Store,
  endpointId?: number,
): Promise<Set<number>> {
  const ids = new Set<number>();
  for (let offset = 0; ; offset += PAGE) {
    const open = await store.listDriftAlerts({
      unresolvedOnly: true,
      ...(endpointId === undefined ? {} : { endpointId }),
      limit: PAGE,
      offset,
    });
    for (const alert of open.items) if (alert.score >= BREAKING_SCORE) ids.add(alert.endpointId);
    if (open.items.length < PAGE || (endpointId !== undefined && ids.size > 0)) return ids;
  }
}

/** The drift part of the engine API: listing, stats and resolve/accept. */
export function createDriftApi(
  deps: DriftApiDeps,
): Pick<EngineApi, 'listDriftAlerts' | 'resolveDriftAlert' | 'driftStats'> {
  return {
    listDriftAlerts: (query) => deps.store.listDriftAlerts(query),
    async resolveDriftAlert(id, accept) {
      const alert = await deps.store.resolveDriftAlert(id, accept, deps.now());
      if (!alert) return undefined;
      const endpoint = await deps.store.getEndpoint(alert.endpointId);
      if (endpoint && accept && alert.sample !== null) {
        // Adopt the new shape: the drifting body joins the baseline, so it no longer drifts.
        const model = endpoint.model;
        const sampleSchema = inferSchema(alert.sample);
        if (alert.target === 'request') {
          model.requestSchema = model.requestSchema
            ? mergeSchema(model.requestSchema, sampleSchema)
            : sampleSchema;
        } else {
          const response = model.responses[alert.status];
          if (response)
            response.schema = response.schema
              ? mergeSchema(response.schema, sampleSchema)
              : sampleSchema;
        }
        const saved = await deps.store.putEndpoint(endpoint.method, endpoint.template, model);
        deps.models.set(key(saved), saved);
        deps.publish([saved]);
      }
      if (endpoint)
        deps.health.setDrift(key(endpoint), await hasActiveBreaking(deps.store, endpoint.id));
      return alert;
    },
    async driftStats(endpointId): Promise<DriftStats | undefined> {
      const endpoint = await deps.store.getEndpoint(endpointId);
      if (!endpoint) return undefined;
      const all = await deps.store.listDriftAlerts({ endpointId, limit: 200, offset: 0 });
      const unresolved = all.items.filter((a) => !a.resolved);
      const latest = unresolved[0] ?? all.items[0] ?? null;
      const average = all.items.length
        ? all.items.reduce((n, a) => n + a.score, 0) / all.items.length
        : 0;
      return {
        endpointId,
        totalAlerts: all.total,
        unresolvedAlerts: unresolved.length,
        averageDriftScore: Math.round(average * 100) / 100,
        latestAlert: latest,
      };
    },
  };
}
