import type { Anomaly } from './anomaly.js';

/**
 * Health-monitoring state of one endpoint. Plain JSON data (no classes, no hidden state,
 * no Infinity/NaN), bounded in size, so it can be persisted and restored between runs.
 * evaluateExchange mutates it in place.
 */
export interface HealthState {
  /** Exchanges evaluated so far. */
  observations: number;
  latency: LatencyBaseline;
  errors: ErrorBaseline;
  size: SizeBaseline;
  /** Anomaly episodes, at most one per type, expired ones pruned on the next evaluation. */
  active: Anomaly[];
  /** Closed per-minute points, oldest first, at most HISTORY_LIMIT. */
  history: HistoryPoint[];
  /** The minute still being filled, or null before the first exchange. */
  openBucket: OpenBucket | null;
}

/** Exponentially weighted mean and variance of latency (ms) of non-error exchanges. */
export interface LatencyBaseline {
  /** Samples absorbed; the detector judges only once this reaches the warm-up. */
  count: number;
  mean: number;
  variance: number;
}

/** One outcome in the error-rate window. */
export interface ErrorSample {
  at: number;
  error: boolean;
}

export interface ErrorBaseline {
  /** The sliding window: the most recent outcomes, oldest first (bounded by count and age). */
  recent: ErrorSample[];
  /** Exponentially weighted long-run error rate (0–1); frozen while the window is in spike. */
  rate: number;
  /** Outcomes absorbed into `rate`. */
  count: number;
}

/** Exponentially weighted mean body size (bytes) of 2xx responses. */
export interface SizeBaseline {
  count: number;
  mean: number;
}

/** One point of the downsampled metric history (one minute of traffic). */
export interface HistoryPoint {
  /** Epoch ms of the start of the minute. */
  start: number;
  count: number;
  errorCount: number;
  /** Median latency of (a bounded sample of) the minute's exchanges; null when none had one. */
  latencyP50Ms: number | null;
  /** Lowest health score seen during the minute, so short dips stay visible on a chart. */
  healthScore: number;
}

/** The minute being filled; `latencies` is a bounded sample that closes into a median. */
export interface OpenBucket {
  start: number;
  count: number;
  errorCount: number;
  latencies: number[];
  healthScore: number;
}
