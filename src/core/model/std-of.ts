import type { MomentStats } from './endpoint-model.js';
import { spreadOf } from './spread-of.js';

/** Population standard deviation of every sample ever added; 0 when there is none. */
export function stdOf(m: MomentStats): number {
  return spreadOf(m.count, m.sum, m.sumSquares);
}
