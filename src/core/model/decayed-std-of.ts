import type { MomentStats } from './endpoint-model.js';
import { spreadOf } from './spread-of.js';

/** Time-decayed population standard deviation (weights as in decayedMeanOf); 0 when empty. */
export function decayedStdOf(m: MomentStats): number {
  return spreadOf(m.decayedWeight, m.decayedSum, m.decayedSumSquares);
}
