import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { createRng } from '../../../src/core/random.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { createTwoPointDelays } from './create-two-point-delays.js';
import { findEndpointId, readHealth } from './read-health.js';
import { sendConcurrently } from './send-concurrently.js';
import {
  startScriptedBackend,
  type ScriptedBackend,
  type ScriptedReply,
} from './scripted-backend.js';

const SEED = 4_242;
/** HEALTH_WINDOW_MS for this app: anomalies age out 2 s after their last occurrence. */
const WINDOW_MS = 2000;
/** A volatile endpoint (0 or 200 ms): a scheduler stall is no spike, a 10× answer is. */
const MEAN_MS = 100;
const CV = 1;
/** Normal traffic is sent for at most this long while waiting for HEALTHY. */
const RECOVERY_DEADLINE_MS = 10_000;

describe('health: an endpoint recovers once traffic is normal again (HEALTH_WINDOW_MS)', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  let reply: () => ScriptedReply;
  const path = '/search';

  const send = (count: number, concurrency: number) =>
    sendConcurrently(app.proxyPort, count, concurrency, () => ({ path }));

  beforeAll(async () => {
    backend = await startScriptedBackend(() => reply());
    app = await startTestApp({
      target: backend.url,
      store: 'memory',
      healthWindowMs: WINDOW_MS,
      headersTimeoutMs: 5000,
    });
  });
  afterAll(async () => {
    await app.stop();
    await backend.close();
  });

  it('goes CRITICAL on a latency spike plus errors, then HEALTHY one window after they stop', async () => {
    const delay = createTwoPointDelays(createRng(SEED), MEAN_MS, CV);
    const normal = () => ({ body: { hits: [1, 2] }, delayMs: delay() });
    reply = normal;
    await send(60, 10);
    const id = await findEndpointId(app, 'GET', path);

    reply = () => ({ body: { hits: [1, 2] }, delayMs: 10 * MEAN_MS });
    await send(1, 1);
    reply = () => ({ status: 503, body: { error: 'overloaded' } });
    await send(10, 1);
    const troubled = await readHealth(app, id, 71);
    expect(troubled.current).toMatchObject({ score: 40, status: 'CRITICAL' });
    const lastTrouble = Math.max(...troubled.current!.anomalies.map((a) => a.lastSeenAt));

    // Normal traffic again: the errors leave the outcome window, then both episodes age out.
    reply = normal;
    let observations = 71;
    const statuses: string[] = [];
    const deadline = Date.now() + RECOVERY_DEADLINE_MS;
    let current = troubled.current!;
    while (current.status !== 'HEALTHY' && Date.now() < deadline) {
      await send(5, 5);
      observations += 5;
      current = (await readHealth(app, id, observations)).current!;
      statuses.push(current.status);
    }
    expect(current).toMatchObject({ score: 100, status: 'HEALTHY', anomalies: [] });
    expect(Date.now() - lastTrouble).toBeGreaterThanOrEqual(WINDOW_MS);
    // Not forgiven at the first normal answer: DEGRADED or worse for a while first.
    expect(statuses[0]).not.toBe('HEALTHY');
    const global = (await (await app.admin('/admin/health/global')).json()) as {
      score: number;
      activeAnomalies: number;
    };
    expect(global).toMatchObject({ score: 100, activeAnomalies: 0 });
  });

  it.each([
    [{}, 60_000],
    [{ HEALTH_WINDOW_MS: '2000' }, 2000],
  ])('reads the window from the environment (%j → %i ms)', (env, expected) => {
    expect(loadConfig({ env }).healthWindowMs).toBe(expected);
  });

  it.each(['999', '86400001', '2s'])('refuses HEALTH_WINDOW_MS=%s', (value) => {
    expect(() => loadConfig({ env: { HEALTH_WINDOW_MS: value } })).toThrow(/HEALTH_WINDOW_MS/);
  });
});
