/** Threshold for the most stable endpoints (σ). */
const MIN_LATENCY_THRESHOLD = 2;
/** Threshold for volatile endpoints (σ). */
const MAX_LATENCY_THRESHOLD = 6;

/**
 * Latency z-score threshold from the endpoint's coefficient of variation (σ / mean):
 * clamp(2 + 4·cv, 2, 6). A stable endpoint (cv 0.05 → 2.2σ) flags small excursions; a
 * volatile one (cv ≥ 1 → 6σ) stays silent through normal jitter. An unknown cv (NaN)
 * gets the least sensitive threshold rather than a noisy one.
 */
export function thresholdForCv(cv: number): number {
  if (Number.isNaN(cv)) return MAX_LATENCY_THRESHOLD;
  return Math.min(MAX_LATENCY_THRESHOLD, Math.max(MIN_LATENCY_THRESHOLD, 2 + 4 * cv));
}
