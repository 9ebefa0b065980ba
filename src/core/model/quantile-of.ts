import { SKETCH_ACCURACY, SKETCH_GAMMA } from './bucket-index-of.js';
import type { QuantileSketch } from './endpoint-model.js';

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Estimated q-quantile (q in [0, 1]) of the values added: the value of rank ⌊q·(count−1)⌋
 * within 1% relative error (exact min and max at q = 0 and 1). 0 for an empty sketch.
 */
export function quantileOf(sketch: QuantileSketch, q: number): number {
  if (sketch.count === 0) return 0;
  if (q <= 0) return sketch.min;
  if (q >= 1) return sketch.max;
  const rank = q * (sketch.count - 1);
  let seen = sketch.zeroCount;
  if (seen > rank) return clamp(0, sketch.min, sketch.max);
  const indices = Object.keys(sketch.buckets)
    .map(Number)
    .filter(Number.isInteger)
    .sort((x, y) => x - y);
  for (const index of indices) {
    seen += sketch.buckets[String(index)] ?? 0;
    // γ^i·(1−α) = 2γ^i/(γ+1): the point of (γ^(i-1), γ^i] within α of both ends.
    if (seen > rank)
      return clamp(SKETCH_GAMMA ** index * (1 - SKETCH_ACCURACY), sketch.min, sketch.max);
  }
  return sketch.max;
}
