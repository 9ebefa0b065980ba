import type { SampleRange } from './extend-range.js';

/** Range of the union of two sample sets; an empty side (count 0) does not count. */
export function mergeRange(a: SampleRange, b: SampleRange): { min: number; max: number } {
  if (a.count === 0) return { min: b.min, max: b.max };
  if (b.count === 0) return { min: a.min, max: a.max };
  return { min: Math.min(a.min, b.min), max: Math.max(a.max, b.max) };
}
