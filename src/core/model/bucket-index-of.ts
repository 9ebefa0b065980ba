/** Relative accuracy α of sketch estimates: within 1% of the true value. */
export const SKETCH_ACCURACY = 0.01;
/** Ratio between consecutive bucket bounds, γ = (1 + α) / (1 − α). */
export const SKETCH_GAMMA = (1 + SKETCH_ACCURACY) / (1 - SKETCH_ACCURACY);
/** Values at or below this (zeros, sub-microsecond milliseconds) are counted in zeroCount. */
export const SKETCH_MIN_VALUE = 1e-3;
/** Values above this (1e12 ms ≈ 31 years) share the top bucket. */
export const SKETCH_MAX_VALUE = 1e12;

const LOG_GAMMA = Math.log(SKETCH_GAMMA);
const MIN_INDEX = Math.ceil(Math.log(SKETCH_MIN_VALUE) / LOG_GAMMA);
const MAX_INDEX = Math.ceil(Math.log(SKETCH_MAX_VALUE) / LOG_GAMMA);

/**
 * Most buckets a sketch can hold (1728). Clamping the tracked range bounds the sketch by
 * construction, so no bucket is ever collapsed and merging stays exact in any order.
 */
export const SKETCH_BUCKET_LIMIT = MAX_INDEX - MIN_INDEX + 1;

/** Bucket of a value above SKETCH_MIN_VALUE: i such that γ^(i-1) < value ≤ γ^i (clamped). */
export function bucketIndexOf(value: number): number {
  return Math.max(MIN_INDEX, Math.min(MAX_INDEX, Math.ceil(Math.log(value) / LOG_GAMMA)));
}
