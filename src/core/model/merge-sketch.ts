import type { QuantileSketch } from './endpoint-model.js';
import { mergeCounts } from './merge-counts.js';
import { mergeRange } from './merge-range.js';

/**
 * The sketch of both inputs' values (pure). Exact: bucket counts add, and buckets are never
 * collapsed (see SKETCH_BUCKET_LIMIT), so any merge order gives the same sketch.
 */
export function mergeSketch(a: QuantileSketch, b: QuantileSketch): QuantileSketch {
  return {
    buckets: mergeCounts(a.buckets, b.buckets),
    zeroCount: a.zeroCount + b.zeroCount,
    count: a.count + b.count,
    ...mergeRange(a, b),
  };
}
