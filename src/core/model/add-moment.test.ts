import { describe, expect, it } from 'vitest';
import { addMoment } from './add-moment.js';
import { createMoments } from './create-moments.js';
import { decayedMeanOf } from './decayed-mean-of.js';
import { decayedStdOf } from './decayed-std-of.js';
import { decayedWeightAt } from './decayed-weight-at.js';
import { DECAY_HALF_LIFE_MS, type MomentStats } from './endpoint-model.js';
import { meanOf } from './mean-of.js';
import { stdOf } from './std-of.js';

const T0 = Date.UTC(2025, 0, 1);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function momentsOf(samples: readonly (readonly [value: number, at: number])[]): MomentStats {
  const m = createMoments();
  for (const [value, at] of samples) addMoment(m, value, at);
  return m;
}

/** One sample per second from `from` for `minutes`, all equal to `value`. */
function level(value: number, from: number, minutes: number): [number, number][] {
  return Array.from({ length: minutes * 60 }, (_, i) => [value, from + i * SECOND]);
}

describe('addMoment and the moment readers', () => {
  it.each([
    { name: 'empty', values: [], mean: 0, std: 0, min: 0, max: 0 },
    { name: 'one sample', values: [7], mean: 7, std: 0, min: 7, max: 7 },
    { name: 'textbook set', values: [2, 4, 4, 4, 5, 5, 7, 9], mean: 5, std: 2, min: 2, max: 9 },
    { name: 'constant', values: [3, 3, 3], mean: 3, std: 0, min: 3, max: 3 },
    {
      name: 'NaN and infinities ignored',
      values: [1, Number.NaN, 3, Infinity],
      mean: 2,
      std: 1,
      min: 1,
      max: 3,
    },
  ])(
    '$name: mean, std, min, max (decayed equal when simultaneous)',
    ({ values, mean, std, min, max }) => {
      const m = momentsOf(values.map((v) => [v, T0]));
      expect(meanOf(m)).toBeCloseTo(mean, 12);
      expect(stdOf(m)).toBeCloseTo(std, 12);
      expect(decayedMeanOf(m)).toBeCloseTo(mean, 12);
      expect(decayedStdOf(m)).toBeCloseTo(std, 12);
      expect([m.min, m.max, m.count]).toEqual([min, max, values.filter(Number.isFinite).length]);
    },
  );

  it('follows a level shift with the decayed mean while the plain mean lags', () => {
    const m = momentsOf(level(100, T0, 60));
    expect(decayedMeanOf(m)).toBeCloseTo(100, 9);

    for (const [value, at] of level(200, T0 + 60 * MINUTE, 10)) addMoment(m, value, at);
    // After one half-life the new level carries about half of the weight.
    expect(decayedMeanOf(m)).toBeGreaterThan(145);
    expect(decayedMeanOf(m)).toBeLessThan(155);

    for (const [value, at] of level(200, T0 + 70 * MINUTE, 50)) addMoment(m, value, at);
    // After six half-lives the old level weighs 2^-6 of what it did.
    expect(meanOf(m)).toBeCloseTo(150, 9);
    expect(decayedMeanOf(m)).toBeGreaterThan(198);
    expect(decayedMeanOf(m)).toBeLessThan(199);
    expect(stdOf(m)).toBeCloseTo(50, 9);
    expect(decayedStdOf(m)).toBeLessThan(15);
  });

  it('weighs each sample by its age, whatever the arrival order', () => {
    const samples: [number, number][] = [
      [10, T0],
      [30, T0 + DECAY_HALF_LIFE_MS],
      [50, T0 + 3 * DECAY_HALF_LIFE_MS],
    ];
    const inOrder = momentsOf(samples);
    const reversed = momentsOf([...samples].reverse());
    // Weights at the newest sample: 1/8, 1/4, 1.
    const expected = (10 / 8 + 30 / 4 + 50) / (1 / 8 + 1 / 4 + 1);

    for (const m of [inOrder, reversed]) {
      expect(m.refTime).toBe(T0 + 3 * DECAY_HALF_LIFE_MS);
      expect(m.decayedWeight).toBeCloseTo(1.375, 12);
      expect(decayedMeanOf(m)).toBeCloseTo(expected, 12);
    }
  });

  it('reports the fading evidence of an idle endpoint with decayedWeightAt', () => {
    const m = momentsOf([
      [5, T0],
      [5, T0],
    ]);
    expect(decayedWeightAt(m, T0)).toBe(2);
    expect(decayedWeightAt(m, T0 + DECAY_HALF_LIFE_MS)).toBeCloseTo(1, 12);
    expect(decayedWeightAt(m, T0 - MINUTE)).toBe(2);
    expect(decayedMeanOf(m)).toBe(5);
  });
});
