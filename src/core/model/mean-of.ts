import type { MomentStats } from './endpoint-model.js';

/** Mean of every sample ever added; 0 when there is none. */
export function meanOf(m: MomentStats): number {
  return m.count > 0 ? m.sum / m.count : 0;
}
