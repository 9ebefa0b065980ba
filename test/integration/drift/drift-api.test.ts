import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftNarration } from '../../../src/core/drift/narrated-change.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';
import { findEndpointId, readHealth } from '../health/read-health.js';
import { startScriptedBackend, type ScriptedBackend } from '../health/scripted-backend.js';
import { listAlerts } from './list-alerts.js';

const WARMUP = 5;

/** Per path: the learned body, then the drifting one (see `drift`). */
const SHAPES: Record<string, { before: unknown; after: unknown }> = {
  '/breaking': { before: { id: 1, name: 'a' }, after: { id: '1', name: 'a' } },
  '/warning': { before: { id: 1, total: 3 }, after: { id: 1, total: 3.5 } },
  '/acknowledged': { before: { id: 1, tags: ['x'] }, after: { id: 1, tags: 'x' } },
};

describe('contract watchdog: the drift API (SQLite store)', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  const drifting = new Set<string>();
  const ids: Record<string, number> = {};

  /** Starts the app; a restart reuses the first start's SQLite file. */
  const start = async (dataDir?: string) =>
    startTestApp({
      target: backend.url,
      driftWarmup: WARMUP,
      bodySampleRate: 0,
      ...(dataDir === undefined ? {} : { dataDir }),
    });
  const send = async (path: string, count: number, body?: unknown) => {
    for (let i = 0; i < count; i++) {
      await sendRequest(app.proxyPort, {
        method: body === undefined ? 'GET' : 'POST',
        path,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    }
  };
  const getJson = async (path: string) => {
    const response = await app.admin(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    backend = await startScriptedBackend(({ path }) => {
      const shape = SHAPES[path];
      if (!shape) return { status: 201, body: { ok: true } };
      return { body: drifting.has(path) ? shape.after : shape.before };
    });
    app = await start();
    // One path at a time, so the alerts' last_seen order is known: breaking, warning, acknowledged.
    for (const path of Object.keys(SHAPES)) {
      await send(path, WARMUP);
      await trafficRows(app, path, WARMUP);
      drifting.add(path);
      await send(path, 1);
      await trafficRows(app, path, WARMUP + 1);
      ids[path] = await findEndpointId(app, 'GET', path);
    }
    const acknowledged = (await listAlerts(app, `endpoint_id=${ids['/acknowledged']}`)).items[0]!;
    await app.admin(`/admin/drift-alerts/${acknowledged.id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ accept: false }),
    });
  });
  afterAll(async () => {
    await app.stop();
    await backend.close();
  });

  it('lists every alert, newest first, and filters by state and endpoint', async () => {
    const all = await listAlerts(app);
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.items.map((a) => a.endpoint_id)).toEqual([
      ids['/acknowledged'],
      ids['/warning'],
      ids['/breaking'],
    ]);
    const open = await listAlerts(app, 'unresolved_only=true');
    expect(open.total).toBe(2);
    expect(open.items.every((a) => !a.is_resolved)).toBe(true);
    const one = await listAlerts(app, `endpoint_id=${ids['/warning']}`);
    expect(one.total).toBe(1);
    expect(one.items[0]).toMatchObject({ drift_summary: '1 warning' });
    expect(one.items[0]!.drift_score).toBeLessThan(50);
    expect((await listAlerts(app, 'endpoint_id=999')).total).toBe(0);
  });

  it('pages with limit and offset', async () => {
    const all = await listAlerts(app);
    const page = await listAlerts(app, 'limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((a) => a.id)).toEqual([all.items[1]!.id]);
    expect((await listAlerts(app, 'offset=3')).items).toEqual([]);
  });

  it.each([
    'unresolved_only=maybe',
    'endpoint_id=0',
    'endpoint_id=abc',
    'limit=0',
    'limit=201',
    'limit=1.5',
    'offset=-1',
  ])('answers 400 to ?%s', async (query) => {
    const { status, body } = await getJson(`/admin/drift-alerts?${query}`);
    expect(status).toBe(400);
    expect(body).toHaveProperty('code');
  });

  it('rejects a bad resolve and an unknown alert', async () => {
    const alert = (await listAlerts(app)).items[0]!;
    const post = (id: number | string, body: string) =>
      app.admin(`/admin/drift-alerts/${id}/resolve`, { method: 'POST', body });
    expect((await post(alert.id, '{"accept":"yes"}')).status).toBe(400);
    expect((await post(alert.id, '{"accept":true,"also":1}')).status).toBe(400);
    expect((await post(999, '{"accept":true}')).status).toBe(404);
    expect((await post('x', '{"accept":true}')).status).toBe(400);
    // Nothing was resolved by the rejected calls.
    expect((await listAlerts(app, 'unresolved_only=true')).total).toBe(2);
  });

  it('reports drift stats per endpoint', async () => {
    const breaking = (await listAlerts(app, `endpoint_id=${ids['/breaking']}`)).items[0]!;
    const { status, body } = await getJson(`/admin/endpoints/${ids['/breaking']}/drift-stats`);
    expect(status).toBe(200);
    expect(body).toEqual({
      endpoint_id: ids['/breaking'],
      total_alerts: 1,
      unresolved_alerts: 1,
      average_drift_score: breaking.drift_score,
      latest_alert: breaking,
    });
    const acknowledged = await getJson(`/admin/endpoints/${ids['/acknowledged']}/drift-stats`);
    expect(acknowledged.body).toMatchObject({ total_alerts: 1, unresolved_alerts: 0 });
    expect((await getJson('/admin/endpoints/999/drift-stats')).status).toBe(404);
    expect((await getJson('/admin/endpoints/0/drift-stats')).status).toBe(400);
  });

  it('alerts on a request body that drifts, with request-side narration', async () => {
    const path = '/orders';
    await send(path, WARMUP, { item_id: 12, quantity: 2 });
    await trafficRows(app, path, WARMUP);
    await send(path, 1, { itemId: 12, quantity: 2 });
    await trafficRows(app, path, WARMUP + 1);
    const id = await findEndpointId(app, 'POST', path);
    const page = await listAlerts(app, `endpoint_id=${id}`);
    expect(page.total).toBe(1);
    const alert = page.items[0]!;
    expect(alert).toMatchObject({ target: 'request', status: '' });
    expect(alert.drift_score).toBeGreaterThanOrEqual(50);
    expect(alert.drift_details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'field_removed',
          severity: 'BREAKING',
          path: '$.item_id',
          renamedTo: 'itemId',
        }),
      ]),
    );
    const removal = (alert.drift_narration as DriftNarration).items.find(
      (item) => item.path === '$.item_id',
    );
    expect(removal?.headline).toMatch(/REMOVED from the request/);
  });

  it('keeps the drift penalty of an unresolved BREAKING alert across a restart', async () => {
    const before = await readHealth(app, ids['/breaking']!, WARMUP + 1);
    expect(before.current?.anomalies.map((a) => a.type)).toContain('contract_drift');
    await app.stop();
    app = await start(app.dataDir);
    const { body } = await getJson(`/admin/health/${ids['/breaking']}`);
    expect(body).toMatchObject({
      current: { score: 80, anomalies: [expect.objectContaining({ type: 'contract_drift' })] },
    });
    // The WARNING-only and the acknowledged alerts carry no penalty.
    for (const path of ['/warning', '/acknowledged']) {
      const other = await getJson(`/admin/health/${ids[path]}`);
      expect(other.body.current).toBeNull();
    }
  });
});
