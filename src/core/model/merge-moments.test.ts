import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { addMoment } from './add-moment.js';
import { createMoments } from './create-moments.js';
import type { MomentStats } from './endpoint-model.js';
import { mergeMoments } from './merge-moments.js';

const T0 = Date.UTC(2025, 0, 1);
const rng = createRng(5);
const samples = Array.from(
  { length: 600 },
  () => [rng.int(0, 5000), T0 + rng.int(0, 7_200_000)] as const,
);

function momentsOf(list: readonly (readonly [number, number])[]): MomentStats {
  const m = createMoments();
  for (const [value, at] of list) addMoment(m, value, at);
  return m;
}

function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('mergeMoments', () => {
  it('equals adding every sample to one side: exact counts and integer sums, decayed to rounding', () => {
    const whole = momentsOf(samples);
    const merged = mergeMoments(momentsOf(samples.slice(0, 250)), momentsOf(samples.slice(250)));

    expect([
      merged.count,
      merged.sum,
      merged.sumSquares,
      merged.min,
      merged.max,
      merged.refTime,
    ]).toEqual([whole.count, whole.sum, whole.sumSquares, whole.min, whole.max, whole.refTime]);
    expectClose(merged.decayedWeight, whole.decayedWeight);
    expectClose(merged.decayedSum, whole.decayedSum);
    expectClose(merged.decayedSumSquares, whole.decayedSumSquares);
  });

  it('is exactly commutative and has the empty moments as exact identity', () => {
    const a = momentsOf(samples.slice(0, 100));
    const b = momentsOf(samples.slice(100, 180));
    expect(mergeMoments(a, b)).toEqual(mergeMoments(b, a));
    expect(mergeMoments(a, createMoments())).toEqual(a);
    expect(mergeMoments(createMoments(), a)).toEqual(a);
    expect(mergeMoments(createMoments(), createMoments())).toEqual(createMoments());
  });

  it('does not mutate its inputs', () => {
    const a = momentsOf(samples.slice(0, 10));
    const b = momentsOf(samples.slice(10, 20));
    const before = JSON.stringify([a, b]);
    mergeMoments(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });
});
