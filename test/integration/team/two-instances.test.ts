import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LiveEntry, LiveMessage } from '../../../src/contract/live-messages.js';
import { connectTestDatabase } from '../../../src/store/postgres/postgres-test-db.js';
import type { EchoOrigin } from '../../helpers/echo-origin.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../../helpers/start-test-app.js';
import { planTeamTraffic, readSchema, sendPlan, startTeamBackend } from './team-traffic.js';

const target = await connectTestDatabase(process.env.TEST_POSTGRES_URL);
if (target.skip) console.log(`[team] two-instance suite skipped: ${target.skip}`);
const db = target.db;

async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Collects every entry the app's live stream (/admin/ws) sends. */
async function watchLive(app: TestApp): Promise<{ entries: LiveEntry[]; close(): void }> {
  const socket = new WebSocket(`${app.adminUrl.replace('http', 'ws')}/admin/ws`, {
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
  });
  const entries: LiveEntry[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as LiveMessage;
    if (message.type === 'entries' || message.type === 'initial') entries.push(...message.entries);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { entries, close: () => socket.close() };
}

describe.skipIf(!db)('team mode: two instances on one PostgreSQL', () => {
  let origin: EchoOrigin;
  let a: TestApp;
  let b: TestApp;
  const schema = db?.newSchema() ?? '';

  beforeAll(async () => {
    origin = await startTeamBackend();
    const shared = { databaseUrl: db!.urlFor(schema), target: origin.url };
    [a, b] = await Promise.all([startTestApp(shared), startTestApp(shared)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await origin?.close();
    await db?.dropAll();
  });

  it('counts each of 1,000 requests split over two instances exactly once, and learns what one instance learns', async () => {
    const plan = planTeamTraffic(1000);
    const statuses = await sendPlan(plan, (i) => (i % 2 === 0 ? a.proxyPort : b.proxyPort));
    expect(statuses.filter((s) => s === 0)).toEqual([]);
    await Promise.all([a.flush(), b.flush()]);
    const team = await readSchema(db!.url, schema);
    expect(origin.requests).toHaveLength(1000);
    expect({ traffic: team.traffic, exchanges: team.exchanges }).toEqual({
      traffic: 1000,
      exchanges: 1000,
    });
    const counted = [...team.endpoints.values()].reduce((sum, e) => sum + e.requestCount, 0);
    expect(counted).toBe(1000);
    expect(a.queue.stats().dropped + b.queue.stats().dropped).toBe(0);

    const soloSchema = db!.newSchema();
    const solo = await startTestApp({ databaseUrl: db!.urlFor(soloSchema), target: origin.url });
    try {
      await sendPlan(plan, () => solo.proxyPort);
      await solo.flush();
    } finally {
      await solo.stop();
    }
    const single = await readSchema(db!.url, soloSchema);
    expect([...team.endpoints.keys()].sort()).toEqual([...single.endpoints.keys()].sort());
    expect([...team.endpoints.keys()].sort()).toEqual([
      'GET /health',
      'GET /orders/{id}',
      'GET /users/{id}',
      'GET /users/{id}/posts',
      'POST /orders',
    ]);
    for (const [key, shape] of single.endpoints)
      expect({ key, ...team.endpoints.get(key) }).toEqual({ key, ...shape });
  });

  it('applies a target change made on A to B within 1 s', async () => {
    const other = await startTeamBackend();
    try {
      const started = Date.now();
      const changed = await a.admin('/admin/target', {
        method: 'POST',
        body: JSON.stringify({ target_url: other.url }),
      });
      expect(changed.status).toBe(200);
      await waitFor(async () => {
        const config = (await (await b.admin('/admin/config')).json()) as {
          target_url: string | null;
        };
        return config.target_url === other.url ? true : undefined;
      }, 1000);
      const elapsed = Date.now() - started;
      console.log(`[team] target change on A applied by B after ${elapsed} ms`);
      expect(elapsed).toBeLessThan(1000);
      await sendRequest(b.proxyPort, { path: '/health' });
      expect(other.requests.map((r) => r.url)).toEqual(['/health']);
      // B applied the change without writing it back: A still has what it set.
      expect(a.state.target?.url).toBe(other.url);
    } finally {
      await a.admin('/admin/target', {
        method: 'POST',
        body: JSON.stringify({ target_url: origin.url }),
      });
      await waitFor(() => (b.state.target?.url === origin.url ? true : undefined), 2000);
      await other.close();
    }
  });

  it("shows A's traffic on B's live stream", async () => {
    const [liveA, liveB] = await Promise.all([watchLive(a), watchLive(b)]);
    try {
      await sendRequest(a.proxyPort, { path: '/users/4242' });
      await sendRequest(b.proxyPort, { path: '/users/4343' });
      const fromA = await waitFor(() => liveB.entries.find((e) => e.path === '/users/4242'));
      const fromB = await waitFor(() => liveB.entries.find((e) => e.path === '/users/4343'));
      const aOwn = await waitFor(() => liveA.entries.find((e) => e.path === '/users/4242'));
      expect(fromA).toMatchObject({
        method: 'GET',
        status: 200,
        source: 'proxy',
        template: '/users/{id}',
      });
      expect(fromA.instance).toBe(aOwn.instance);
      expect(fromA.id).toBe(aOwn.id);
      expect(fromA.instance).not.toBe(fromB.instance);
      // The stream of A does not show A's own entries twice (give a duplicate time to arrive).
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(liveA.entries.filter((e) => e.path === '/users/4242')).toHaveLength(1);
    } finally {
      liveA.close();
      liveB.close();
    }
  });
});
