import type { Anomaly, AnomalySeverity, AnomalyType } from './anomaly.js';
import { classifyHealth, type HealthStatus } from './classify-health.js';
import type { HealthState } from './health-state.js';
import { roundScore } from './round-score.js';

/** Health of one endpoint at one moment. */
export interface HealthSnapshot {
  /** 0–100, one decimal. */
  score: number;
  status: HealthStatus;
  /** Active anomalies (expired ones left out), the contract drift included when passed in. */
  anomalies: Anomaly[];
  observations: number;
}

/** Points taken off 100 per active anomaly, by type and severity (the product's table). */
const PENALTIES: Record<AnomalyType, Record<AnomalySeverity, number>> = {
  latency_spike: { medium: 15, high: 22.5 },
  error_spike: { medium: 25, high: 37.5 },
  size_drift: { medium: 10, high: 10 },
  contract_drift: { medium: 20, high: 20 },
};

const DRIFT_MESSAGE = 'Unresolved contract drift on this endpoint';

/**
 * Scores an endpoint at `now`: 100 minus the penalty of each active anomaly. An unresolved
 * contract drift (known to the drift stage, hence passed in) counts as an anomaly of −20;
 * it is not time-bound, so its detectedAt/expiresAt are just `now`. Does not mutate state.
 */
export function scoreHealth(
  state: HealthState,
  now: number,
  hasActiveDrift: boolean,
): HealthSnapshot {
  // The common case, scored for every exchange: nothing active, nothing to copy.
  if (!hasActiveDrift && !state.active.some((a) => a.expiresAt > now)) {
    return {
      score: 100,
      status: classifyHealth(100),
      anomalies: [],
      observations: state.observations,
    };
  }
  const anomalies = state.active.filter((a) => a.expiresAt > now).map((a) => ({ ...a }));
  if (hasActiveDrift) {
    anomalies.push({
      type: 'contract_drift',
      severity: 'medium',
      message: DRIFT_MESSAGE,
      detectedAt: now,
      lastSeenAt: now,
      expiresAt: now,
      occurrences: 1,
    });
  }
  const penalty = anomalies.reduce((sum, a) => sum + PENALTIES[a.type][a.severity], 0);
  const score = roundScore(Math.max(0, 100 - penalty));
  return { score, status: classifyHealth(score), anomalies, observations: state.observations };
}
