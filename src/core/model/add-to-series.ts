import { isErrorStatus } from '../health/is-error-status.js';
import { addCount } from './add-count.js';
import { addToSketch } from './add-to-sketch.js';
import { BUCKET_MS, createTimeBucket } from './create-time-bucket.js';
import { SERIES_LIMIT, type TimeBucket } from './endpoint-model.js';

/**
 * Files one exchange into its minute of the series (sorted, newest last, mutating). When the
 * series is full, a new minute evicts the oldest, and a minute older than every kept one is
 * not recorded: the series is always the newest SERIES_LIMIT minutes seen, each complete.
 */
export function addToSeries(
  series: TimeBucket[],
  at: number,
  status: number,
  latencyMs: number,
): void {
  const start = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  // Exchanges arrive almost in order, so the search starts from the newest bucket.
  let i = series.length - 1;
  while (i >= 0 && (series[i] as TimeBucket).start > start) i--;
  let bucket = series[i];
  if (bucket === undefined || bucket.start !== start) {
    if (i < 0 && series.length >= SERIES_LIMIT) return;
    bucket = createTimeBucket(start);
    series.splice(i + 1, 0, bucket);
    if (series.length > SERIES_LIMIT) series.shift();
  }
  bucket.count++;
  if (isErrorStatus(status)) bucket.errorCount++;
  addToSketch(bucket.latency, latencyMs);
  addCount(bucket.statusCounts, String(status));
}
