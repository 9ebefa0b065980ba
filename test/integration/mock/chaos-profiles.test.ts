import { Agent } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../helpers/send-request.js';
import { apiRound, sendCall } from '../learning/fixtures/drive-api-traffic.js';
import { inWaves, setChaos, timeChaos, type Timed, endpointChaos } from './fixtures/chaos-admin.js';
import { startLearnedApp, type LearnedApp } from './fixtures/start-learned-app.js';

const MOCK = { 'x-mock-enabled': 'true' };
const NEW_USER = apiRound(0)[2]!;
/** Timers never fire early, but the two clocks may round apart by a millisecond. */
const CLOCK_SLACK_MS = 5;

const countChaos = (results: Timed[]) => results.filter((r) => r.chaos).length;

/**
 * The four prototype profiles, the global level and per-endpoint settings, through the HTTP
 * API with a fixed --chaos-seed. Rates are checked against bands of about ±3.5 standard
 * deviations around the defined probability.
 */
describe('chaos profiles behave as defined (fixed chaos seed)', () => {
  let ctx: LearnedApp;
  const idOf = (key: string) => ctx.learned.get(key)!.id;
  const chaos = endpointChaos(() => ctx.app, idOf);
  const setEndpoint = chaos.set;
  const health = (agent?: Agent) => () =>
    sendRequest(ctx.app.proxyPort, { path: '/health', ...(agent ? { agent } : {}) });

  beforeAll(async () => {
    ctx = await startLearnedApp({ chaosSeed: 20260 });
  }, 60_000);
  afterEach(() => chaos.reset());
  afterAll(async () => {
    await ctx.stop();
  });

  it('normal at global level 0 injects nothing, in proxy and mock mode', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    try {
      const proxied = await inWaves(20, 1, (round) =>
        Promise.all(
          apiRound(round).map((call) =>
            timeChaos(() => sendCall(ctx.app.proxyPort, call, {}, agent)),
          ),
        ),
      );
      for (const result of proxied.flat()) {
        expect(result.response.headers['x-mock-source']).toBeUndefined();
        expect(result.response.status).toBeLessThan(500);
      }
      const mocked = await inWaves(20, 10, () =>
        timeChaos(() => sendRequest(ctx.app.proxyPort, { path: '/health', headers: MOCK, agent })),
      );
      expect(mocked.every((r) => r.response.headers['x-mock-source'] === 'mock')).toBe(true);
    } finally {
      agent.destroy();
    }
  });

  it('friday_afternoon: every request waits 1000 ms + level 30 × 10 ms, and about 4.5 % fail', async () => {
    await setChaos(ctx.app, 'friday_afternoon', 0);
    const results = await inWaves(200, 50, () => timeChaos(health()));
    for (const result of results) {
      expect(result.ms).toBeGreaterThanOrEqual(1300 - CLOCK_SLACK_MS);
      if (result.chaos) expect(result.response.status).toBe(500);
      else expect(result.response.status).toBe(200);
    }
    // n = 200, p = 0.045: mean 9, sd 2.9.
    expect(countChaos(results)).toBeGreaterThanOrEqual(1);
    expect(countChaos(results)).toBeLessThanOrEqual(20);
  }, 30_000);

  it('the global level alone: level 50 waits 500 ms and fails about 12.5 %', async () => {
    await setChaos(ctx.app, 'normal', 50);
    const view = (await (await ctx.app.admin('/admin/chaos/profiles')).json()) as { level: number };
    expect(view.level).toBe(50);
    const results = await inWaves(200, 50, () => timeChaos(health()));
    expect(Math.min(...results.map((r) => r.ms))).toBeGreaterThanOrEqual(500 - CLOCK_SLACK_MS);
    // n = 200, p = 0.125: mean 25, sd 4.7.
    expect(countChaos(results)).toBeGreaterThanOrEqual(9);
    expect(countChaos(results)).toBeLessThanOrEqual(41);
  }, 30_000);

  it('db_bottleneck: writes wait 5000 ms (proxied and mocked); reads do not', async () => {
    await setChaos(ctx.app, 'db_bottleneck', 0);
    const [write, mockWrite, read, mockRead] = await Promise.all([
      timeChaos(() => sendCall(ctx.app.proxyPort, NEW_USER)),
      timeChaos(() => sendCall(ctx.app.proxyPort, NEW_USER, MOCK)),
      timeChaos(health()),
      timeChaos(() => sendRequest(ctx.app.proxyPort, { path: '/users/3', headers: MOCK })),
    ]);
    expect(write.ms).toBeGreaterThanOrEqual(5000 - CLOCK_SLACK_MS);
    expect(write.response.status).toBe(201);
    expect(write.response.headers['x-mock-source']).toBeUndefined();
    expect(mockWrite.ms).toBeGreaterThanOrEqual(5000 - CLOCK_SLACK_MS);
    expect(mockWrite.response.headers['x-mock-source']).toBe('mock');
    expect(read.ms).toBeLessThan(2500);
    expect(mockRead.ms).toBeLessThan(2500);
  }, 30_000);

  it('zombie_api: every answer is a marked 200 text/plain corrupted body with a correct length', async () => {
    await setChaos(ctx.app, 'zombie_api', 0);
    const before = ctx.backend.sent.length;
    const results = await Promise.all([
      ...apiRound(7).map((call) => timeChaos(() => sendCall(ctx.app.proxyPort, call))),
      ...apiRound(8).map((call) => timeChaos(() => sendCall(ctx.app.proxyPort, call, MOCK))),
    ]);
    for (const { response } of results) {
      expect(response.status).toBe(200);
      expect(response.headers['x-mock-source']).toBe('chaos');
      expect(response.headers['content-type']).toBe('text/plain');
      expect(response.body.toString()).toContain('CORRUPTED_STREAM');
      expect(Number(response.headers['content-length'])).toBe(response.body.length);
    }
    expect(ctx.backend.sent.length).toBe(before);
  });

  it('per-endpoint settings override the active profile, and disabled ones are ignored', async () => {
    await setChaos(ctx.app, 'zombie_api', 0);
    await setEndpoint('GET /health', { enabled: true, corruptRate: 0 });
    await setEndpoint('GET /users/{id}/orders', { enabled: false, corruptRate: 0 });
    const shown = (await (
      await ctx.app.admin(`/admin/endpoints/${idOf('GET /health')}/chaos`)
    ).json()) as { chaos: unknown };
    expect(shown.chaos).toEqual({ enabled: true, corruptRate: 0 });
    const spared = await sendRequest(ctx.app.proxyPort, { path: '/health' });
    expect(spared.headers['x-mock-source']).toBeUndefined();
    expect(JSON.parse(spared.body.toString())).toHaveProperty('status', 'ok');
    for (const path of ['/users/1', '/users/1/orders']) {
      const hit = await sendRequest(ctx.app.proxyPort, { path });
      expect(hit.headers['x-mock-source']).toBe('chaos');
    }

    await setChaos(ctx.app, 'friday_afternoon', 0);
    await setEndpoint('GET /health', { enabled: true, level: 0, latencyMs: 0 });
    const calm = await inWaves(100, 50, () => timeChaos(health()));
    expect(countChaos(calm)).toBe(0);
    expect(Math.max(...calm.map((r) => r.ms))).toBeLessThan(1300);
    const stormy = await timeChaos(() => sendRequest(ctx.app.proxyPort, { path: '/users/2' }));
    expect(stormy.ms).toBeGreaterThanOrEqual(1300 - CLOCK_SLACK_MS);
  }, 30_000);

  it('RELIABILITY 134: an endpoint error rate of 50 % over 1,000 requests injects 500 ± 50 marked errors', async () => {
    await setEndpoint('GET /health', { enabled: true, errorRate: 0.5, errorStatus: 503 });
    const agent = new Agent({ keepAlive: true, maxSockets: 10 });
    try {
      const results = await inWaves(1000, 10, () => timeChaos(health(agent)));
      for (const { response, chaos } of results) expect(response.status).toBe(chaos ? 503 : 200);
      expect(countChaos(results)).toBeGreaterThanOrEqual(450);
      expect(countChaos(results)).toBeLessThanOrEqual(550);
    } finally {
      agent.destroy();
    }
  }, 60_000);
});
