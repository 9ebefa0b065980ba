/**
 * Chaos definitions are data: serialisable, validated (validate-chaos-profile.ts), stored,
 * and applied by decideChaos in proxy and mock modes alike.
 */

/**
 * A named chaos profile. `level` is the profile's own global chaos (0–100): every request
 * waits level·10 ms and fails with probability (level/100)²·0.5, on top of the explicit
 * latencies and rates below. Rates are probabilities in [0, 1].
 */
export interface ChaosProfile {
  /** Key, `^[a-z0-9_-]{1,40}$` (`friday_afternoon`). */
  name: string;
  description: string;
  level: number;
  /** Added to every request (ms). */
  latencyMs: number;
  /** Uniform extra latency in [0, latencyJitterMs] ms. */
  latencyJitterMs?: number;
  /** Upper-case method → latency (ms); a method waits the larger of this and latencyMs. */
  methodLatencyMs?: Record<string, number>;
  errorRate?: number;
  /** Status of injected errors, 400–599; 500 when absent. */
  errorStatus?: number;
  /** The connection is reset without a response. */
  resetRate?: number;
  /** The request is held until the client's timeout. */
  hangRate?: number;
  /** The response is replaced by 200 text/plain garbage (corruptBody). */
  corruptRate?: number;
}

/**
 * Settings for one endpoint. While `enabled`, each value that is set replaces the active
 * profile's value for this endpoint, `level` included (it replaces the larger of the global
 * slider and the profile level); unset values fall back to the profile. Disabled settings
 * are kept but ignored.
 */
export interface EndpointChaos {
  enabled: boolean;
  level?: number;
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: number;
  resetRate?: number;
  hangRate?: number;
  corruptRate?: number;
}

/** What chaos does to one request; at most one fault. */
export type ChaosFault =
  { kind: 'error'; status: number } | { kind: 'reset' } | { kind: 'hang' } | { kind: 'corrupt' };

export interface ChaosDecision {
  /** Delay before the response (or the fault), ms. */
  addedLatencyMs: number;
  fault?: ChaosFault;
}

/** Status of injected errors when none is configured. */
export const DEFAULT_ERROR_STATUS = 500;
