import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../random.js';
import { createHealthState } from './create-health-state.js';
import { evaluateExchange, type HealthObservation } from './evaluate-exchange.js';
import type { HealthState } from './health-state.js';
import { scoreHealth } from './score-health.js';
import { thresholdForCv } from './threshold-for-cv.js';

const SECOND = 1000;
const T0 = Date.UTC(2025, 0, 1);

/** Log-normal latencies with the given mean and coefficient of variation (Box–Muller). */
function createLatencySampler(seed: number, mean: number, cv: number): () => number {
  const rng = createRng(seed);
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return () => {
    const u1 = 1 - rng.next();
    const u2 = rng.next();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.exp(mu + sigma * z);
  };
}

function ok(at: number, latencyMs: number, responseSize = 2048): HealthObservation {
  return { at, latencyMs, status: 200, responseSize };
}

/** Feeds `count` normal exchanges one second apart starting at `from`; returns the next time. */
function feedNormal(state: HealthState, sample: () => number, from: number, count: number): number {
  for (let i = 0; i < count; i++) evaluateExchange(state, ok(from + i * SECOND, sample()));
  return from + count * SECOND;
}

/** The baseline's σ and z-score threshold as the detector sees them. */
function describeBaseline(state: HealthState): { std: number; threshold: number } {
  const std = Math.sqrt(state.latency.variance);
  return { std, threshold: thresholdForCv(std / state.latency.mean) };
}

describe('evaluateExchange: latency spike', () => {
  it('flags a 10× spike after 200 normal requests, costs 22.5 points, and does not hide the next spike', () => {
    const state = createHealthState();
    const sample = createLatencySampler(7, 100, 0.05);
    // At 2.2σ normal noise flags ~2 % of requests (pinned below); a quiet minute lets those
    // age out so the drop measured is the spike's alone.
    const at = feedNormal(state, sample, T0, 200) + 60 * SECOND;
    const before = scoreHealth(state, at, false);
    const { mean } = state.latency;
    const { std } = describeBaseline(state);

    const first = evaluateExchange(state, ok(at, 10 * mean));
    const second = evaluateExchange(state, ok(at + SECOND, 10 * mean));

    expect(before).toMatchObject({ score: 100, anomalies: [] });
    expect(first.anomalies.map((a) => [a.type, a.severity])).toEqual([['latency_spike', 'high']]);
    // Judged against the baseline before the spike, not one the spike already inflated.
    expect(first.anomalies[0]?.zScore).toBeCloseTo((9 * mean) / std, 6);
    expect(first.snapshot.score).toBe(before.score - 22.5);
    expect(second.anomalies.map((a) => [a.type, a.occurrences])).toEqual([['latency_spike', 2]]);
    expect(second.anomalies[0]?.zScore).toBeGreaterThan(50);
  });

  it('costs 15 points for a spike between the threshold and 4σ', () => {
    const state = createHealthState();
    const at = feedNormal(state, createLatencySampler(11, 100, 0.05), T0, 200) + 60 * SECOND;
    const before = scoreHealth(state, at, false);
    const { std } = describeBaseline(state);

    const result = evaluateExchange(state, ok(at, state.latency.mean + 3 * std));

    expect(before.anomalies).toEqual([]);
    expect(result.anomalies.map((a) => [a.type, a.severity])).toEqual([
      ['latency_spike', 'medium'],
    ]);
    expect(result.snapshot.score).toBe(before.score - 15);
  });

  it.each([
    { label: 'stable (CV 0.05)', cv: 0.05, flagged: true },
    { label: 'volatile (CV 1)', cv: 1, flagged: false },
  ])('a 2.5σ excursion on a $label endpoint: flagged = $flagged', ({ cv, flagged }) => {
    const state = createHealthState();
    const at = feedNormal(state, createLatencySampler(3, 100, cv), T0, 200);
    const { std, threshold } = describeBaseline(state);

    const result = evaluateExchange(state, ok(at, state.latency.mean + 2.5 * std));

    expect(threshold < 2.5).toBe(flagged);
    expect(result.anomalies.some((a) => a.type === 'latency_spike')).toBe(flagged);
  });

  // The spec's thresholds flag the tail of ordinary noise. Pinned so a change shows up:
  // Gaussian-like noise at 2.2σ is flagged ~2 % of the time, almost never beyond 4σ; a
  // heavy-tailed (log-normal) volatile endpoint rarely crosses 6σ, but then always as high.
  it.each([
    { cv: 0.05, maxMedium: 0.025, maxHigh: 0.001 },
    { cv: 0.3, maxMedium: 0.01, maxHigh: 0.005 },
    { cv: 1, maxMedium: 0, maxHigh: 0.01 },
  ])(
    'flags at most the documented share of normal noise (CV $cv)',
    ({ cv, maxMedium, maxHigh }) => {
      const state = createHealthState();
      const sample = createLatencySampler(17, 100, cv);
      const at = feedNormal(state, sample, T0, 200);
      // An episode keeps its worst severity, so classify each occurrence by its own z-score.
      const zScores = Array.from(
        { length: 5000 },
        (_, i) =>
          evaluateExchange(state, ok(at + i * SECOND, sample())).anomalies.find(
            (a) => a.type === 'latency_spike',
          )?.zScore,
      ).filter((z) => z !== undefined);

      expect(zScores.filter((z) => z <= 4).length / 5000).toBeLessThanOrEqual(maxMedium);
      expect(zScores.filter((z) => z > 4).length / 5000).toBeLessThanOrEqual(maxHigh);
    },
  );

  it('returns to HEALTHY once the anomaly window has passed with normal traffic', () => {
    const state = createHealthState();
    const sample = createLatencySampler(5, 100, 0.05);
    let at = feedNormal(state, sample, T0, 200);
    const spikeAt = at;
    expect(evaluateExchange(state, ok(spikeAt, 1000)).snapshot.status).toBe('DEGRADED');

    at = feedNormal(state, () => state.latency.mean, at + SECOND, 60);
    const last = evaluateExchange(state, ok(spikeAt + 60 * SECOND, state.latency.mean));

    expect(at).toBe(spikeAt + 61 * SECOND);
    expect(last.snapshot).toMatchObject({ score: 100, status: 'HEALTHY', anomalies: [] });
  });

  it('does not learn latency or size from error responses', () => {
    const state = createHealthState();
    const at = feedNormal(state, createLatencySampler(9, 100, 0.05), T0, 50);
    const latency = { ...state.latency };
    const size = { ...state.size };

    evaluateExchange(state, { at, latencyMs: 30_000, status: 504, responseSize: 10 });

    expect(state.latency).toEqual(latency);
    expect(state.size).toEqual(size);
  });
});

