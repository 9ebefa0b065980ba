import { createTimeBucket } from './create-time-bucket.js';
import { SERIES_LIMIT, type TimeBucket } from './endpoint-model.js';
import { mergeCounts } from './merge-counts.js';
import { mergeSketch } from './merge-sketch.js';

function mergeBucket(a: TimeBucket, b: TimeBucket): TimeBucket {
  return {
    start: a.start,
    count: a.count + b.count,
    errorCount: a.errorCount + b.errorCount,
    latency: mergeSketch(a.latency, b.latency),
    statusCounts: mergeCounts(a.statusCounts, b.statusCounts),
  };
}

/**
 * Union of two series by bucket start, newest SERIES_LIMIT kept, sorted oldest first (pure).
 * A minute among the newest of the union is among the newest of each side, so both sides'
 * copies of it are complete and the result equals one series that saw everything.
 */
export function mergeSeries(a: readonly TimeBucket[], b: readonly TimeBucket[]): TimeBucket[] {
  const inA = new Map(a.map((bucket) => [bucket.start, bucket]));
  const inB = new Map(b.map((bucket) => [bucket.start, bucket]));
  const starts = [...new Set([...inA.keys(), ...inB.keys()])].sort((x, y) => x - y);
  // Only the kept minutes are merged: the series is merged on every store write.
  return starts
    .slice(-SERIES_LIMIT)
    .map((start) =>
      mergeBucket(
        inA.get(start) ?? createTimeBucket(start),
        inB.get(start) ?? createTimeBucket(start),
      ),
    );
}
