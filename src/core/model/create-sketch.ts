import type { QuantileSketch } from './endpoint-model.js';

/** An empty sketch; min and max read 0 until the first value (JSON has no Infinity). */
export function createSketch(): QuantileSketch {
  return {
    buckets: Object.create(null) as Record<string, number>,
    zeroCount: 0,
    count: 0,
    min: 0,
    max: 0,
  };
}
