import type { ChaosProfile } from './chaos-profile.js';

/** Names of the profiles that always exist (the prototype's four, same meanings). */
export type BuiltinProfileName = 'normal' | 'friday_afternoon' | 'db_bottleneck' | 'zombie_api';

function freeze(profile: ChaosProfile): ChaosProfile {
  if (profile.methodLatencyMs) Object.freeze(profile.methodLatencyMs);
  return Object.freeze(profile);
}

/**
 * The built-in profiles: `normal` injects nothing; `friday_afternoon` is global chaos 30
 * (+300 ms, 4.5 % errors) plus 1000 ms on every request; `db_bottleneck` adds 5000 ms to
 * writes (POST, PUT, PATCH) only; `zombie_api` answers every request with a corrupted
 * `text/plain` body containing `CORRUPTED_STREAM`.
 */
export const BUILTIN_PROFILES: Readonly<Record<BuiltinProfileName, ChaosProfile>> = Object.freeze({
  normal: freeze({
    name: 'normal',
    description: 'Normal operations: no added latency, no injected faults.',
    level: 0,
    latencyMs: 0,
  }),
  friday_afternoon: freeze({
    name: 'friday_afternoon',
    description: 'Friday afternoon: global chaos 30 and one extra second on every request.',
    level: 30,
    latencyMs: 1000,
  }),
  db_bottleneck: freeze({
    name: 'db_bottleneck',
    description: 'Database bottleneck: writes (POST, PUT, PATCH) take five extra seconds.',
    level: 0,
    latencyMs: 0,
    methodLatencyMs: { POST: 5000, PUT: 5000, PATCH: 5000 },
  }),
  zombie_api: freeze({
    name: 'zombie_api',
    description: 'Zombie API: answers 200 with a corrupted text/plain body.',
    level: 0,
    latencyMs: 0,
    corruptRate: 1,
  }),
});
