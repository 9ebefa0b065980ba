import type { Finding } from './anomaly.js';
import type { HealthOptions } from './health-options.js';
import type { LatencyBaseline } from './health-state.js';
import { thresholdForCv } from './threshold-for-cv.js';

/** Beyond this z-score a latency spike is `high` (the product's "extreme spike"). */
const HIGH_Z = 4;
/** σ never counts as smaller than this (ms), so a constant-latency endpoint does not flag timer jitter. */
const MIN_STD_MS = 1;
/** …nor smaller than this fraction of the mean. */
const MIN_RELATIVE_STD = 0.02;
/**
 * Absorbed samples are clipped at no less than 3σ: clipping normal noise at a 2.2σ threshold
 * would shrink the estimated σ by ~5 % and make a stable endpoint flag even more noise.
 */
const WINSOR_MIN_Z = 3;

/**
 * Judges one latency against the baseline as it was BEFORE this exchange, then absorbs it.
 * (The prototype updated first, so a spike inflated its own baseline and hid itself.)
 *
 * Only slower-than-usual counts as a spike. No judgement before `latencyWarmup` samples.
 * Once warm, the absorbed value is winsorised to mean ± max(threshold, 3)·σ: an outlier moves
 * the baseline no more than an ordinary large sample would, so a spike does not mask the
 * next one, while a lasting shift of the latency level is still learned, gradually.
 * Non-finite or negative latencies are ignored. Mutates `baseline`.
 */
export function trackLatency(
  baseline: LatencyBaseline,
  latencyMs: number,
  options: HealthOptions,
): Finding | undefined {
  if (!Number.isFinite(latencyMs) || latencyMs < 0) return undefined;
  const { mean } = baseline;
  const std = Math.max(MIN_STD_MS, MIN_RELATIVE_STD * mean, Math.sqrt(baseline.variance));
  const threshold = thresholdForCv(std / mean);
  const warm = baseline.count >= options.latencyWarmup;
  const zScore = (latencyMs - mean) / std;
  const finding =
    warm && zScore > threshold ? describeSpike(latencyMs, mean, zScore, threshold) : undefined;

  const bound = Math.max(threshold, WINSOR_MIN_Z) * std;
  const absorbed = warm ? Math.min(mean + bound, Math.max(mean - bound, latencyMs)) : latencyMs;
  baseline.count += 1;
  // 1/count until that drops below alpha: an exact mean while warming up, then decaying.
  const alpha = Math.max(1 / baseline.count, options.latencyAlpha);
  const delta = absorbed - mean;
  baseline.mean = mean + alpha * delta;
  baseline.variance = (1 - alpha) * (baseline.variance + alpha * delta * delta);
  return finding;
}

function describeSpike(
  latencyMs: number,
  mean: number,
  zScore: number,
  threshold: number,
): Finding {
  return {
    type: 'latency_spike',
    severity: zScore > HIGH_Z ? 'high' : 'medium',
    message:
      `Latency ${formatMs(latencyMs)} ms is ${zScore.toFixed(1)}σ above the ` +
      `${formatMs(mean)} ms baseline (threshold ${threshold.toFixed(1)}σ)`,
    zScore,
    threshold,
  };
}

function formatMs(ms: number): string {
  return ms >= 10 ? ms.toFixed(0) : ms.toFixed(1);
}
