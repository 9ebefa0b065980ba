import type { FastifyInstance } from 'fastify';
import { quantileOf } from '../../core/model/quantile-of.js';
import type { TimeBucket } from '../../core/model/endpoint-model.js';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

/** One minute of an endpoint's chart: plain numbers, quantiles already read from the sketch. */
export interface SeriesPoint {
  start: number;
  count: number;
  errorCount: number;
  p50: number;
  p95: number;
  statusCounts: Record<string, number>;
}

/** Reads a time bucket as a chart point (the browser never sees sketch internals). */
export function toSeriesPoint(bucket: TimeBucket): SeriesPoint {
  return {
    start: bucket.start,
    count: bucket.count,
    errorCount: bucket.errorCount,
    p50: quantileOf(bucket.latency, 0.5),
    p95: quantileOf(bucket.latency, 0.95),
    statusCounts: { ...bucket.statusCounts },
  };
}

/** Read-only routes the Explorer's charts need beyond the endpoint views. */
export function registerExplorerRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/endpoints/:id/series', { schema: { params: ID_PARAMS } }, async (request) => {
    const { id } = request.params as { id: number };
    const endpoint = await deps.engine.getEndpoint(id);
    if (!endpoint) throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
    return { id, points: endpoint.model.stats.series.map(toSeriesPoint) };
  });
}
