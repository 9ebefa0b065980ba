import { decayFactor } from './decay-factor.js';
import type { MomentStats } from './endpoint-model.js';
import { mergeRange } from './merge-range.js';

/**
 * Moments of both inputs' samples (pure). count, min and max are exact; sum and sumSquares
 * are exact while the samples are integers (totals below 2^53), otherwise equal up to float
 * rounding. The decayed parts are rescaled to the later refTime and added, which equals
 * adding every sample into one side up to float rounding (relative ~1e-12).
 */
export function mergeMoments(a: MomentStats, b: MomentStats): MomentStats {
  const refTime = Math.max(a.refTime, b.refTime);
  const fa = decayFactor(a.refTime, refTime);
  const fb = decayFactor(b.refTime, refTime);
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    sumSquares: a.sumSquares + b.sumSquares,
    ...mergeRange(a, b),
    decayedWeight: a.decayedWeight * fa + b.decayedWeight * fb,
    decayedSum: a.decayedSum * fa + b.decayedSum * fb,
    decayedSumSquares: a.decayedSumSquares * fa + b.decayedSumSquares * fb,
    refTime,
  };
}
