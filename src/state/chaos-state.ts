import { EventEmitter } from 'node:events';
import { BUILTIN_PROFILES } from '../core/chaos/builtin-profiles.js';
import type { ChaosProfile, EndpointChaos } from '../core/chaos/chaos-profile.js';

/** The persisted form (settings key `chaos`). */
export interface ChaosSettings {
  active: string;
  level: number;
  profiles: Record<string, ChaosProfile>;
  endpoints: Record<string, EndpointChaos>;
}

/**
 * Chaos settings the hot path reads on every request: the active profile, the global level
 * slider, user-defined profiles and per-endpoint settings. Changes emit `change` (persisted
 * by app/, shared with other instances in team mode).
 */
export class ChaosState extends EventEmitter<{ change: [ChaosSettings] }> {
  active = 'normal';
  level = 0;
  readonly userProfiles = new Map<string, ChaosProfile>();
  readonly endpoints = new Map<number, EndpointChaos>();

  constructor(initial?: Partial<ChaosSettings>) {
    super();
    if (initial) this.load(initial);
  }

  load(settings: Partial<ChaosSettings>): void {
    this.userProfiles.clear();
    for (const [name, profile] of Object.entries(settings.profiles ?? {}))
      this.userProfiles.set(name, profile);
    this.endpoints.clear();
    for (const [id, chaos] of Object.entries(settings.endpoints ?? {}))
      this.endpoints.set(Number(id), chaos);
    this.level = typeof settings.level === 'number' ? settings.level : 0;
    this.active = settings.active && this.profile(settings.active) ? settings.active : 'normal';
  }

  profile(name: string): ChaosProfile | undefined {
    return (BUILTIN_PROFILES as Record<string, ChaosProfile>)[name] ?? this.userProfiles.get(name);
  }

  activeProfile(): ChaosProfile {
    return this.profile(this.active) ?? BUILTIN_PROFILES.normal;
  }

  /**
   * True when nothing can be injected into a request: the hot path then skips chaos entirely.
   * A request that sets its own level (X-Chaos-Level) is never quiet.
   */
  isQuiet(requestLevel?: number): boolean {
    const p = this.activeProfile();
    return (
      requestLevel === undefined &&
      this.level === 0 &&
      this.endpoints.size === 0 &&
      p.level === 0 &&
      p.latencyMs === 0 &&
      !p.latencyJitterMs &&
      !p.methodLatencyMs &&
      !p.errorRate &&
      !p.resetRate &&
      !p.hangRate &&
      !p.corruptRate
    );
  }

  toJSON(): ChaosSettings {
    return {
      active: this.active,
      level: this.level,
      profiles: Object.fromEntries(this.userProfiles),
      endpoints: Object.fromEntries([...this.endpoints].map(([id, c]) => [String(id), c])),
    };
  }

  changed(): void {
    this.emit('change', this.toJSON());
  }
}
