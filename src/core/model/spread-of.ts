/**
 * Population standard deviation from a total weight and weighted sums; 0 without weight.
 * The variance is clamped at 0 because rounding can push Σx²/w − mean² slightly negative.
 */
export function spreadOf(weight: number, sum: number, sumSquares: number): number {
  if (!(weight > 0)) return 0;
  const mean = sum / weight;
  return Math.sqrt(Math.max(0, sumSquares / weight - mean * mean));
}
