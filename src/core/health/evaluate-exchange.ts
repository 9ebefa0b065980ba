import type { Anomaly, Finding } from './anomaly.js';
import { DEFAULT_HEALTH_OPTIONS, type HealthOptions } from './health-options.js';
import type { HealthState } from './health-state.js';
import { isErrorStatus } from './is-error-status.js';
import { recordAnomaly } from './record-anomaly.js';
import { recordHistory } from './record-history.js';
import { scoreHealth, type HealthSnapshot } from './score-health.js';
import { trackErrorRate } from './track-error-rate.js';
import { trackLatency } from './track-latency.js';
import { trackResponseSize } from './track-response-size.js';

/** What the health detectors need from one exchange (see toHealthObservation). */
export interface HealthObservation {
  /** Epoch ms of the exchange. */
  at: number;
  latencyMs: number;
  /** Status as the upstream answered; 0 when it did not answer. */
  status: number;
  responseSize: number;
  /** Whether the endpoint has an unresolved contract drift (only used for the history score). */
  hasActiveDrift?: boolean;
}

export interface HealthEvaluation {
  /** Episodes this exchange opened (occurrences === 1) or extended; copies, safe to publish. */
  anomalies: Anomaly[];
  /** The endpoint's health right after the exchange. */
  snapshot: HealthSnapshot;
}

/** Tracker options are fixed for its life: merge them with the defaults once, not per exchange. */
const merged = new WeakMap<Partial<HealthOptions>, HealthOptions>();
function withDefaults(options: Partial<HealthOptions>): HealthOptions {
  let opts = merged.get(options);
  if (!opts) {
    opts = { ...DEFAULT_HEALTH_OPTIONS, ...options };
    merged.set(options, opts);
  }
  return opts;
}

/**
 * Runs every detector on one exchange against the state as it was BEFORE the exchange,
 * then updates the baselines, the active anomaly episodes and the metric history.
 * Mutates `state` in place.
 *
 * Feed only exchanges the real upstream answered: mock and chaos responses say nothing
 * about the upstream and must not shape its baselines (toHealthObservation filters them).
 * Latency is learned from non-error exchanges only (a fast 500 or a timeout is not the
 * endpoint's speed) and size from 2xx only (error bodies have their own shape).
 */
export function evaluateExchange(
  state: HealthState,
  obs: HealthObservation,
  options: Partial<HealthOptions> = {},
): HealthEvaluation {
  const opts = withDefaults(options);
  // Runs once per exchange: no arrays are built unless something expired or was found.
  if (state.active.some((a) => a.expiresAt <= obs.at))
    state.active = state.active.filter((a) => a.expiresAt > obs.at);

  const isError = isErrorStatus(obs.status);
  const anomalies: Anomaly[] = [];
  const record = (finding: Finding | undefined) => {
    if (finding)
      anomalies.push({ ...recordAnomaly(state.active, finding, obs.at, opts.anomalyWindowMs) });
  };
  if (!isError) record(trackLatency(state.latency, obs.latencyMs, opts));
  record(trackErrorRate(state.errors, obs.at, isError, opts));
  if (obs.status >= 200 && obs.status < 300)
    record(trackResponseSize(state.size, obs.responseSize, opts));
  state.observations += 1;

  const snapshot = scoreHealth(state, obs.at, obs.hasActiveDrift ?? false);
  recordHistory(state, { at: obs.at, isError, latencyMs: obs.latencyMs, score: snapshot.score });
  return { anomalies, snapshot };
}
