import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { addToSketch } from './add-to-sketch.js';
import { SKETCH_BUCKET_LIMIT, SKETCH_MAX_VALUE } from './bucket-index-of.js';
import { createSketch } from './create-sketch.js';
import type { QuantileSketch } from './endpoint-model.js';
import { quantileOf } from './quantile-of.js';

function sketchOf(values: readonly number[]): QuantileSketch {
  const sketch = createSketch();
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

/** The value of rank ⌊q·(n−1)⌋, which the sketch promises to estimate within 1%. */
function exactQuantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
}

const rng = createRng(20250101);
const normal = (): number =>
  Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

const DISTRIBUTIONS: { name: string; values: number[] }[] = [
  { name: 'uniform integers 1..1000', values: Array.from({ length: 1000 }, (_, i) => i + 1) },
  { name: 'uniform 0..5000 ms', values: Array.from({ length: 20_000 }, () => rng.next() * 5000) },
  {
    name: 'exponential, mean 100 ms',
    values: Array.from({ length: 20_000 }, () => -100 * Math.log(1 - rng.next())),
  },
  {
    name: 'log-normal around 80 ms',
    values: Array.from({ length: 20_000 }, () => 80 * Math.exp(0.8 * normal())),
  },
  {
    name: 'bimodal 20 ms / 2 s (10% slow)',
    values: Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? 2000 : 20) + rng.next()),
  },
  { name: 'constant 42 ms', values: Array.from({ length: 500 }, () => 42) },
  { name: 'sub-millisecond', values: Array.from({ length: 5000 }, () => 0.002 + rng.next()) },
];

describe('quantileOf', () => {
  for (const { name, values } of DISTRIBUTIONS) {
    it(`estimates p50/p95/p99 of ${name} within 1%`, () => {
      const sketch = sketchOf(values);
      for (const q of [0.5, 0.95, 0.99]) {
        const exact = exactQuantile(values, q);
        const estimate = quantileOf(sketch, q);
        expect(
          Math.abs(estimate - exact) / exact,
          `q=${q}: ${estimate} vs ${exact}`,
        ).toBeLessThanOrEqual(0.01 + 1e-12);
      }
    });
  }

  it.each([
    { name: 'empty sketch', values: [], q: 0.5, expected: 0 },
    { name: 'q = 0 is the exact min', values: [3.3, 7, 1000], q: 0, expected: 3.3 },
    { name: 'q = 1 is the exact max', values: [3.3, 7, 1000.7], q: 1, expected: 1000.7 },
    { name: 'zeros are a bucket of their own', values: [0, 0, 0, 10], q: 0.5, expected: 0 },
    { name: 'negative values count as zeros', values: [-5, -5, 10], q: 0.5, expected: 0 },
    {
      name: 'NaN and infinities are ignored',
      values: [Number.NaN, 5, Infinity, -Infinity],
      q: 0.5,
      expected: 5,
    },
    { name: 'an estimate never leaves [min, max]', values: [100, 100], q: 0.5, expected: 100 },
  ])('$name', ({ values, q, expected }) => {
    expect(quantileOf(sketchOf(values), q)).toBeCloseTo(expected, 6);
  });

  it('counts only finite values', () => {
    const sketch = sketchOf([Number.NaN, 1, Infinity, 0]);
    expect(sketch).toMatchObject({ count: 2, zeroCount: 1, min: 0, max: 1 });
  });

  it('stays within SKETCH_BUCKET_LIMIT buckets over any range, keeping the exact max', () => {
    const values: number[] = [];
    for (let v = 1e-6; v < 1e15; v *= 1.01) values.push(v);
    const sketch = sketchOf(values);

    expect(SKETCH_BUCKET_LIMIT).toBeLessThanOrEqual(2048);
    const buckets = Object.keys(sketch.buckets).length;
    expect(buckets).toBeLessThanOrEqual(SKETCH_BUCKET_LIMIT);
    // Steps of 1% are finer than the 2% buckets, so every bucket is hit but perhaps the
    // lowest, which starts a sliver above SKETCH_MIN_VALUE.
    expect(buckets).toBeGreaterThanOrEqual(SKETCH_BUCKET_LIMIT - 1);
    expect(quantileOf(sketch, 1)).toBe(sketch.max);
    expect(
      quantileOf(sketchOf([SKETCH_MAX_VALUE * 10, SKETCH_MAX_VALUE * 100]), 0.5),
    ).toBeGreaterThanOrEqual(SKETCH_MAX_VALUE * 10);
  });
});
