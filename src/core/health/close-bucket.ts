import type { HistoryPoint, OpenBucket } from './health-state.js';

/** Turns the minute being filled into a history point (its latency sample into a median). */
export function closeBucket(bucket: OpenBucket): HistoryPoint {
  return {
    start: bucket.start,
    count: bucket.count,
    errorCount: bucket.errorCount,
    latencyP50Ms: computeMedian(bucket.latencies),
    healthScore: bucket.healthScore,
  };
}

function computeMedian(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) return null;
  const lower = sorted.length % 2 === 0 ? (sorted[middle - 1] ?? upper) : upper;
  return (lower + upper) / 2;
}
