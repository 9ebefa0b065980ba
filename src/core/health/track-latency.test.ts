import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_OPTIONS } from './health-options.js';
import type { LatencyBaseline } from './health-state.js';
import { trackLatency } from './track-latency.js';

const options = DEFAULT_HEALTH_OPTIONS;

/** Alternating mean−d, mean+d: a baseline with σ ≈ d and CV ≈ d/mean, no randomness needed. */
function createBaseline(count: number, mean: number, d: number): LatencyBaseline {
  const baseline: LatencyBaseline = { count: 0, mean: 0, variance: 0 };
  for (let i = 0; i < count; i++)
    trackLatency(baseline, i % 2 === 0 ? mean - d : mean + d, options);
  return baseline;
}

function judge(baseline: LatencyBaseline, latencyMs: number) {
  return trackLatency({ ...baseline }, latencyMs, options);
}

describe('trackLatency', () => {
  it.each([
    { samples: 29, flagged: false },
    { samples: 30, flagged: true },
  ])(
    'judges only after the warm-up ($samples samples → flagged: $flagged)',
    ({ samples, flagged }) => {
      expect(judge(createBaseline(samples, 100, 5), 10_000) !== undefined).toBe(flagged);
    },
  );

  it('judges against the baseline before absorbing the sample', () => {
    const baseline = createBaseline(200, 100, 5);
    const expected = (1000 - baseline.mean) / Math.sqrt(baseline.variance);

    expect(trackLatency(baseline, 1000, options)?.zScore).toBeCloseTo(expected, 9);
    expect(baseline.count).toBe(201);
  });

  it.each([
    { label: 'stable', d: 5, flagged: true },
    { label: 'volatile', d: 99, flagged: false },
  ])('a 2.5σ excursion on a $label endpoint: flagged = $flagged', ({ d, flagged }) => {
    const baseline = createBaseline(200, 100, d);
    const excursion = baseline.mean + 2.5 * Math.sqrt(baseline.variance);

    expect(judge(baseline, excursion) !== undefined).toBe(flagged);
  });

  it.each([
    { z: 2, severity: undefined },
    { z: 3, severity: 'medium' },
    { z: 3.9, severity: 'medium' },
    { z: 4.1, severity: 'high' },
    { z: 20, severity: 'high' },
    { z: -10, severity: undefined },
  ])('a $z σ sample → $severity', ({ z, severity }) => {
    const baseline = createBaseline(200, 100, 5);
    const latency = baseline.mean + z * Math.sqrt(baseline.variance);

    expect(judge(baseline, latency)?.severity).toBe(severity);
  });

  it('writes a readable message', () => {
    const finding = judge(createBaseline(200, 80, 4), 812);

    expect(finding?.message).toMatch(
      /^Latency 812 ms is \d+\.\dσ above the 80 ms baseline \(threshold 2\.2σ\)$/,
    );
  });

  it('does not let one spike hide the next', () => {
    const baseline = createBaseline(200, 100, 5);
    const findings = [1000, 1000, 1000, 1000, 1000].map((ms) =>
      trackLatency(baseline, ms, options),
    );
    const excursion = baseline.mean + 3 * Math.sqrt(baseline.variance);

    expect(findings.every((f) => f?.severity === 'high')).toBe(true);
    expect(baseline.mean).toBeLessThan(103);
    expect(Math.sqrt(baseline.variance)).toBeLessThan(7.5);
    expect(judge(baseline, excursion)?.type).toBe('latency_spike');
  });

  it('learns a lasting shift of the latency level, gradually', () => {
    const baseline = createBaseline(200, 100, 5);
    const flagged = Array.from({ length: 400 }, (_, i) =>
      trackLatency(baseline, i % 2 === 0 ? 195 : 205, options),
    ).map((f) => f !== undefined);

    expect(flagged.slice(0, 10).every(Boolean)).toBe(true);
    expect(flagged.slice(-100).some(Boolean)).toBe(false);
  });

  it('floors σ so a constant-latency endpoint ignores jitter but not a real step', () => {
    const baseline = createBaseline(100, 100, 0);

    expect(judge(baseline, 101)).toBeUndefined();
    expect(judge(baseline, 110)?.zScore).toBeCloseTo(5, 9);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1])('ignores a latency of %s', (ms) => {
    const baseline = createBaseline(100, 100, 5);
    const before = { ...baseline };

    expect(trackLatency(baseline, ms, options)).toBeUndefined();
    expect(baseline).toEqual(before);
  });
});
