import type { HealthState } from './health-state.js';

/** A fresh state for an endpoint nothing has been observed on yet. */
export function createHealthState(): HealthState {
  return {
    observations: 0,
    latency: { count: 0, mean: 0, variance: 0 },
    errors: { recent: [], rate: 0, count: 0 },
    size: { count: 0, mean: 0 },
    active: [],
    history: [],
    openBucket: null,
  };
}
