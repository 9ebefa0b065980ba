import { addCount } from './add-count.js';
import { bucketIndexOf, SKETCH_MIN_VALUE } from './bucket-index-of.js';
import type { QuantileSketch } from './endpoint-model.js';
import { extendRange } from './extend-range.js';

/** Adds one value (mutating). NaN and ±Infinity are ignored: they have no bucket. */
export function addToSketch(sketch: QuantileSketch, value: number): void {
  if (!Number.isFinite(value)) return;
  extendRange(sketch, value);
  sketch.count++;
  if (value <= SKETCH_MIN_VALUE) sketch.zeroCount++;
  else addCount(sketch.buckets, String(bucketIndexOf(value)));
}
