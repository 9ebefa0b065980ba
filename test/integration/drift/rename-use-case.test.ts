import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEntry } from '../../../src/contract/live-messages.js';
import type { DriftNarration } from '../../../src/core/drift/narrated-change.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';
import { readHealth } from '../health/read-health.js';
import { startScriptedBackend, type ScriptedBackend } from '../health/scripted-backend.js';
import { listAlerts } from './list-alerts.js';
import { openLiveStream, type LiveStream } from './open-live-stream.js';

const WARMUP = 5;
const PATH = '/api/profile';

const profile = (i: number, renamed: boolean) => ({
  ...(renamed ? { userId: 4000 + i } : { user_id: 4000 + i }),
  name: 'Ada Lovelace',
  avatar_url: 'https://cdn.example.test/ada.png',
  created_at: '2024-03-01T10:00:00Z',
});

describe('contract watchdog: the product use case (user_id renamed to userId)', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  let live: LiveStream;
  let renamed = false;
  let served = 0;

  beforeAll(async () => {
    backend = await startScriptedBackend(() => ({ body: profile(served++, renamed) }));
    app = await startTestApp({
      target: backend.url,
      store: 'memory',
      driftWarmup: WARMUP,
      bodySampleRate: 0,
    });
    live = await openLiveStream(app);
    for (let i = 0; i < WARMUP; i++) await sendRequest(app.proxyPort, { path: PATH });
    await trafficRows(app, PATH, WARMUP);
    renamed = true;
    await sendRequest(app.proxyPort, { path: PATH });
    await trafficRows(app, PATH, WARMUP + 1);
  });
  afterAll(async () => {
    live.close();
    await app.stop();
    await backend.close();
  });

  it('raises exactly one alert, scored ≥ 50, with the removal, the addition and the rename', async () => {
    const page = await listAlerts(app);
    expect(page.total).toBe(1);
    const alert = page.items[0]!;
    expect(alert).toMatchObject({
      target: 'response',
      status: '200',
      occurrences: 1,
      is_resolved: false,
      accepted: false,
    });
    expect(alert.drift_score).toBeGreaterThanOrEqual(50);
    expect(alert.drift_summary).toBe(
      '1 critical issue, 1 new field (likely rename: user_id → userId)',
    );
    expect(alert.drift_details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'field_removed',
          severity: 'BREAKING',
          path: '$.user_id',
          expected: 'integer',
          actual: 'absent',
          renamedTo: 'userId',
        }),
        expect.objectContaining({
          kind: 'field_added',
          severity: 'INFO',
          path: '$.userId',
          renamedFrom: 'user_id',
        }),
      ]),
    );
    expect(alert.drift_details).toHaveLength(2);
  });

  it('narrates the removal: what happened, that it is an identifier, what breaks and what to do', async () => {
    const narration = (await listAlerts(app)).items[0]!.drift_narration as DriftNarration;
    const removal = narration.items.find((item) => item.path === '$.user_id');
    expect(removal).toMatchObject({ label: 'BREAKING', kind: 'field_removed' });
    expect(removal?.headline).toMatch(/`user_id` was REMOVED from the response/);
    expect(removal?.headline).toMatch(/renamed to `userId`/);
    expect(removal?.context).toBe('unique identifiers');
    expect(removal?.impact).toMatch(/breaks/);
    expect(removal?.action).toMatch(/Update references from `user_id` to `userId`/);
    const addition = narration.items.find((item) => item.path === '$.userId');
    expect(addition).toMatchObject({ label: 'INFO', kind: 'field_added' });
    expect(addition?.action).toMatch(/Read `userId` instead of `user_id`/);
    // The text form says the same, never an UNKNOWN label (the prototype's defect).
    expect(narration.text).toMatch(/BREAKING/);
    expect(narration.text).toMatch(/`user_id` was REMOVED/);
    expect(narration.text).toMatch(/unique identifiers/);
    expect(narration.text).toMatch(/Update references from `user_id` to `userId`/);
    expect(narration.text).not.toMatch(/UNKNOWN/);
  });

  it('pushes a drift event on the live stream and flags only the drifting entry', async () => {
    const alert = (await listAlerts(app)).items[0]!;
    const event = await live.waitFor((m) => m.type === 'drift');
    expect(event).toEqual({
      type: 'drift',
      alertId: alert.id,
      endpointId: alert.endpoint_id,
      summary: alert.drift_summary,
      score: alert.drift_score,
    });
    await live.waitFor(
      (m) => m.type === 'entries' && m.entries.some((e) => e.path === PATH && e.hasDrift),
    );
    const entries = live.messages
      .flatMap((m): LiveEntry[] => (m.type === 'entries' ? m.entries : []))
      .filter((e) => e.path === PATH);
    expect(entries).toHaveLength(WARMUP + 1);
    expect(entries.filter((e) => e.hasDrift)).toHaveLength(1);
    // The stored traffic rows carry the same flag.
    const rows = await trafficRows(app, PATH, WARMUP + 1);
    expect(rows.filter((r) => r.hasDrift)).toHaveLength(1);
  });

  it('keeps the old shape as the contract until someone accepts the new one (ADR 0004)', async () => {
    const alert = (await listAlerts(app)).items[0]!;
    const endpoint = (await (await app.admin(`/admin/endpoints/${alert.endpoint_id}`)).json()) as {
      responses: Record<
        string,
        { schema: { properties: Record<string, unknown>; required: string[] } }
      >;
      examples: Record<string, { responseBody: Record<string, unknown> }[]>;
    };
    const learned = endpoint.responses['200']!.schema;
    expect(Object.keys(learned.properties)).not.toContain('userId');
    expect(learned.required).toContain('user_id');
    // Replay mocks serve recorded examples: the drifting body must not be one of them yet.
    const examples = endpoint.examples['200'] ?? [];
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(example.responseBody).toHaveProperty('user_id');
  });

  it('takes the −20 drift penalty off the endpoint health while the BREAKING alert is open', async () => {
    const alert = (await listAlerts(app)).items[0]!;
    const health = await readHealth(app, alert.endpoint_id, WARMUP + 1);
    expect(health.current?.anomalies.map((a) => a.type)).toEqual(['contract_drift']);
    expect(health.current?.score).toBe(80);
    const global = (await (await app.admin('/admin/health/global')).json()) as {
      score: number;
      activeAnomalies: number;
    };
    expect(global).toMatchObject({ score: 80, activeAnomalies: 1 });
  });
});
