import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../helpers/send-request.js';
import { TEST_TOKEN } from '../../helpers/start-test-app.js';
import { capturedCount, settleCaptures } from '../learning/fixtures/drive-api-traffic.js';
import {
  adminJson,
  compileSchema,
  schemaErrors,
} from '../learning/fixtures/fetch-learned-endpoints.js';
import { MS_PER_LEVEL } from '../../../src/core/chaos/decide-chaos.js';
import { adminSend, endpointChaos, inWaves, setChaos, timeChaos } from './fixtures/chaos-admin.js';
import { startLearnedApp, type LearnedApp } from './fixtures/start-learned-app.js';

interface ProfilesView {
  active: string;
  level: number;
  profiles: Record<string, { builtin: boolean; errorRate?: number; errorStatus?: number }>;
}

/** Hang faults hold a request this long (the test app's upstream headers timeout). */
const HANG_MS = 1500;

describe('chaos admin API and injected faults', () => {
  let ctx: LearnedApp;
  const idOf = (key: string) => ctx.learned.get(key)!.id;
  const chaos = endpointChaos(() => ctx.app, idOf);
  const setEndpoint = chaos.set;
  const profiles = () => adminJson<ProfilesView>(ctx.app, '/admin/chaos/profiles');

  beforeAll(async () => {
    ctx = await startLearnedApp({ chaosSeed: 4, headersTimeoutMs: HANG_MS });
  }, 60_000);
  afterEach(() => chaos.reset());
  afterAll(async () => {
    await ctx.stop();
  });

  it('lists the four built-in profiles and the active one', async () => {
    const view = await profiles();
    expect(view.active).toBe('normal');
    expect(view.level).toBe(0);
    for (const name of ['normal', 'friday_afternoon', 'db_bottleneck', 'zombie_api'])
      expect(view.profiles[name]?.builtin).toBe(true);
  });

  it('admin routes are never affected, whatever the chaos', async () => {
    await setChaos(ctx.app, 'zombie_api', 100);
    for (let i = 0; i < 10; i++) {
      for (const path of ['/admin/config', '/admin/endpoints', '/admin/chaos/profiles']) {
        const result = await timeChaos(() =>
          sendRequest(ctx.app.proxyPort, {
            path,
            headers: { authorization: `Bearer ${TEST_TOKEN}` },
          }),
        );
        expect(result.response.status).toBe(200);
        expect(result.response.headers['x-mock-source']).toBeUndefined();
        expect(result.response.headers['content-type']).toMatch(/^application\/json/);
        expect(result.ms).toBeLessThan(1000);
      }
    }
  });

  it('X-Chaos-Level brings chaos to one request while the global chaos is quiet, proxied or mocked', async () => {
    expect((await profiles()).level).toBe(0);
    for (const mode of [{}, { 'x-mock-enabled': 'true' }]) {
      const results = await inWaves(8, 8, () =>
        timeChaos(() =>
          sendRequest(ctx.app.proxyPort, {
            path: '/products/1',
            headers: { 'x-chaos-level': '30', ...mode },
          }),
        ),
      );
      // Level 30 adds 30 × MS_PER_LEVEL before the answer, faulted or not.
      for (const result of results) expect(result.ms).toBeGreaterThanOrEqual(30 * MS_PER_LEVEL);
      const quiet = await sendRequest(ctx.app.proxyPort, { path: '/products/1', headers: mode });
      expect(quiet.headers['x-mock-source']).not.toBe('chaos');
    }
  });

  it('injected errors follow the learned schema of their status where there is one', async () => {
    await setEndpoint('GET /products/{id}', { enabled: true, errorRate: 1, errorStatus: 404 });
    const learned = compileSchema(ctx.learned.get('GET /products/{id}')!.responses['404']!.schema);
    for (const path of ['/products/1', '/products/2', '/products/3']) {
      const response = await sendRequest(ctx.app.proxyPort, { path });
      expect(response.status).toBe(404);
      expect(response.headers['x-mock-source']).toBe('chaos');
      expect(response.headers['content-type']).toBe('application/json');
      expect(schemaErrors(learned, JSON.parse(response.body.toString()))).toBe('');
    }
    await setEndpoint('GET /products/{id}', { enabled: true, errorRate: 1, errorStatus: 502 });
    const problem = await sendRequest(ctx.app.proxyPort, { path: '/products/1' });
    expect(problem.status).toBe(502);
    expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problem.headers['x-mock-source']).toBe('chaos');
  });

  it('reset and hang faults drop the connection (a hang only after the timeout) and are logged as chaos', async () => {
    await setEndpoint('GET /users/{id}/orders', { enabled: true, resetRate: 1 });
    await setEndpoint('GET /search', { enabled: true, hangRate: 1 });
    const start = capturedCount(ctx.app);
    await expect(
      sendRequest(ctx.app.proxyPort, { path: '/users/5/orders?fault=reset' }),
    ).rejects.toThrow();
    const started = performance.now();
    await expect(
      sendRequest(ctx.app.proxyPort, { path: '/search?fault=hang', timeoutMs: 10_000 }),
    ).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(HANG_MS - 50);
    await settleCaptures(ctx.app, start, 2);
    const traffic = await adminJson<{ items: { query: string; source: string }[] }>(
      ctx.app,
      '/admin/traffic?limit=50',
    );
    for (const query of ['fault=reset', 'fault=hang'])
      expect(traffic.items.find((row) => row.query === query)?.source).toBe('chaos');
  });

  it.each<[string, string, string, unknown]>([
    ['a level above 100', 'POST', '/admin/chaos', { level: 101 }],
    ['a negative level', 'POST', '/admin/chaos', { level: -1 }],
    ['a fractional level', 'POST', '/admin/chaos', { level: 2.5 }],
    ['a level as text', 'POST', '/admin/chaos', { level: '50' }],
    ['no level', 'POST', '/admin/chaos', {}],
    ['an unknown profile', 'POST', '/admin/chaos/profiles', { profile: 'weekend' }],
    ['a rate above 1', 'PUT', '/admin/chaos/profiles/flaky', { errorRate: 2 }],
    ['an error status below 400', 'PUT', '/admin/chaos/profiles/flaky', { errorStatus: 302 }],
    ['a latency above the cap', 'PUT', '/admin/chaos/profiles/flaky', { latencyMs: 600_000 }],
    ['an unknown field', 'PUT', '/admin/chaos/profiles/flaky', { explode: true }],
    ['a bad profile name', 'PUT', '/admin/chaos/profiles/Not%20Ok', { level: 1 }],
    ['a negative endpoint rate', 'POST', '/admin/endpoints/{health}/chaos', { errorRate: -0.1 }],
    ['a non-boolean enabled', 'POST', '/admin/endpoints/{health}/chaos', { enabled: 'yes' }],
    ['an endpoint status of 200', 'POST', '/admin/endpoints/{health}/chaos', { errorStatus: 200 }],
  ])('rejects %s with 400 and changes nothing', async (_name, method, path, body) => {
    const url = path.replace('{health}', String(idOf('GET /health')));
    const response = await adminSend(ctx.app, method, url, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const view = await profiles();
    expect([view.active, view.level, 'flaky' in view.profiles]).toEqual(['normal', 0, false]);
    const endpoint = await adminJson<{ chaos: unknown }>(
      ctx.app,
      `/admin/endpoints/${idOf('GET /health')}/chaos`,
    );
    expect(endpoint.chaos).toEqual({ enabled: false });
  });

  it('endpoint chaos of an unknown endpoint is 404', async () => {
    expect((await adminSend(ctx.app, 'POST', '/admin/endpoints/999999/chaos', {})).status).toBe(
      404,
    );
    expect((await ctx.app.admin('/admin/endpoints/999999/chaos')).status).toBe(404);
  });

  it('user-defined profiles: create, update, activate, delete; built-ins cannot be changed', async () => {
    const created = await adminSend(ctx.app, 'PUT', '/admin/chaos/profiles/flaky', {
      description: 'Half the answers are 503.',
      errorRate: 0.5,
      errorStatus: 503,
    });
    expect(created.status).toBe(201);
    expect((await profiles()).profiles.flaky).toMatchObject({ builtin: false, errorRate: 0.5 });
    const updated = await adminSend(ctx.app, 'PUT', '/admin/chaos/profiles/flaky', {
      errorRate: 1,
      errorStatus: 503,
    });
    expect(updated.status).toBe(200);
    await setChaos(ctx.app, 'flaky', 0);
    expect((await profiles()).active).toBe('flaky');
    for (const path of ['/health', '/users/1']) {
      const response = await sendRequest(ctx.app.proxyPort, { path });
      expect([response.status, response.headers['x-mock-source']]).toEqual([503, 'chaos']);
    }
    const deleted = await adminSend(ctx.app, 'DELETE', '/admin/chaos/profiles/flaky', undefined);
    expect(await deleted.json()).toEqual({ status: 'deleted', profile: 'flaky', active: 'normal' });
    expect((await sendRequest(ctx.app.proxyPort, { path: '/health' })).status).toBe(200);
    expect(
      (await adminSend(ctx.app, 'DELETE', '/admin/chaos/profiles/flaky', undefined)).status,
    ).toBe(404);
    for (const method of ['PUT', 'DELETE']) {
      const builtin = await adminSend(
        ctx.app,
        method,
        '/admin/chaos/profiles/zombie_api',
        method === 'PUT' ? {} : undefined,
      );
      expect(builtin.status).toBe(409);
    }
  });
});
