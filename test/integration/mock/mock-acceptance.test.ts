import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, sendRequest, type SentResponse } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import {
  API_TEMPLATES,
  apiRound,
  capturedCount,
  sendCall,
  settleCaptures,
} from '../learning/fixtures/drive-api-traffic.js';
import {
  adminJson,
  compileSchema,
  fetchLearnedEndpoints,
  learnedContentType,
  schemaErrors,
  type EndpointView,
} from '../learning/fixtures/fetch-learned-endpoints.js';
import {
  startApiBackend,
  uuidOf,
  type ApiBackend,
} from '../learning/fixtures/start-api-backend.js';
import { startLearnedApp, type LearnedApp } from './fixtures/start-learned-app.js';

const json = (response: SentResponse): unknown => JSON.parse(response.body.toString('utf8'));

/** The learned 2xx statuses of an endpoint (the statuses a mock may draw). */
const successStatuses = (view: EndpointView) =>
  Object.keys(view.responses).filter((status) => status.startsWith('2'));

describe('mock acceptance: learn, switch to mock, stop the backend', () => {
  let ctx: LearnedApp;
  let backend: ApiBackend;
  let app: TestApp;
  let learned: Map<string, EndpointView>;

  beforeAll(async () => {
    ctx = await startLearnedApp({ mockLatency: 'off' }, 20);
    ({ backend, app, learned } = ctx);
    await adminJson(app, '/admin/mode', { method: 'POST', body: JSON.stringify({ mode: 'mock' }) });
    await backend.stop();
  }, 60_000);
  afterAll(async () => {
    await ctx.stop();
  });

  it('every learned endpoint answers with its learned status, content type and a valid body', async () => {
    expect([...learned.keys()].sort()).toEqual([...API_TEMPLATES]);
    const failures: string[] = [];
    const hitsBefore = backend.sent.length;
    for (let round = 100; round < 130; round++) {
      const calls = apiRound(round);
      const responses = await Promise.all(calls.map((call) => sendCall(app.proxyPort, call)));
      calls.forEach((call, i) => {
        const response = responses[i]!;
        const key = API_TEMPLATES.find((t) => matches(t, call.method, call.path))!;
        const view = learned.get(key)!;
        const status = String(response.status);
        expect(response.headers['x-mock-source']).toBe('mock');
        expect(successStatuses(view)).toEqual([status]);
        expect(response.headers['content-type']).toBe(learnedContentType(view, status));
        expect(response.headers['content-encoding']).toBeUndefined();
        expect(Number(response.headers['content-length'])).toBe(response.body.length);
        const errors = schemaErrors(compileSchema(view.responses[status]!.schema), json(response));
        if (errors) failures.push(`${key} (${call.path}): ${errors}`);
      });
    }
    expect(failures).toEqual([]);
    expect(backend.sent.length).toBe(hitsBefore);
  });

  it('the same seed gives byte-identical bodies; unseeded calls vary', async () => {
    const seeded = (seed: string) =>
      sendRequest(app.proxyPort, { path: '/users?page=2', headers: { 'x-mock-seed': seed } });
    const [a, b, c] = [await seeded('42'), await seeded('42'), await seeded('43')];
    expect(a.body.equals(b.body)).toBe(true);
    expect(a.body.equals(c.body)).toBe(false);
    const post = {
      method: 'POST',
      path: '/users',
      body: { name: 'Zed', email: 'zed@example.com' },
    };
    const [p, q] = [
      await sendCall(app.proxyPort, post, { 'x-mock-seed': '7' }),
      await sendCall(app.proxyPort, post, { 'x-mock-seed': '7' }),
    ];
    expect(p.body.equals(q.body)).toBe(true);

    const bodies = new Set<string>();
    for (let i = 0; i < 20; i++) {
      bodies.add((await sendRequest(app.proxyPort, { path: '/users?page=2' })).body.toString());
    }
    expect(bodies.size).toBeGreaterThanOrEqual(15);
  });

  it('X-Mock-Status: 404 answers with a body following the learned 404 schema', async () => {
    const response = await sendRequest(app.proxyPort, {
      path: '/products/5',
      headers: { 'x-mock-status': '404' },
    });
    expect(response.status).toBe(404);
    expect(response.headers['x-mock-source']).toBe('mock');
    expect(response.headers['content-type']).toBe('application/json');
    const view = learned.get('GET /products/{id}')!;
    expect(schemaErrors(compileSchema(view.responses['404']!.schema), json(response))).toBe('');
  });

  it('X-Mock-Status for a status never learned answers a marked placeholder problem', async () => {
    const response = await sendRequest(app.proxyPort, {
      path: '/health',
      headers: { 'x-mock-status': '418' },
    });
    expect(response.status).toBe(418);
    expect(response.headers['x-mock-source']).toBe('mock');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an unknown endpoint gets a 404 problem naming the closest learned templates', async () => {
    const response = await sendRequest(app.proxyPort, { path: '/userz/7' });
    expect(response.status).toBe(404);
    expect(problemCode(response)).toBe('MOCK_NOT_LEARNED');
    expect(response.headers['x-mock-source']).toBe('mock');
    const problem = json(response) as { closest: string[]; detail: string };
    expect(problem.closest).toContain('GET /users/{id}');
    expect(problem.closest.length).toBeLessThanOrEqual(3);
    expect(problem.detail).toContain('/userz/7');
  });

  it('echoes path parameters and request fields, and keeps an entity stable across calls', async () => {
    const user = json(await sendRequest(app.proxyPort, { path: '/users/42' })) as { id: unknown };
    expect(user.id).toBe(42);
    const again = json(await sendRequest(app.proxyPort, { path: '/users/42' }));
    expect(again).toEqual(user);
    const uuid = uuidOf(4242);
    const order = json(await sendRequest(app.proxyPort, { path: `/orders/${uuid}` })) as {
      id: unknown;
    };
    expect(order.id).toBe(uuid);
    const created = json(
      await sendCall(app.proxyPort, {
        method: 'POST',
        path: '/users',
        body: { name: 'Echo Me', email: 'echo@example.com' },
      }),
    ) as { name: unknown; email: unknown };
    expect(created).toMatchObject({ name: 'Echo Me', email: 'echo@example.com' });
  });

  it('mocks are recorded in the traffic log as source mock and are never learned', async () => {
    const before = learned.get('GET /health')!.stats.requestCount;
    const start = capturedCount(app);
    await sendRequest(app.proxyPort, { path: '/health?from=mock-log' });
    await settleCaptures(app, start, 1);
    const traffic = await adminJson<{ items: { query: string; source: string }[] }>(
      app,
      '/admin/traffic?limit=50',
    );
    expect(traffic.items.find((row) => row.query === 'from=mock-log')?.source).toBe('mock');
    const after = (await fetchLearnedEndpoints(app)).get('GET /health')!;
    expect(after.stats.requestCount).toBe(before);
  });
});

