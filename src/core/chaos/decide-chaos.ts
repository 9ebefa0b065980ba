import type { Rng } from '../random.js';
import { DEFAULT_ERROR_STATUS } from './chaos-profile.js';
import type { ChaosDecision, ChaosFault, ChaosProfile, EndpointChaos } from './chaos-profile.js';
import { MAX_CHAOS_LATENCY_MS } from './read-chaos-fields.js';

export interface DecideChaosInput {
  profile: ChaosProfile;
  /** The global chaos slider, 0–100. */
  level: number;
  endpoint?: EndpointChaos;
  method: string;
  rng: Rng;
}

/** Latency added per level point (level 30 → +300 ms). */
export const MS_PER_LEVEL = 10;
/** Error probability at level 100 on the (level/100)² curve. */
export const MAX_LEVEL_ERROR_RATE = 0.5;

// Definitions are validated when stored; clamping again keeps a bad one from doing harm.
const clamp = (value: number | undefined, min: number, max: number): number =>
  value !== undefined && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
const toLevel = (value: number | undefined): number => clamp(value, 0, 100);
const toRate = (value: number | undefined): number => clamp(value, 0, 1);
const toMs = (value: number | undefined): number =>
  Math.floor(clamp(value, 0, MAX_CHAOS_LATENCY_MS));

/** The prototype's curve: 30 → 4.5 %, 50 → 12.5 %, 80 → 32 %, 100 → 50 %. */
export function levelErrorRate(level: number): number {
  return (toLevel(level) / 100) ** 2 * MAX_LEVEL_ERROR_RATE;
}

function methodLatency(profile: ChaosProfile, method: string): number {
  const table = profile.methodLatencyMs;
  const upper = method.toUpperCase();
  return table && Object.hasOwn(table, upper) ? toMs(table[upper]) : 0;
}

/**
 * Decides the chaos for one request. Effective level = max(global slider, profile level),
 * unless enabled endpoint settings set their own. Latency = level·10 ms + max(profile
 * latency, the method's latency) + jitter; an endpoint latency replaces the profile part.
 * Faults are tried in order reset, hang, error (probability (level/100)²·0.5 + error rate,
 * at most 1), corrupt, each with its own draw. Level 0 with the `normal` profile and no
 * endpoint settings never adds latency or faults.
 */
export function decideChaos(input: DecideChaosInput): ChaosDecision {
  const { profile, rng } = input;
  const endpoint = input.endpoint?.enabled ? input.endpoint : undefined;
  const pick = <K extends keyof EndpointChaos & keyof ChaosProfile>(key: K) =>
    endpoint?.[key] ?? profile[key];

  // A fixed number of draws per decision keeps a seeded replay aligned whatever happens.
  const jitter = rng.int(0, toMs(profile.latencyJitterMs));
  const draws = [rng.next(), rng.next(), rng.next(), rng.next()] as const;

  const level = toLevel(endpoint?.level ?? Math.max(toLevel(input.level), toLevel(profile.level)));
  const latency =
    endpoint?.latencyMs === undefined
      ? Math.max(toMs(profile.latencyMs), methodLatency(profile, input.method))
      : toMs(endpoint.latencyMs);
  const errorRate = Math.min(1, levelErrorRate(level) + toRate(pick('errorRate')));
  const status = pick('errorStatus') ?? DEFAULT_ERROR_STATUS;

  let fault: ChaosFault | undefined;
  if (draws[0] < toRate(pick('resetRate'))) fault = { kind: 'reset' };
  else if (draws[1] < toRate(pick('hangRate'))) fault = { kind: 'hang' };
  else if (draws[2] < errorRate) fault = { kind: 'error', status };
  else if (draws[3] < toRate(pick('corruptRate'))) fault = { kind: 'corrupt' };

  const addedLatencyMs = level * MS_PER_LEVEL + latency + jitter;
  return fault ? { addedLatencyMs, fault } : { addedLatencyMs };
}
