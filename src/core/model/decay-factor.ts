import { DECAY_HALF_LIFE_MS } from './endpoint-model.js';

/**
 * Weight left after moving the decay reference from `from` to `to` (epoch ms):
 * 2^-((to − from) / DECAY_HALF_LIFE_MS), capped at 1 so a reference never moves back.
 */
export function decayFactor(from: number, to: number): number {
  return to <= from ? 1 : 2 ** (-(to - from) / DECAY_HALF_LIFE_MS);
}