/** Whether a concrete request matches `METHOD /a/{x}/b` (parameters match one segment). */
function matches(template: string, method: string, path: string): boolean {
  const [m, t] = template.split(' ') as [string, string];
  const want = t.split('/');
  const got = path.split('?')[0]!.split('/');
  return (
    m === method &&
    want.length === got.length &&
    want.every((part, i) => part.startsWith('{') || part === got[i])
  );
}

describe('mock of an endpoint learned from gzip traffic (RELIABILITY item 36)', () => {
  it('sends no Content-Encoding, a correct Content-Length and parseable JSON', async () => {
    const backend = await startApiBackend();
    const app = await startTestApp({ target: backend.url, store: 'memory', mockLatency: 'off' });
    try {
      const start = capturedCount(app);
      for (let n = 0; n < 5; n++) {
        const response = await sendRequest(app.proxyPort, { path: `/enc/gzip?n=${n}` });
        expect(response.headers['content-encoding']).toBe('gzip');
      }
      await settleCaptures(app, start, 5);
      await backend.stop();
      await adminJson(app, '/admin/mode', {
        method: 'POST',
        body: JSON.stringify({ mode: 'mock' }),
      });
      const view = (await fetchLearnedEndpoints(app)).get('GET /enc/gzip')!;
      for (const headers of [{}, { 'accept-encoding': 'gzip, br' }]) {
        const mocked = await sendRequest(app.proxyPort, { path: '/enc/gzip?n=9', headers });
        expect(mocked.status).toBe(200);
        expect(mocked.headers['x-mock-source']).toBe('mock');
        expect(mocked.headers['content-encoding']).toBeUndefined();
        expect(Number(mocked.headers['content-length'])).toBe(mocked.body.length);
        expect(schemaErrors(compileSchema(view.responses['200']!.schema), json(mocked))).toBe('');
      }
    } finally {
      await app.stop();
    }
  });
});
