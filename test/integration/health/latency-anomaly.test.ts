import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/core/health/anomaly.js';
import { createRng } from '../../../src/core/random.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';
import { findEndpointId, readHealth } from './read-health.js';
import { sendConcurrently } from './send-concurrently.js';
import { startScriptedBackend, type ScriptedBackend } from './scripted-backend.js';
import { createTwoPointDelays } from './create-two-point-delays.js';

const SEED = 20_240_601;
/**
 * The backend's own delays dominate loopback jitter (≈ 2 ms, with stalls of tens of ms on a
 * loaded machine): a stall must not look like a spike, nor widen a stable endpoint's σ.
 */
const MEAN_MS = 200;
/** σ = 50 ms at CV 0.05: loopback overhead (a few ms) stays a small fraction of it. */
const STABLE_MEAN_MS = 1000;
const CONCURRENCY = 15;
/**
 * Requests before the excursion. The baseline is an exact mean and variance over the first
 * 50 samples (then it decays), so 60 settle it; the latency warm-up is 30.
 */
const EXCURSION_BASELINE = 60;
const PENALTY = { medium: 15, high: 22.5 };

const latencyAnomalies = (anomalies: Anomaly[] = []) =>
  anomalies.filter((a) => a.type === 'latency_spike');
/** The latency and baseline an anomaly message reports ("Latency 812 ms is 9.4σ above the 80 ms baseline…"). */
const figuresOf = (anomaly: Anomaly) => {
  const match = /^Latency ([\d.]+) ms is [\d.]+σ above the ([\d.]+) ms baseline/.exec(
    anomaly.message,
  );
  if (!match) throw new Error(`unexpected message: ${anomaly.message}`);
  return { latencyMs: Number(match[1]), baselineMs: Number(match[2]) };
};

describe('health: latency anomalies through the proxy (scripted backend, fixed seed)', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  /** Delay per path for the next requests. */
  const delays = new Map<string, () => number>();

  const send = (path: string, count: number) =>
    sendConcurrently(app.proxyPort, count, CONCURRENCY, () => ({ path }));

  beforeAll(async () => {
    backend = await startScriptedBackend(({ path }) => ({
      body: { path, items: [1, 2, 3] },
      delayMs: delays.get(path)?.() ?? 0,
    }));
    // A 10× spike takes 2 s: longer than the test app's default header timeout.
    app = await startTestApp({ target: backend.url, store: 'memory', headersTimeoutMs: 5000 });
  });
  afterAll(async () => {
    await app.stop();
    await backend.close();
  });

  it('200 normal requests then a 10× spike: an anomaly judged against the baseline before it', async () => {
    const path = '/orders';
    // CV 0.5: threshold 4σ (200 ms), so only a stall of 400 ms could disturb the calm phase.
    delays.set(path, createTwoPointDelays(createRng(SEED), MEAN_MS, 0.5));
    await send(path, 200);
    const id = await findEndpointId(app, 'GET', path);
    const calm = await readHealth(app, id, 200);
    expect(calm.current).toMatchObject({ score: 100, status: 'HEALTHY', anomalies: [] });

    delays.set(path, () => 10 * MEAN_MS);
    await send(path, 1);
    const spiked = await readHealth(app, id, 201);
    expect(spiked.current?.anomalies).toHaveLength(1);
    const [anomaly] = latencyAnomalies(spiked.current?.anomalies);
    expect(anomaly).toBeDefined();
    expect(100 - spiked.current!.score).toBe(PENALTY[anomaly!.severity]);
    expect([77.5, 85]).toContain(spiked.current!.score);
    // Judged before it was absorbed: the baseline is the calm one and the z-score is huge.
    const figures = figuresOf(anomaly!);
    expect(figures.latencyMs).toBeGreaterThanOrEqual(10 * MEAN_MS);
    // (Absorbed first, the 2 s answer would lift the baseline by ≈ 40 ms and σ to ≈ 270 ms: ≈ 6σ.)
    expect(figures.baselineMs).toBeGreaterThan(MEAN_MS * 0.95);
    expect(figures.baselineMs).toBeLessThan(MEAN_MS * 1.1);
    expect(anomaly!.zScore).toBeGreaterThan(10);
    expect(anomaly!.severity).toBe('high');
    // …and it does not mask the next spike either.
    await send(path, 1);
    const again = await readHealth(app, id, 202);
    expect(latencyAnomalies(again.current?.anomalies)).toEqual([
      expect.objectContaining({ occurrences: 2, severity: 'high' }),
    ]);
    // The stored row of the latest exchange (newest first) carries the endpoint's status.
    const rows = await trafficRows(app, path, 202);
    expect(rows[0]!.health).toBe('DEGRADED');
  });

  it('a stable endpoint (CV 0.05) flags a 2.5σ excursion that a volatile one (CV 1) ignores', async () => {
    const profiles = [
      { path: '/stable', meanMs: STABLE_MEAN_MS, cv: 0.05, seed: SEED + 1 },
      { path: '/volatile', meanMs: MEAN_MS, cv: 1, seed: SEED + 2 },
    ];
    for (const p of profiles)
      delays.set(p.path, createTwoPointDelays(createRng(p.seed), p.meanMs, p.cv));
    await Promise.all(profiles.map((p) => send(p.path, EXCURSION_BASELINE)));
    const [stableId, volatileId] = await Promise.all(
      profiles.map((p) => findEndpointId(app, 'GET', p.path)),
    );

    const excursionAt = Date.now();
    for (const p of profiles) delays.set(p.path, () => p.meanMs * (1 + 2.5 * p.cv));
    await Promise.all(profiles.map((p) => send(p.path, 1)));
    const [stable, volatile] = await Promise.all([
      readHealth(app, stableId!, EXCURSION_BASELINE + 1),
      readHealth(app, volatileId!, EXCURSION_BASELINE + 1),
    ]);

    // The stable endpoint's latest latency anomaly is the excursion itself (1125 ms), caught
    // by a threshold below 2.5σ. (A stall on a loaded machine may have opened the episode
    // earlier; the excursion must still be what it reports last.)
    const [flagged, ...others] = latencyAnomalies(stable.current?.anomalies);
    expect(others).toEqual([]);
    expect(flagged?.lastSeenAt).toBeGreaterThanOrEqual(excursionAt);
    expect(figuresOf(flagged!).latencyMs).toBeGreaterThanOrEqual(STABLE_MEAN_MS * 1.125);
    expect(flagged!.threshold).toBeLessThan(2.5);
    expect(flagged!.zScore).toBeGreaterThan(flagged!.threshold!);
    // The volatile endpoint's threshold is 6σ: a 2.5σ excursion (700 ms) is normal for it.
    expect(volatile.current).toMatchObject({ score: 100, anomalies: [] });
  });
});
