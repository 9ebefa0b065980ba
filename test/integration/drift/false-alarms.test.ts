import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';
import { findEndpointId } from '../health/read-health.js';
import {
  startScriptedBackend,
  type ScriptedBackend,
  type ScriptedReply,
} from '../health/scripted-backend.js';
import { listAlerts } from './list-alerts.js';

const WARMUP = 5;

/**
 * Each case teaches one endpoint a baseline (`learn`, one reply per request, in order),
 * then sends `probe` replies that must raise nothing. The `control` reply, a real drift on
 * the same baseline, must raise one: proof that the watchdog was looking (the warm-up case
 * has its own control test below).
 */
interface Case {
  name: string;
  learn: ScriptedReply[];
  probe: ScriptedReply[];
  control?: ScriptedReply;
}

const repeat = (count: number, reply: (i: number) => ScriptedReply) =>
  Array.from({ length: count }, (_, i) => reply(i));

const CASES: Case[] = [
  {
    name: '404 and 500 bodies (even unlike the learned error bodies)',
    learn: [
      ...repeat(WARMUP, (i) => ({ body: { id: i, name: 'widget' } })),
      ...repeat(WARMUP, () => ({ status: 404, body: { error: 'not found' } })),
    ],
    probe: [
      { status: 404, body: { detail: 'no such widget', code: 17 } },
      { status: 500, body: { message: 'boom', trace: ['a', 'b'] } },
      { status: 500, body: 'upstream exploded' },
    ],
    control: { body: { id: 'w-7' } },
  },
  {
    name: 'an optional field that is absent',
    learn: repeat(WARMUP + 1, (i) => ({
      body: { id: i, ...(i % 2 === 0 ? { nickname: 'ada' } : {}) },
    })),
    probe: [{ body: { id: 100 } }, { body: { id: 101, nickname: 'grace' } }],
    control: { body: { nickname: 'ada' } },
  },
  {
    name: 'integer/number noise learned before',
    learn: repeat(WARMUP + 1, (i) => ({ body: { id: i, price: i % 2 === 0 ? 10 + i : 9.99 } })),
    probe: [{ body: { id: 100, price: 12.5 } }, { body: { id: 101, price: 7 } }],
    control: { body: { id: 1.5, price: 1 } },
  },
  {
    name: 'a different shape during the warm-up',
    learn: repeat(WARMUP - 1, (i) => ({ body: { id: i, name: 'widget' } })),
    probe: [{ body: { sku: 'W-1', tags: ['x'] } }],
  },
];

describe('contract watchdog: no false alarms', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  const queues = new Map<string, ScriptedReply[]>();

  const play = async (path: string, replies: ScriptedReply[]) => {
    queues.set(path, [...replies]);
    for (let i = 0; i < replies.length; i++) await sendRequest(app.proxyPort, { path });
  };

  beforeAll(async () => {
    backend = await startScriptedBackend(
      ({ path }) => queues.get(path)?.shift() ?? { status: 599, body: {} },
    );
    app = await startTestApp({
      target: backend.url,
      store: 'memory',
      driftWarmup: WARMUP,
      bodySampleRate: 0,
    });
  });
  afterAll(async () => {
    await app.stop();
    await backend.close();
  });

  it.each(CASES.map((c, i) => ({ ...c, path: `/case${i}` })))(
    'no alert for $name',
    async ({ path, learn, probe, control }) => {
      await play(path, learn);
      await trafficRows(app, path, learn.length);
      await play(path, probe);
      await trafficRows(app, path, learn.length + probe.length);
      const id = await findEndpointId(app, 'GET', path);
      expect((await listAlerts(app, `endpoint_id=${id}`)).total).toBe(0);

      if (control === undefined) return;
      await play(path, [control]);
      await trafficRows(app, path, learn.length + probe.length + 1);
      expect((await listAlerts(app, `endpoint_id=${id}`)).total).toBe(1);
    },
  );

  it('once warm, the endpoint learned during the warm-up is checked like any other', async () => {
    const path = '/case3';
    const learned = CASES[3]!.learn.length + CASES[3]!.probe.length;
    // The warm-up probe was learned, so `name` is optional now and `sku`, `tags` known.
    await play(
      path,
      repeat(2, (i) => ({ body: { id: 10 + i, name: 'w' } })),
    );
    await trafficRows(app, path, learned + 2);
    await play(path, [{ body: { id: 'nine' } }]);
    await trafficRows(app, path, learned + 3);
    const page = await listAlerts(app, `endpoint_id=${await findEndpointId(app, 'GET', path)}`);
    expect(page.total).toBe(1);
    expect(page.items[0]!.drift_details).toEqual([
      expect.objectContaining({ kind: 'type_changed', severity: 'BREAKING', path: '$.id' }),
    ]);
  });
});
