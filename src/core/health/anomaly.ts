/**
 * Anomalies found by the health detectors. An anomaly is an episode: it opens on the first
 * occurrence, every later occurrence extends it, and it ages out `anomalyWindowMs` after
 * the last one, so an endpoint recovers on its own once the trouble stops.
 */

export type AnomalyType = 'latency_spike' | 'error_spike' | 'size_drift' | 'contract_drift';

/** `high` costs more health points (see score-health.ts). */
export type AnomalySeverity = 'medium' | 'high';

/** What one detector concluded about one exchange. */
export interface Finding {
  type: AnomalyType;
  severity: AnomalySeverity;
  /** Readable, e.g. "Latency 812 ms is 9.4σ above the 80 ms baseline (threshold 2.3σ)". */
  message: string;
  /** Latency spikes: standard deviations above the baseline mean. */
  zScore?: number;
  /** Observed / baseline: error rate for error spikes, body size for size drift. */
  ratio?: number;
  /** The limit that was crossed: in σ for latency spikes, as a factor (×) otherwise. */
  threshold?: number;
}

/** An active (or just expired) anomaly episode. */
export interface Anomaly extends Finding {
  /** Epoch ms of the first occurrence of this episode. */
  detectedAt: number;
  /** Epoch ms of the latest occurrence. */
  lastSeenAt: number;
  /** Epoch ms at which the episode ends unless it occurs again (active while now < expiresAt). */
  expiresAt: number;
  occurrences: number;
}
