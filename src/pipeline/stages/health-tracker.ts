import type { Exchange } from '../../core/exchange.js';
import { createHealthState } from '../../core/health/create-health-state.js';
import { evaluateExchange } from '../../core/health/evaluate-exchange.js';
import { globalHealth, type GlobalHealth } from '../../core/health/global-health.js';
import type { HealthState } from '../../core/health/health-state.js';
import { scoreHealth, type HealthSnapshot } from '../../core/health/score-health.js';
import { toHealthObservation } from '../../core/health/to-health-observation.js';
import type { Anomaly } from '../../core/health/anomaly.js';
import type { HealthOptions } from '../../core/health/health-options.js';

/** Health per endpoint key (`METHOD template`), evaluated in the pipeline, never on the hot path. */
export class HealthTracker {
  private readonly states = new Map<string, HealthState>();
  /** Endpoint keys with an unresolved BREAKING drift alert (the −20 penalty). */
  private readonly drifting = new Set<string>();

  /** `options` tune the detectors (the anomaly window, …); unset ones keep their defaults. */
  constructor(private readonly options: Partial<HealthOptions> = {}) {}

  /** Evaluates one exchange; returns the endpoint's status after it, or null when not scored. */
  observe(
    key: string,
    exchange: Exchange,
  ): { snapshot: HealthSnapshot; anomalies: Anomaly[] } | null {
    const observation = toHealthObservation(exchange);
    if (!observation) return null;
    let state = this.states.get(key);
    if (!state) {
      state = createHealthState();
      this.states.set(key, state);
    }
    observation.hasActiveDrift = this.drifting.has(key);
    const result = evaluateExchange(state, observation, this.options);
    return {
      snapshot: this.withDrift(key, result.snapshot, observation.at),
      anomalies: result.anomalies,
    };
  }

  setDrift(key: string, active: boolean): void {
    if (active) this.drifting.add(key);
    else this.drifting.delete(key);
  }

  private withDrift(key: string, snapshot: HealthSnapshot, at: number): HealthSnapshot {
    if (!this.drifting.has(key)) return snapshot;
    const state = this.states.get(key);
    return state ? scoreHealth(state, at, true) : snapshot;
  }

  snapshot(key: string, now: number): HealthSnapshot | undefined {
    const state = this.states.get(key);
    if (!state) {
      return this.drifting.has(key) ? scoreHealth(createHealthState(), now, true) : undefined;
    }
    return scoreHealth(state, now, this.drifting.has(key));
  }

  state(key: string): HealthState | undefined {
    return this.states.get(key);
  }

  rename(from: string, to: string): void {
    const state = this.states.get(from);
    if (state && !this.states.has(to)) this.states.set(to, state);
    this.states.delete(from);
    if (this.drifting.delete(from)) this.drifting.add(to);
  }

  forget(key: string): void {
    this.states.delete(key);
    this.drifting.delete(key);
  }

  global(now: number): GlobalHealth {
    const keys = new Set([...this.states.keys(), ...this.drifting]);
    return globalHealth([...keys].map((k) => this.snapshot(k, now)!).filter(Boolean));
  }
}
