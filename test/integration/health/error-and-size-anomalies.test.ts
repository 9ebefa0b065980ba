import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Anomaly } from '../../../src/core/health/anomaly.js';
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

const SEED = 7_001;
/**
 * OK answers take 0 or 200 ms (CV 1): the latency detector then needs 6σ (≈ 600 ms) to fire,
 * so a scheduler stall on a loaded machine never adds a latency anomaly to a test that is
 * about errors and sizes only.
 */
const OK_DELAY_MS = 100;
const OK_CV = 1;

describe('health: error-rate spikes and size drift through the proxy (fixed seed)', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  const replies = new Map<string, () => ScriptedReply>();
  let delay: () => number;

  const send = async (
    path: string,
    count: number,
    reply: () => ScriptedReply,
    concurrency = 10,
  ) => {
    replies.set(path, reply);
    await sendConcurrently(app.proxyPort, count, concurrency, () => ({ path }));
  };

  beforeAll(async () => {
    delay = createTwoPointDelays(createRng(SEED), OK_DELAY_MS, OK_CV);
    backend = await startScriptedBackend(({ path }) => replies.get(path)?.() ?? { status: 404 });
    app = await startTestApp({ target: backend.url, store: 'memory' });
  });
  afterAll(async () => {
    await app.stop();
    await backend.close();
  });

  it('100 OK then 30 errors: an error spike that keeps firing while the errors continue', async () => {
    const path = '/payments';
    await send(path, 100, () => ({ body: { paid: true }, delayMs: delay() }));
    const id = await findEndpointId(app, 'GET', path);
    expect((await readHealth(app, id, 100)).current).toMatchObject({ score: 100, anomalies: [] });

    const seen: Anomaly[] = [];
    for (let sent = 10; sent <= 30; sent += 10) {
      // Sequential: the window then holds exactly `sent` errors among the last 20 outcomes.
      await send(path, 10, () => ({ status: 500, body: { error: 'db down' } }), 1);
      const health = await readHealth(app, id, 100 + sent);
      expect(health.current?.anomalies).toEqual([
        expect.objectContaining({ type: 'error_spike', severity: 'high' }),
      ]);
      expect(health.current).toMatchObject({ score: 62.5, status: 'DEGRADED' });
      seen.push(health.current!.anomalies[0]!);
    }
    // It fired on every error from the third one on (the minimum count), never went silent.
    expect(seen.map((s) => s.occurrences)).toEqual([8, 18, 28]);
    expect(seen[1]!.lastSeenAt).toBeGreaterThan(seen[0]!.lastSeenAt);
    expect(seen[2]!.lastSeenAt).toBeGreaterThan(seen[1]!.lastSeenAt);
    expect(seen[2]!.message).toMatch(/^Error rate 100\.0% \(20 of the last 20 requests\)/);
  });

  it('a body that shrinks from 10 KB to 100 B is size drift (−10)', async () => {
    const path = '/report';
    const large = { rows: 'x'.repeat(10 * 1024 - 11) };
    const small = { rows: 'x'.repeat(100 - 11) };
    expect(JSON.stringify(large)).toHaveLength(10 * 1024);
    expect(JSON.stringify(small)).toHaveLength(100);
    await send(path, 30, () => ({ body: large, delayMs: delay() }));
    const id = await findEndpointId(app, 'GET', path);
    expect((await readHealth(app, id, 30)).current).toMatchObject({ score: 100, anomalies: [] });

    await send(path, 1, () => ({ body: small, delayMs: delay() }));
    const health = await readHealth(app, id, 31);
    expect(health.current?.anomalies).toEqual([
      expect.objectContaining({ type: 'size_drift', ratio: expect.any(Number) as number }),
    ]);
    expect(health.current?.anomalies[0]!.ratio).toBeLessThan(1 / 3);
    expect(health.current?.anomalies[0]!.message).toMatch(
      /^Response size 100 B is [\d.]+× smaller than the 10\.0 KB average/,
    );
    expect(health.current).toMatchObject({ score: 90, status: 'HEALTHY' });
  });
});
