import { classifyHealth, type HealthStatus } from './classify-health.js';
import { roundScore } from './round-score.js';
import type { HealthSnapshot } from './score-health.js';

/** Platform-wide health. */
export interface GlobalHealth {
  score: number;
  status: HealthStatus;
  monitoredEndpoints: number;
  /** Sum of the active anomalies of every endpoint (contract drifts included). */
  activeAnomalies: number;
}

const AVERAGE_WEIGHT = 0.7;
const WORST_WEIGHT = 0.3;

/**
 * Blends endpoint scores: 70 % their average, 30 % the worst one, so one failing endpoint
 * pulls the platform down even among many healthy ones. No endpoints: 100, HEALTHY.
 */
export function globalHealth(snapshots: readonly HealthSnapshot[]): GlobalHealth {
  if (snapshots.length === 0) {
    return { score: 100, status: 'HEALTHY', monitoredEndpoints: 0, activeAnomalies: 0 };
  }
  const scores = snapshots.map((s) => s.score);
  const average = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  const worst = scores.reduce((min, s) => Math.min(min, s), 100);
  const score = roundScore(AVERAGE_WEIGHT * average + WORST_WEIGHT * worst);
  return {
    score,
    status: classifyHealth(score),
    monitoredEndpoints: snapshots.length,
    activeAnomalies: snapshots.reduce((sum, s) => sum + s.anomalies.length, 0),
  };
}
