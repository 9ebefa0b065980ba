import { decayFactor } from './decay-factor.js';
import type { MomentStats } from './endpoint-model.js';
import { extendRange } from './extend-range.js';

/**
 * Adds one sample taken at `at` (epoch ms), mutating. A newer sample moves refTime forward
 * (the decayed sums are rescaled first); an older one is simply weighted by its age, so the
 * result does not depend on arrival order. NaN and ±Infinity are ignored: one would poison
 * every sum.
 */
export function addMoment(m: MomentStats, value: number, at: number): void {
  if (!Number.isFinite(value)) return;
  extendRange(m, value);
  m.count++;
  m.sum += value;
  m.sumSquares += value * value;
  if (at > m.refTime) {
    const factor = decayFactor(m.refTime, at);
    m.decayedWeight *= factor;
    m.decayedSum *= factor;
    m.decayedSumSquares *= factor;
    m.refTime = at;
  }
  const weight = decayFactor(at, m.refTime);
  m.decayedWeight += weight;
  m.decayedSum += weight * value;
  m.decayedSumSquares += weight * value * value;
}
