import { closeBucket } from './close-bucket.js';
import type { HealthState } from './health-state.js';

/** Width of one history point. */
const HISTORY_BUCKET_MS = 60_000;
/** Closed points kept per endpoint (two hours of minutes with traffic). */
export const HISTORY_LIMIT = 120;
/** Latencies sampled per minute for its median. */
const LATENCY_SAMPLE_LIMIT = 64;

/** What one exchange adds to the metric history. */
export interface HistorySample {
  at: number;
  isError: boolean;
  latencyMs: number;
  /** Health score right after the exchange. */
  score: number;
}

/**
 * Folds one exchange into the per-minute history. Minutes without traffic get no point.
 * An exchange older than the open minute (a late batch) is folded into the open minute
 * rather than reopening a closed one. The latency median is exact up to 64 exchanges a
 * minute; beyond that the sample is overwritten round-robin, which keeps it bounded and
 * biased towards the latest exchanges. Mutates `state`.
 */
export function recordHistory(state: HealthState, sample: HistorySample): void {
  const start =
    sample.at - (((sample.at % HISTORY_BUCKET_MS) + HISTORY_BUCKET_MS) % HISTORY_BUCKET_MS);
  let bucket = state.openBucket;
  if (bucket === null || start > bucket.start) {
    if (bucket !== null) {
      state.history.push(closeBucket(bucket));
      if (state.history.length > HISTORY_LIMIT)
        state.history.splice(0, state.history.length - HISTORY_LIMIT);
    }
    bucket = { start, count: 0, errorCount: 0, latencies: [], healthScore: sample.score };
    state.openBucket = bucket;
  }
  if (Number.isFinite(sample.latencyMs)) {
    if (bucket.latencies.length < LATENCY_SAMPLE_LIMIT) bucket.latencies.push(sample.latencyMs);
    else bucket.latencies[bucket.count % LATENCY_SAMPLE_LIMIT] = sample.latencyMs;
  }
  bucket.count += 1;
  if (sample.isError) bucket.errorCount += 1;
  bucket.healthScore = Math.min(bucket.healthScore, sample.score);
}
