/** Anything with a sample count and the smallest and largest sample (0 and 0 when empty). */
export interface SampleRange {
  count: number;
  min: number;
  max: number;
}

/** Widens min/max to one more value; call before incrementing count. */
export function extendRange(range: SampleRange, value: number): void {
  range.min = range.count === 0 ? value : Math.min(range.min, value);
  range.max = range.count === 0 ? value : Math.max(range.max, value);
}
