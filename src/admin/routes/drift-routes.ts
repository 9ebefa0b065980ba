import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { DriftAlertRow } from '../../store/store.js';
import type { AdminDeps } from '../admin-deps.js';

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

/** An alert as the API shows it (the adopted sample stays inside the engine). */
export function alertView(alert: DriftAlertRow) {
  return {
    id: alert.id,
    endpoint_id: alert.endpointId,
    target: alert.target,
    status: alert.status,
    drift_score: alert.score,
    drift_summary: alert.summary,
    drift_details: alert.details,
    drift_narration: alert.narration,
    occurrences: alert.occurrences,
    first_seen: new Date(alert.firstSeen).toISOString(),
    last_seen: new Date(alert.lastSeen).toISOString(),
    is_resolved: alert.resolved,
    resolved_at: alert.resolvedAt === null ? null : new Date(alert.resolvedAt).toISOString(),
    accepted: alert.accepted,
  };
}

/** Contract drift alerts: list, resolve (accept or acknowledge), per-endpoint stats. */
export function registerDriftRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get(
    '/admin/drift-alerts',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            unresolved_only: { type: 'boolean', default: false },
            endpoint_id: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000, default: 0 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        unresolved_only: boolean;
        endpoint_id?: number;
        limit: number;
        offset: number;
      };
      const page = await deps.engine.listDriftAlerts({
        unresolvedOnly: q.unresolved_only,
        ...(q.endpoint_id !== undefined ? { endpointId: q.endpoint_id } : {}),
        limit: q.limit,
        offset: q.offset,
      });
      return {
        total: page.total,
        limit: q.limit,
        offset: q.offset,
        items: page.items.map(alertView),
      };
    },
  );

  app.post(
    '/admin/drift-alerts/:id/resolve',
    {
      schema: {
        params: ID_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { accept: { type: 'boolean', default: false } },
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { accept } = (request.body ?? { accept: false }) as { accept: boolean };
      const alert = await deps.engine.resolveDriftAlert(id, accept);
      if (!alert) throw new AppError('NOT_FOUND', `Drift alert ${id} does not exist.`);
      return { status: accept ? 'accepted' : 'acknowledged', alert: alertView(alert) };
    },
  );

  app.get(
    '/admin/endpoints/:id/drift-stats',
    { schema: { params: ID_PARAMS } },
    async (request) => {
      const { id } = request.params as { id: number };
      const stats = await deps.engine.driftStats(id);
      if (!stats) throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
      return {
        endpoint_id: stats.endpointId,
        total_alerts: stats.totalAlerts,
        unresolved_alerts: stats.unresolvedAlerts,
        average_drift_score: stats.averageDriftScore,
        latest_alert: stats.latestAlert ? alertView(stats.latestAlert) : null,
      };
    },
  );
}
