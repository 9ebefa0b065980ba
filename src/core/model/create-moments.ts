import type { MomentStats } from './endpoint-model.js';

/** Empty moments; min, max and refTime read 0 until the first sample (JSON has no Infinity). */
export function createMoments(): MomentStats {
  return {
    count: 0,
    sum: 0,
    sumSquares: 0,
    min: 0,
    max: 0,
    decayedWeight: 0,
    decayedSum: 0,
    decayedSumSquares: 0,
    refTime: 0,
  };
}
