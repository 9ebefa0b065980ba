import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import {
  apiRound,
  driveApiTraffic,
  sendCall,
  settleCaptures,
  capturedCount,
} from './fixtures/drive-api-traffic.js';
import {
  adminJson,
  compileSchema,
  fetchLearnedEndpoints,
  schemaErrors,
  type EndpointView,
} from './fixtures/fetch-learned-endpoints.js';
import { startApiBackend, type ApiBackend } from './fixtures/start-api-backend.js';

/** The parts of a view that learning changes (wall-clock figures left out). */
function learnedParts(view: EndpointView) {
  return {
    responses: view.responses,
    request: view.request,
    query: view.query,
    examples: view.examples,
    requestCount: view.stats.requestCount,
    statusCounts: view.stats.statusCounts,
  };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const MOCK = { 'x-mock-enabled': 'true' };

describe('learning controls through the admin API', () => {
  let backend: ApiBackend;
  let app: TestApp;

  beforeAll(async () => {
    backend = await startApiBackend();
    app = await startTestApp({ target: backend.url, store: 'memory' });
    await driveApiTraffic(app, 10);
  }, 60_000);
  afterAll(async () => {
    await app.stop();
    await backend.stop();
  });

  it('with learning off nothing in the model changes; turning it back on resumes learning', async () => {
    const before = await fetchLearnedEndpoints(app);
    expect(await adminJson(app, '/admin/learning', post({ enabled: false }))).toEqual({
      status: 'success',
      learning_enabled: false,
    });
    try {
      await driveApiTraffic(app, 3, 40);
      const start = capturedCount(app);
      const fresh = await sendCall(app.proxyPort, { method: 'GET', path: '/enc/plain?n=1' });
      expect(fresh.status).toBe(200);
      await settleCaptures(app, start, 1);
      const after = await fetchLearnedEndpoints(app);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [key, view] of after) {
        expect({ key, ...learnedParts(view) }).toEqual({ key, ...learnedParts(before.get(key)!) });
      }
      expect((await adminJson<{ learning: boolean }>(app, '/admin/config')).learning).toBe(false);
    } finally {
      await adminJson(app, '/admin/learning', post({ enabled: true }));
    }
    await driveApiTraffic(app, 1, 50);
    const resumed = await fetchLearnedEndpoints(app);
    expect(resumed.get('GET /health')!.stats.requestCount).toBe(
      before.get('GET /health')!.stats.requestCount + 1,
    );
  });

  it('a manual endpoint is listed, marked manual, and served by the mock', async () => {
    const created = await app.admin(
      '/admin/endpoints/manual',
      post({
        method: 'GET',
        path: '/manual/widgets/{id}',
        response_body: { id: 7, label: 'seven', tags: ['x'] },
      }),
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ status: 'created', path: '/manual/widgets/{id}' });
    const view = (await fetchLearnedEndpoints(app)).get('GET /manual/widgets/{id}');
    expect(view?.manual).toBe(true);
    const mocked = await sendRequest(app.proxyPort, { path: '/manual/widgets/31', headers: MOCK });
    expect(mocked.status).toBe(200);
    expect(mocked.headers['x-mock-source']).toBe('mock');
    const body = JSON.parse(mocked.body.toString()) as { id: number; label: string };
    expect(body.id).toBe(31);
    expect(typeof body.label).toBe('string');
  });

  it('a schema override survives later traffic while the evidence keeps accumulating', async () => {
    const health = (await fetchLearnedEndpoints(app)).get('GET /health')!;
    const schema = {
      type: 'object',
      required: ['status', 'region'],
      properties: {
        status: { type: 'string', enum: ['ok', 'degraded'] },
        region: { type: 'string', enum: ['eu-west-1', 'eu-central-1'] },
      },
    };
    expect(
      await adminJson(app, `/admin/endpoints/${health.id}/schema`, post({ schema, status: '200' })),
    ).toEqual({ status: 'schema_updated', type: 'response', id: health.id });
    await driveApiTraffic(app, 5, 60);
    const after = (await fetchLearnedEndpoints(app)).get('GET /health')!;
    expect(after.overrides).toHaveLength(1);
    expect(after.overrides[0]).toMatchObject({
      target: 'response',
      status: '200',
      jsonSchema: schema,
    });
    expect(after.stats.requestCount).toBe(health.stats.requestCount + 5);
    expect(after.responses['200']!.schema!.properties).toHaveProperty('uptime_seconds');
    const mocked = await sendRequest(app.proxyPort, { path: '/health', headers: MOCK });
    expect(schemaErrors(compileSchema(schema), JSON.parse(mocked.body.toString()))).toBe('');
  });

  // The learned enum rule needs two distinct values; a declared one-value enum must still hold.
  it('a one-value enum in an override is honoured by the mock (the override is a contract)', async () => {
    const profile = (await fetchLearnedEndpoints(app)).get('GET /users/{id}')!;
    const schema = {
      type: 'object',
      required: ['id', 'plan'],
      properties: { id: { type: 'integer' }, plan: { type: 'string', enum: ['enterprise'] } },
    };
    await adminJson(app, `/admin/endpoints/${profile.id}/schema`, post({ schema }));
    const validate = compileSchema(schema);
    for (let i = 0; i < 5; i++) {
      const mocked = await sendRequest(app.proxyPort, { path: `/users/${i + 1}`, headers: MOCK });
      expect(schemaErrors(validate, JSON.parse(mocked.body.toString()))).toBe('');
    }
  });

  it('rejects an override that is not a JSON Schema, and one for an unknown endpoint', async () => {
    const health = (await fetchLearnedEndpoints(app)).get('GET /health')!;
    const bad = await app.admin(
      `/admin/endpoints/${health.id}/schema`,
      post({ schema: { type: 'no-such-type' } }),
    );
    expect(bad.status).toBe(400);
    const missing = await app.admin('/admin/endpoints/999999/schema', post({ schema: {} }));
    expect(missing.status).toBe(404);
  });

  it('DELETE removes an endpoint from the list, the API and the mock; traffic learns it afresh', async () => {
    const search = (await fetchLearnedEndpoints(app)).get('GET /search')!;
    expect(await adminJson(app, `/admin/endpoints/${search.id}`, { method: 'DELETE' })).toEqual({
      status: 'deleted',
      id: search.id,
    });
    expect((await app.admin(`/admin/endpoints/${search.id}`)).status).toBe(404);
    expect((await app.admin(`/admin/endpoints/${search.id}`, { method: 'DELETE' })).status).toBe(
      404,
    );
    expect((await fetchLearnedEndpoints(app)).has('GET /search')).toBe(false);
    const mocked = await sendRequest(app.proxyPort, { path: '/search?q=a', headers: MOCK });
    expect(mocked.status).toBe(404);
    expect(problemCode(mocked)).toBe('MOCK_NOT_LEARNED');

    const start = capturedCount(app);
    await sendCall(app.proxyPort, apiRound(3)[7]!);
    await settleCaptures(app, start, 1);
    const relearned = (await fetchLearnedEndpoints(app)).get('GET /search')!;
    expect(relearned.id).not.toBe(search.id);
    expect(relearned.stats.requestCount).toBe(1);
  });

  it('a pinned parameter rule re-templates learned data; a pinned literal splits new traffic off', async () => {
    const profile = (await fetchLearnedEndpoints(app)).get('GET /settings/profile')!;
    const result = await adminJson<{ retemplated: { from: string; to: string }[] }>(
      app,
      '/admin/path-rules',
      post({
        rules: [
          { pattern: '/settings/{section}', kind: 'param' },
          { pattern: '/posts/hello-pinned-post', kind: 'literal' },
        ],
      }),
    );
    expect(result.retemplated).toContainEqual({
      from: '/settings/profile',
      to: '/settings/{section}',
    });
    const views = await fetchLearnedEndpoints(app);
    expect(views.has('GET /settings/profile')).toBe(false);
    expect(views.get('GET /settings/{section}')?.stats.requestCount).toBe(
      profile.stats.requestCount,
    );
    expect((await adminJson<{ rules: unknown[] }>(app, '/admin/path-rules')).rules).toHaveLength(2);

    const start = capturedCount(app);
    await sendCall(app.proxyPort, { method: 'GET', path: '/posts/hello-pinned-post' });
    await sendCall(app.proxyPort, { method: 'GET', path: '/posts/another-ordinary-post' });
    await settleCaptures(app, start, 2);
    const after = await fetchLearnedEndpoints(app);
    expect(after.get('GET /posts/hello-pinned-post')?.stats.requestCount).toBe(1);
    expect(after.get('GET /posts/{slug}')!.stats.requestCount).toBe(
      views.get('GET /posts/{slug}')!.stats.requestCount + 1,
    );
    const mocked = await sendRequest(app.proxyPort, { path: '/settings/privacy', headers: MOCK });
    expect(mocked.status).toBe(200);
    expect(mocked.headers['content-type']).toBe('application/vnd.api+json');
  });

  it('rejects invalid path rules with 400 and changes nothing', async () => {
    const before = await adminJson<{ rules: unknown[] }>(app, '/admin/path-rules');
    const bad = await app.admin(
      '/admin/path-rules',
      post({ rules: [{ pattern: 'no-leading-slash', kind: 'param' }] }),
    );
    expect(bad.status).toBe(400);
    const wrongKind = await app.admin(
      '/admin/path-rules',
      post({ rules: [{ pattern: '/a/{b}', kind: 'sometimes' }] }),
    );
    expect(wrongKind.status).toBe(400);
    expect(await adminJson(app, '/admin/path-rules')).toEqual(before);
  });
});
