import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';
import { findEndpointId, readHealth } from '../health/read-health.js';
import { sendConcurrently } from '../health/send-concurrently.js';
import { startScriptedBackend, type ScriptedBackend } from '../health/scripted-backend.js';
import { listAlerts, type AlertView } from './list-alerts.js';
import { openLiveStream, type LiveStream } from './open-live-stream.js';

const WARMUP = 5;
const OLD = { user_id: 7, plan: 'pro' };
const NEW = { userId: 7, plan: 'pro' };

describe('contract watchdog: resolving alerts', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  let live: LiveStream;
  /** Which shape each path answers with. */
  const renamed = new Set<string>();
  const sent = new Map<string, number>();

  /** Sends `count` requests to `path` and waits until the pipeline has processed them. */
  const send = async (path: string, count: number, concurrency = 1) => {
    await sendConcurrently(app.proxyPort, count, concurrency, () => ({ path }));
    const total = (sent.get(path) ?? 0) + count;
    sent.set(path, total);
    await trafficRows(app, path, total);
  };
  /** Teaches `path` the old shape, then sends one renamed response; returns its alert. */
  const driftOnce = async (path: string): Promise<AlertView> => {
    await send(path, WARMUP);
    renamed.add(path);
    await send(path, 1);
    const alert = (await listAlerts(app)).items.find((a) => a.endpoint_id === endpoints.get(path));
    if (!alert) throw new Error(`no alert for ${path}`);
    return alert;
  };
  const endpoints = new Map<string, number>();
  const resolve = async (id: number, accept: boolean) => {
    const response = await app.admin(`/admin/drift-alerts/${id}/resolve`, {
      method: 'POST',
      body: JSON.stringify({ accept }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; alert: AlertView };
  };
  const alertById = async (id: number) =>
    (await listAlerts(app, 'limit=200')).items.find((a) => a.id === id);
  const healthScore = async (path: string) =>
    (await readHealth(app, endpoints.get(path)!, sent.get(path)!)).current?.score;

  beforeAll(async () => {
    backend = await startScriptedBackend(({ path }) => ({
      body: renamed.has(path) ? NEW : OLD,
    }));
    app = await startTestApp({
      target: backend.url,
      store: 'memory',
      driftWarmup: WARMUP,
      bodySampleRate: 0,
    });
    live = await openLiveStream(app);
    // Endpoint ids are known once the first exchange of each path is processed.
    for (const path of ['/accept', '/acknowledge', '/hundred']) {
      await send(path, 1);
      endpoints.set(path, await findEndpointId(app, 'GET', path));
    }
  });
  afterAll(async () => {
    live.close();
    await app.stop();
    await backend.close();
  });

  it('accept adopts the new shape: no further alert for that change, and the penalty goes', async () => {
    const alert = await driftOnce('/accept');
    expect(await healthScore('/accept')).toBe(80);
    const answer = await resolve(alert.id, true);
    expect(answer).toMatchObject({
      status: 'accepted',
      alert: { id: alert.id, is_resolved: true, accepted: true },
    });
    expect(answer.alert.resolved_at).not.toBeNull();
    expect(await healthScore('/accept')).toBe(100);

    await send('/accept', 10, 5);
    const page = await listAlerts(app, `endpoint_id=${alert.endpoint_id}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: alert.id, occurrences: 1, is_resolved: true });
    expect(await healthScore('/accept')).toBe(100);
    // The baseline itself moved: the learned schema (what mocks are built from) has userId.
    const endpoint = (await (await app.admin(`/admin/endpoints/${alert.endpoint_id}`)).json()) as {
      responses: Record<string, { schema: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(endpoint.responses['200']!.schema.properties)).toContain('userId');
  });

  it('acknowledge only closes the alert: the next occurrence reopens the same one', async () => {
    const alert = await driftOnce('/acknowledge');
    const drifts = () =>
      live.messages.filter((m) => m.type === 'drift' && m.alertId === alert.id).length;
    await live.waitFor((m) => m.type === 'drift' && m.alertId === alert.id);
    expect(await resolve(alert.id, false)).toMatchObject({
      status: 'acknowledged',
      alert: { id: alert.id, is_resolved: true, accepted: false },
    });
    expect(await healthScore('/acknowledge')).toBe(100);
    expect((await listAlerts(app, 'unresolved_only=true')).items.map((a) => a.id)).not.toContain(
      alert.id,
    );

    await send('/acknowledge', 1);
    const reopened = await alertById(alert.id);
    expect(reopened).toMatchObject({ is_resolved: false, resolved_at: null, occurrences: 2 });
    expect(reopened?.first_seen).toBe(alert.first_seen);
    expect((await listAlerts(app, `endpoint_id=${alert.endpoint_id}`)).total).toBe(1);
    expect(await healthScore('/acknowledge')).toBe(80);
    // A reopened alert is news again on the live stream.
    await live.waitFor((m) => m.type === 'drift' && m.alertId === alert.id && drifts() === 2, 2000);
  });

  it('100 identical drifting responses make one alert with 100 occurrences', async () => {
    await send('/hundred', WARMUP);
    renamed.add('/hundred');
    await send('/hundred', 100, 10);
    const page = await listAlerts(app, `endpoint_id=${endpoints.get('/hundred')}`);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ occurrences: 100, is_resolved: false });
    expect(Date.parse(page.items[0]!.last_seen)).toBeGreaterThanOrEqual(
      Date.parse(page.items[0]!.first_seen),
    );
    // Held back from learning: the 100 bodies did not make user_id optional.
    const rows = await trafficRows(app, '/hundred', WARMUP + 101);
    expect(rows.filter((r) => r.hasDrift)).toHaveLength(100);
  });
});
