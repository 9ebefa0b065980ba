import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { BUILTIN_PROFILES } from './builtin-profiles.js';
import type { ChaosDecision, ChaosProfile, EndpointChaos } from './chaos-profile.js';
import { decideChaos, levelErrorRate } from './decide-chaos.js';

const N = 10_000;
const {
  normal,
  friday_afternoon: friday,
  db_bottleneck: db,
  zombie_api: zombie,
} = BUILTIN_PROFILES;

function run(
  profile: ChaosProfile,
  options: { level?: number; method?: string; endpoint?: EndpointChaos; seed?: number } = {},
): ChaosDecision[] {
  const rng = createRng(options.seed ?? 42);
  const base = { profile, level: options.level ?? 0, method: options.method ?? 'GET', rng };
  const input = options.endpoint ? { ...base, endpoint: options.endpoint } : base;
  return Array.from({ length: N }, () => decideChaos(input));
}

const share = (decisions: ChaosDecision[], test: (d: ChaosDecision) => boolean) =>
  decisions.filter(test).length / decisions.length;
const isError = (d: ChaosDecision) => d.fault?.kind === 'error';
const latencies = (decisions: ChaosDecision[]) => new Set(decisions.map((d) => d.addedLatencyMs));

describe('levelErrorRate', () => {
  it.each([
    [0, 0],
    [30, 0.045],
    [50, 0.125],
    [80, 0.32],
    [100, 0.5],
    [250, 0.5],
    [-10, 0],
    [Number.NaN, 0],
  ])('level %d → %d', (level, rate) => {
    expect(levelErrorRate(level)).toBeCloseTo(rate, 10);
  });
});

describe('decideChaos with the built-in profiles', () => {
  it('normal at level 0 injects nothing, ever', () => {
    for (const method of ['GET', 'POST', 'PATCH']) {
      expect(new Set(run(normal, { method }).map((d) => JSON.stringify(d)))).toEqual(
        new Set([JSON.stringify({ addedLatencyMs: 0 })]),
      );
    }
  });

  it('friday_afternoon: +1300 ms on every request and about 4.5 % errors 500', () => {
    const decisions = run(friday);
    expect(latencies(decisions)).toEqual(new Set([1300]));
    expect(share(decisions, isError)).toBeGreaterThan(0.035);
    expect(share(decisions, isError)).toBeLessThan(0.055);
    expect(
      decisions.every((d) => !d.fault || (d.fault.kind === 'error' && d.fault.status === 500)),
    ).toBe(true);
  });

  it('friday_afternoon under a higher global slider uses the slider', () => {
    const decisions = run(friday, { level: 50 });
    expect(latencies(decisions)).toEqual(new Set([1500]));
    expect(share(decisions, isError)).toBeCloseTo(0.125, 1);
  });

  it.each([
    ['POST', 5000],
    ['put', 5000],
    ['PATCH', 5000],
    ['GET', 0],
    ['DELETE', 0],
  ])('db_bottleneck: %s waits %d ms and never fails', (method, ms) => {
    const decisions = run(db, { method });
    expect(latencies(decisions)).toEqual(new Set([ms]));
    expect(decisions.some((d) => d.fault)).toBe(false);
  });

  it('zombie_api corrupts every response', () => {
    expect(run(zombie).every((d) => d.fault?.kind === 'corrupt' && d.addedLatencyMs === 0)).toBe(
      true,
    );
  });

  it('the global slider at 100 gives about 50 % errors and +1000 ms', () => {
    const decisions = run(normal, { level: 100 });
    expect(latencies(decisions)).toEqual(new Set([1000]));
    expect(share(decisions, isError)).toBeGreaterThan(0.48);
    expect(share(decisions, isError)).toBeLessThan(0.52);
  });
});

describe('decideChaos with endpoint settings', () => {
  it('lets enabled endpoint settings override the profile', () => {
    const calm = run(friday, { level: 100, endpoint: { enabled: true, level: 0, latencyMs: 0 } });
    expect(calm.every((d) => d.addedLatencyMs === 0 && !d.fault)).toBe(true);
    const failing = run(normal, { endpoint: { enabled: true, errorRate: 1, errorStatus: 503 } });
    expect(failing.every((d) => d.fault?.kind === 'error' && d.fault.status === 503)).toBe(true);
    const healthy = run(zombie, { endpoint: { enabled: true, corruptRate: 0 } });
    expect(healthy.some((d) => d.fault)).toBe(false);
  });

  it('ignores disabled endpoint settings', () => {
    const decisions = run(friday, { endpoint: { enabled: false, level: 0, latencyMs: 0 } });
    expect(latencies(decisions)).toEqual(new Set([1300]));
  });

  it('draws reset, hang, error and corrupt in that order', () => {
    const endpoint = {
      enabled: true,
      resetRate: 0.2,
      hangRate: 0.1,
      errorRate: 0.5,
      corruptRate: 1,
    };
    const decisions = run(normal, { endpoint });
    const kinds = (kind: string) => share(decisions, (d) => d.fault?.kind === kind);
    expect(kinds('reset')).toBeCloseTo(0.2, 1);
    expect(kinds('hang')).toBeCloseTo(0.08, 1);
    expect(kinds('error')).toBeCloseTo(0.36, 1);
    expect(kinds('corrupt')).toBeCloseTo(0.36, 1);
  });
});

describe('decideChaos replay', () => {
  it('repeats the same decisions from the same seed', () => {
    const profile = { ...friday, latencyJitterMs: 200, resetRate: 0.1 };
    expect(run(profile, { seed: 9 })).toEqual(run(profile, { seed: 9 }));
    expect(run(profile, { seed: 9 })).not.toEqual(run(profile, { seed: 10 }));
  });

  it('draws the same amount of randomness whatever the outcome', () => {
    const a = createRng(5);
    const b = createRng(5);
    for (let i = 0; i < 100; i++) {
      decideChaos({ profile: zombie, level: 100, method: 'GET', rng: a });
      decideChaos({ profile: normal, level: 0, method: 'GET', rng: b });
    }
    expect(a.next()).toBe(b.next());
  });

  it('spreads jitter over [latency, latency + jitter]', () => {
    const decisions = run({ ...normal, latencyMs: 100, latencyJitterMs: 50 });
    const values = decisions.map((d) => d.addedLatencyMs);
    expect(Math.min(...values)).toBe(100);
    expect(Math.max(...values)).toBe(150);
  });

  it('clamps out-of-range numbers instead of trusting them', () => {
    const wild = { ...normal, level: 500, errorRate: 7, latencyMs: -5 };
    const decisions = run(wild, { level: Number.NaN });
    expect(latencies(decisions)).toEqual(new Set([1000]));
    expect(decisions.every(isError)).toBe(true);
  });
});