describe('evaluateExchange: error spike', () => {
  it('fires from the third of 30 errors after 100 OK, keeps firing while errors continue, then recovers', () => {
    const state = createHealthState();
    let at = feedNormal(state, () => 100, T0, 100);
    const fired: boolean[] = [];
    const scores: number[] = [];
    for (let i = 0; i < 130; i++, at += SECOND) {
      const result = evaluateExchange(state, { at, latencyMs: 5, status: 503, responseSize: 20 });
      fired.push(result.anomalies.some((a) => a.type === 'error_spike'));
      scores.push(result.snapshot.score);
    }

    expect(fired.slice(0, 2)).toEqual([false, false]);
    expect(fired.slice(2).every(Boolean)).toBe(true);
    expect(scores.slice(2).every((s) => s === 62.5)).toBe(true);
    expect(state.errors.rate).toBeLessThan(0.05);

    // Errors stop: the window drains, then the episode ages out.
    at = feedNormal(state, () => 100, at, 20);
    const drained = evaluateExchange(state, ok(at, 100));
    expect(drained.anomalies).toEqual([]);
    const recovered = evaluateExchange(state, ok(at + 60 * SECOND, 100));
    expect(recovered.snapshot).toMatchObject({ score: 100, status: 'HEALTHY' });
  });
});

describe('evaluateExchange: size drift', () => {
  it('flags a body shrinking from 10 KB to 100 B and costs 10 points', () => {
    const state = createHealthState();
    for (let i = 0; i < 50; i++) evaluateExchange(state, ok(T0 + i * SECOND, 100, 10 * 1024));

    const result = evaluateExchange(state, ok(T0 + 50 * SECOND, 100, 100));

    expect(result.anomalies.map((a) => [a.type, a.severity])).toEqual([['size_drift', 'high']]);
    expect(result.snapshot.score).toBe(90);
  });
});

describe('evaluateExchange: state', () => {
  it('honours a configured anomaly window', () => {
    const state = createHealthState();
    const at = feedNormal(state, () => 100, T0, 40);
    const options = { anomalyWindowMs: 5 * SECOND };

    const spike = evaluateExchange(state, ok(at, 1000), options);
    const during = evaluateExchange(state, ok(at + 4 * SECOND, 100), options);
    const after = evaluateExchange(state, ok(at + 5 * SECOND, 100), options);

    expect(spike.anomalies[0]?.expiresAt).toBe(at + 5 * SECOND);
    expect(during.snapshot.anomalies).toHaveLength(1);
    expect(after.snapshot.anomalies).toEqual([]);
    expect(state.active).toEqual([]);
  });

  it('continues identically from a JSON round trip of its state', () => {
    const sample = createLatencySampler(13, 80, 0.3);
    const rng = createRng(99);
    const observations = Array.from({ length: 400 }, (_, i) => ({
      at: T0 + i * 700,
      latencyMs: i % 97 === 0 ? 2000 : sample(),
      status: rng.next() < 0.05 ? 500 : 200,
      responseSize: i > 300 ? 50 : rng.int(4000, 6000),
    }));
    const original = createHealthState();
    for (const obs of observations.slice(0, 200)) evaluateExchange(original, obs);
    const restored = JSON.parse(JSON.stringify(original)) as HealthState;

    const rest = observations.slice(200);
    const fromOriginal = rest.map((obs) => evaluateExchange(original, obs));
    const fromRestored = rest.map((obs) => evaluateExchange(restored, obs));

    expect(fromRestored).toEqual(fromOriginal);
    expect(restored).toEqual(original);
    expect(fromOriginal.some((r) => r.anomalies.length > 0)).toBe(true);
  });

  it('keeps the score in its band and the state bounded for any traffic', () => {
    const observation = fc.record({
      gapMs: fc.integer({ min: 0, max: 120_000 }),
      latencyMs: fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constant(Number.NaN)),
      status: fc.constantFrom(0, 200, 204, 301, 404, 500, 503),
      responseSize: fc.integer({ min: -1, max: 5_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 400 }), (items) => {
        const state = createHealthState();
        let at = T0;
        for (const item of items) {
          at += item.gapMs;
          const { snapshot } = evaluateExchange(state, { ...item, at });
          expect(snapshot.score).toBeGreaterThanOrEqual(0);
          expect(snapshot.score).toBeLessThanOrEqual(100);
        }
        const types = state.active.map((a) => a.type);
        expect(new Set(types).size).toBe(types.length);
        expect(state.errors.recent.length).toBeLessThanOrEqual(20);
        expect(state.history.length).toBeLessThanOrEqual(120);
        expect(state.openBucket?.latencies.length ?? 0).toBeLessThanOrEqual(64);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { seed: 20250101, numRuns: 60 },
    );
  });
});
