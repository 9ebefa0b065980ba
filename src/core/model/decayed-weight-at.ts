import { decayFactor } from './decay-factor.js';
import type { MomentStats } from './endpoint-model.js';

/**
 * Effective number of samples behind the decayed figures at `now` (epoch ms): how much
 * recent evidence the baseline rests on. It fades while an endpoint is idle.
 */
export function decayedWeightAt(m: MomentStats, now: number): number {
  return m.decayedWeight * decayFactor(m.refTime, now);
}
