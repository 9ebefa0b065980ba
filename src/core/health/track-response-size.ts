import type { Finding } from './anomaly.js';
import type { HealthOptions } from './health-options.js';
import type { SizeBaseline } from './health-state.js';

/** A body more than this factor above or below the average is drift. */
const DRIFT_RATIO = 3;
/** At or beyond this factor the drift is reported as `high` (the score penalty is the same). */
const HIGH_RATIO = 5;
/**
 * Added to both sides of the ratio so that bodies of a few bytes (`{}` vs `{"ok":true}`)
 * are not 3× drift, while an empty body replacing a real payload still is.
 */
const SLACK_BYTES = 16;

/**
 * Judges one 2xx body size against the average as it was BEFORE this exchange (both
 * directions: truncated, emptied and inflated payloads), then absorbs it. Once warm, the
 * absorbed size is clamped to the non-drift band, so a new payload size becomes the normal
 * gradually instead of after one response. Non-finite or negative sizes are ignored.
 * Mutates `size`.
 */
export function trackResponseSize(
  size: SizeBaseline,
  bytes: number,
  options: HealthOptions,
): Finding | undefined {
  if (!Number.isFinite(bytes) || bytes < 0) return undefined;
  const warm = size.count >= options.sizeWarmup;
  const ratio = (bytes + SLACK_BYTES) / (size.mean + SLACK_BYTES);
  const drifted = warm && (ratio > DRIFT_RATIO || ratio < 1 / DRIFT_RATIO);
  const finding = drifted ? describeDrift(bytes, size.mean, ratio) : undefined;

  const absorbed = warm
    ? Math.min(DRIFT_RATIO, Math.max(1 / DRIFT_RATIO, ratio)) * (size.mean + SLACK_BYTES) -
      SLACK_BYTES
    : bytes;
  size.count += 1;
  const alpha = Math.max(1 / size.count, options.sizeAlpha);
  size.mean += alpha * (absorbed - size.mean);
  return finding;
}

function describeDrift(bytes: number, mean: number, ratio: number): Finding {
  const factor = ratio > 1 ? ratio : 1 / ratio;
  const direction = ratio > 1 ? 'larger' : 'smaller';
  return {
    type: 'size_drift',
    severity: factor >= HIGH_RATIO ? 'high' : 'medium',
    message:
      `Response size ${formatBytes(bytes)} is ${factor.toFixed(1)}× ${direction} than the ` +
      `${formatBytes(mean)} average (threshold ${DRIFT_RATIO}×)`,
    ratio,
    threshold: DRIFT_RATIO,
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
