import { describe, it, expect } from 'vitest';
import Fastify from 'fastify';
import { addToSeries } from '../../core/model/add-to-series.js';
import { createEndpointModel } from '../../core/model/create-endpoint-model.js';
import { createTimeBucket } from '../../core/model/create-time-bucket.js';
import type { TimeBucket } from '../../core/model/endpoint-model.js';
import type { StoredEndpoint } from '../../store/store.js';
import type { AdminDeps } from '../admin-deps.js';
import { registerExplorerRoutes, toSeriesPoint } from './explorer-routes.js';

const MINUTE = 60_000;

function bucketOf(latencies: number[], status = 200): TimeBucket {
  const series: TimeBucket[] = [];
  for (const latency of latencies) addToSeries(series, 5 * MINUTE, status, latency);
  return series[0] ?? createTimeBucket(5 * MINUTE);
}

describe('toSeriesPoint', () => {
  const ramp = Array.from({ length: 100 }, (_, i) => i + 1);
  it.each([
    { name: 'empty minute', latencies: [], p50: 0, p95: 0 },
    { name: 'one value', latencies: [40], p50: 40, p95: 40 },
    { name: '1..100 ms', latencies: ramp, p50: 50, p95: 95 },
  ])('reads p50/p95 from the sketch: $name', ({ latencies, p50, p95 }) => {
    const point = toSeriesPoint(bucketOf(latencies));
    // The sketch is accurate to 1% relative error.
    expect(point.p50).toBeGreaterThanOrEqual(p50 * 0.98);
    expect(point.p50).toBeLessThanOrEqual(p50 * 1.02);
    expect(point.p95).toBeGreaterThanOrEqual(p95 * 0.98);
    expect(point.p95).toBeLessThanOrEqual(p95 * 1.02);
    expect(point.count).toBe(latencies.length);
    expect(point).not.toHaveProperty('latency');
  });

  it('copies status counts and error counts', () => {
    const series: TimeBucket[] = [];
    addToSeries(series, MINUTE, 200, 5);
    addToSeries(series, MINUTE, 503, 9);
    addToSeries(series, MINUTE, 503, 7);
    const point = toSeriesPoint(series[0]!);
    expect(point).toMatchObject({ start: MINUTE, count: 3, errorCount: 2 });
    expect(point.statusCounts).toEqual({ '200': 1, '503': 2 });
  });
});

describe('GET /admin/endpoints/:id/series', () => {
  const model = createEndpointModel('GET', '/users/{id}');
  addToSeries(model.stats.series, MINUTE, 200, 10);
  addToSeries(model.stats.series, 2 * MINUTE, 404, 20);
  const stored: StoredEndpoint = {
    id: 7,
    method: 'GET',
    template: '/users/{id}',
    model,
    createdAt: 0,
    updatedAt: 0,
  };
  const deps = {
    engine: { getEndpoint: (id: number) => Promise.resolve(id === 7 ? stored : undefined) },
  } as unknown as AdminDeps;

  it.each([
    { url: '/admin/endpoints/7/series', status: 200, points: 2 },
    { url: '/admin/endpoints/8/series', status: 404, points: undefined },
    { url: '/admin/endpoints/abc/series', status: 400, points: undefined },
  ])('$url answers $status', async ({ url, status, points }) => {
    const app = Fastify();
    registerExplorerRoutes(app, deps);
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    if (points !== undefined) {
      const body = response.json<{ id: number; points: { start: number }[] }>();
      expect(body.id).toBe(7);
      expect(body.points.map((p) => p.start)).toEqual([MINUTE, 2 * MINUTE].slice(0, points));
    }
    await app.close();
  });
});
