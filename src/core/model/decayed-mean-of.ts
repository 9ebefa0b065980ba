import type { MomentStats } from './endpoint-model.js';

/**
 * Time-decayed mean: each sample weighs 2^-(age / DECAY_HALF_LIFE_MS), so the baseline follows
 * a level shift within a few half-lives. It needs no clock: moving the reference time scales
 * weight and sums alike. 0 when there is no sample (or all weight decayed away).
 */
export function decayedMeanOf(m: MomentStats): number {
  return m.decayedWeight > 0 ? m.decayedSum / m.decayedWeight : 0;
}
