/** Tunables of the health detectors. The thresholds fixed by the product (3×, 5×, 4σ, the
 * penalties) are constants beside their rules, not options. */
export interface HealthOptions {
  /** How long an anomaly stays active after its last occurrence (ms). */
  anomalyWindowMs: number;
  /** Latency samples absorbed before the latency detector judges. */
  latencyWarmup: number;
  /** Weight of a new sample in the warm latency baseline (0.02 ≈ the last 50 samples). */
  latencyAlpha: number;
  /** Outcomes kept in the error-rate window. */
  errorWindowSize: number;
  /** Outcomes older than this leave the window, so sparse traffic does not judge stale errors. */
  errorWindowMs: number;
  /** Outcomes the window needs before the error detector judges. */
  errorMinSamples: number;
  /** Errors the window needs before a spike can fire (one unlucky error is not a spike). */
  errorMinCount: number;
  /** Weight of a new outcome in the warm long-run error rate (0.01 ≈ the last 100). */
  errorAlpha: number;
  /** 2xx body sizes absorbed before the size detector judges. */
  sizeWarmup: number;
  /** Weight of a new size in the warm size baseline. */
  sizeAlpha: number;
}

export const DEFAULT_HEALTH_OPTIONS: Readonly<HealthOptions> = Object.freeze({
  anomalyWindowMs: 60_000,
  latencyWarmup: 30,
  latencyAlpha: 0.02,
  errorWindowSize: 20,
  errorWindowMs: 5 * 60_000,
  errorMinSamples: 10,
  errorMinCount: 3,
  errorAlpha: 0.01,
  sizeWarmup: 10,
  sizeAlpha: 0.05,
});
