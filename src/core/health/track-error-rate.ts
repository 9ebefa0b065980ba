import type { Finding } from './anomaly.js';
import type { HealthOptions } from './health-options.js';
import type { ErrorBaseline } from './health-state.js';

/** A window error rate above this multiple of the baseline is a spike. */
const SPIKE_RATIO = 3;
/** …and above this multiple a `high` one. */
const HIGH_RATIO = 5;
/** The baseline never counts as lower than 1 %, so an endpoint that never failed still has a limit (3 %). */
const BASELINE_FLOOR = 0.01;

/**
 * Adds one outcome to the sliding window and judges the window's error rate against the
 * long-run rate as it was BEFORE this exchange: a spike when the rate is above 3× the
 * baseline (floored at 1 %) with at least `errorMinCount` errors among at least
 * `errorMinSamples` outcomes; `high` above 5×.
 *
 * While the window is in spike the long-run rate is frozen, so a sustained outage is never
 * absorbed as the new normal and keeps firing for as long as errors continue (the
 * prototype's fast EMA snapped to 100 % and went silent). The trade-off: a permanent rise
 * in the error rate keeps firing until it is fixed. Mutates `errors`.
 */
export function trackErrorRate(
  errors: ErrorBaseline,
  at: number,
  isError: boolean,
  options: HealthOptions,
): Finding | undefined {
  errors.recent.push({ at, error: isError });
  const oldest = at - options.errorWindowMs;
  if (errors.recent.some((s) => s.at <= oldest))
    errors.recent = errors.recent.filter((s) => s.at > oldest);
  if (errors.recent.length > options.errorWindowSize)
    errors.recent.splice(0, errors.recent.length - options.errorWindowSize);

  const total = errors.recent.length;
  let errorCount = 0;
  for (const sample of errors.recent) if (sample.error) errorCount++;
  const rate = errorCount / total;
  const baseline = Math.max(errors.rate, BASELINE_FLOOR);
  const inSpike =
    total >= options.errorMinSamples &&
    errorCount >= options.errorMinCount &&
    rate > SPIKE_RATIO * baseline;
  if (inSpike) return describeSpike(errorCount, total, errors.rate, rate / baseline);

  errors.count += 1;
  const alpha = Math.max(1 / errors.count, options.errorAlpha);
  errors.rate += alpha * ((isError ? 1 : 0) - errors.rate);
  return undefined;
}

function describeSpike(errorCount: number, total: number, learned: number, ratio: number): Finding {
  const floored = learned < BASELINE_FLOOR ? ` (floored at ${formatPercent(BASELINE_FLOOR)})` : '';
  return {
    type: 'error_spike',
    severity: ratio > HIGH_RATIO ? 'high' : 'medium',
    message:
      `Error rate ${formatPercent(errorCount / total)} (${errorCount} of the last ${total} requests) ` +
      `is ${ratio.toFixed(1)}× the ${formatPercent(learned)} baseline${floored}; threshold ${SPIKE_RATIO}×`,
    ratio,
    threshold: SPIKE_RATIO,
  };
}

function formatPercent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
