import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { addToSketch } from './add-to-sketch.js';
import { createSketch } from './create-sketch.js';
import type { QuantileSketch } from './endpoint-model.js';
import { mergeSketch } from './merge-sketch.js';

function sketchOf(values: readonly number[]): QuantileSketch {
  const sketch = createSketch();
  for (const value of values) addToSketch(sketch, value);
  return sketch;
}

const rng = createRng(99);
const values = Array.from({ length: 3000 }, (_, i) =>
  i % 50 === 0 ? 0 : -50 * Math.log(1 - rng.next()),
);
const parts = [values.slice(0, 1000), values.slice(1000, 1001), values.slice(1001)];

describe('mergeSketch', () => {
  it('equals the sketch of all values, in any order', () => {
    const whole = sketchOf(values);
    const [a, b, c] = parts.map(sketchOf) as [QuantileSketch, QuantileSketch, QuantileSketch];

    expect(mergeSketch(mergeSketch(a, b), c)).toEqual(whole);
    expect(mergeSketch(a, mergeSketch(b, c))).toEqual(whole);
    expect(mergeSketch(c, mergeSketch(a, b))).toEqual(whole);
  });

  it('treats an empty side as identity (min/max of the other side)', () => {
    const only = sketchOf([4, 8]);
    expect(mergeSketch(createSketch(), only)).toEqual(only);
    expect(mergeSketch(only, createSketch())).toEqual(only);
    expect(mergeSketch(createSketch(), createSketch())).toEqual(createSketch());
  });

  it('is pure: inputs unchanged, result shares no bucket map', () => {
    const a = sketchOf([1, 2, 3]);
    const b = sketchOf([3, 4]);
    const before = JSON.stringify([a, b]);
    const merged = mergeSketch(a, b);
    addToSketch(merged, 3);

    expect(JSON.stringify([a, b])).toBe(before);
    expect(merged.count).toBe(6);
  });

  it('merges sketches read back from JSON (ordinary prototypes)', () => {
    const a = sketchOf([1, 2, 3]);
    const b = sketchOf([5, 0]);
    const parsed = JSON.parse(JSON.stringify(a)) as QuantileSketch;
    expect(mergeSketch(parsed, b)).toEqual(mergeSketch(a, b));
  });
});
