import { describe, expect, it } from 'vitest';
import { createEndpointModel } from './create-endpoint-model.js';
import { DECAY_HALF_LIFE_MS } from './endpoint-model.js';
import { makeObservation } from './make-observation.js';
import { observeExchange } from './observe-exchange.js';
import { summarizeStats } from './summarize-stats.js';

const T0 = Date.UTC(2025, 0, 1);

describe('summarizeStats', () => {
  it('reports zeros for an endpoint without traffic', () => {
    expect(summarizeStats(createEndpointModel('GET', '/'), T0)).toEqual({
      requestCount: 0,
      statusCounts: {},
      errorRate: 0,
      latency: {
        mean: 0,
        std: 0,
        decayedMean: 0,
        decayedStd: 0,
        decayedWeight: 0,
        p50: 0,
        p95: 0,
        p99: 0,
        min: 0,
        max: 0,
      },
      responseSize: { mean: 0, min: 0, max: 0 },
      firstSeen: 0,
      lastSeen: 0,
    });
  });

  it('summarises counts, error rate, latency and sizes as plain numbers', () => {
    const model = createEndpointModel('GET', '/');
    const rows = [
      { status: 200, latencyMs: 10, responseSize: 100 },
      { status: 200, latencyMs: 20, responseSize: 300 },
      { status: 404, latencyMs: 30, responseSize: 50 },
      { status: 500, latencyMs: 40, responseSize: 0 },
      { status: 0, latencyMs: 50, responseSize: 0 },
      { status: 200, latencyMs: 90, responseSize: 150 },
    ];
    rows.forEach((row, i) =>
      observeExchange(model, makeObservation({ ...row, startedAt: T0 + i }), T0 + 10),
    );
    const summary = summarizeStats(model, T0 + 5 + DECAY_HALF_LIFE_MS);

    expect(summary).toMatchObject({
      requestCount: 6,
      statusCounts: { '0': 1, '200': 3, '404': 1, '500': 1 },
      errorRate: 2 / 6,
      responseSize: { mean: 100, min: 0, max: 300 },
      firstSeen: T0,
      lastSeen: T0 + 5,
    });
    expect(summary.latency.mean).toBeCloseTo(40, 9);
    expect(summary.latency.std).toBeCloseTo(Math.sqrt((900 + 400 + 100 + 0 + 100 + 2500) / 6), 9);
    expect(summary.latency.decayedMean).toBeCloseTo(40, 3);
    expect([summary.latency.min, summary.latency.max]).toEqual([10, 90]);
    expect(Math.abs(summary.latency.p50 - 30) / 30).toBeLessThanOrEqual(0.01);
    expect(Math.abs(summary.latency.p99 - 50) / 50).toBeLessThanOrEqual(0.01);
    // Six samples a half-life ago weigh three now.
    expect(summary.latency.decayedWeight).toBeCloseTo(3, 3);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
