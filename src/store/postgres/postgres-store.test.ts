import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createEndpointModel } from '../../core/model/create-endpoint-model.js';
import { makeObservation } from '../../core/model/make-observation.js';
import { mergeEndpointModel } from '../../core/model/merge-endpoint-model.js';
import { observeExchange } from '../../core/model/observe-exchange.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import { runDriftAlertContract, runStoreContract } from '../store-contract.js';
import type { EndpointDelta, Store, StoreChange, TrafficRow } from '../store.js';
import { openPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { connectTestDatabase } from './postgres-test-db.js';
import { startTcpRelay } from './start-tcp-relay.js';

const target = await connectTestDatabase(process.env.TEST_POSTGRES_URL);
if (target.skip) console.log(`[postgres] PostgreSQL store suites skipped: ${target.skip}`);
const db = target.db;

const open = (schema = db!.newSchema(), extra: Partial<PostgresStoreOptions> = {}) =>
  openPostgresStore({ url: db!.url, schema, trafficLogLimit: 50, ...extra });

/** A delta for `template` that saw one response with `body` (integer latencies keep sums exact). */
function deltaOf(template: string, body: unknown, i: number): EndpointDelta {
  const model = createEndpointModel('GET', template);
  const at = 1_700_000_000_000 + i;
  observeExchange(
    model,
    makeObservation({
      path: template,
      status: i % 5 === 0 ? 404 : 200,
      latencyMs: 5 + (i % 13),
      startedAt: at,
      hasResponseJson: true,
      responseJson: body,
      responseContentType: 'application/json',
      learnResponseSchema: true,
    }),
    at,
  );
  return { method: 'GET', template, delta: model };
}

function row(i: number, template = '/a'): TrafficRow {
  return {
    exchangeId: `x-${i}`,
    startedAt: 1_700_000_000_000 + i,
    method: 'GET',
    path: template,
    query: '',
    template,
    endpointId: null,
    status: 200,
    source: 'proxy',
    outcome: 'ok',
    latencyMs: 1,
    requestSize: 0,
    responseSize: 2,
    hasDrift: false,
    health: null,
    error: null,
  };
}

async function waitFor(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The parts of a model that must merge exactly (decayed sums may differ in the last bit). */
const exactParts = (m: EndpointModel) => ({
  responses: Object.entries(m.responses).map(([status, r]) => [
    status,
    r.schema,
    r.contentTypes,
    r.bodySize.count,
  ]),
  requestCount: m.stats.requestCount,
  statusCounts: m.stats.statusCounts,
  latencyCount: m.stats.latency.count,
  latencySum: m.stats.latency.sum,
  sketch: m.stats.latencySketch,
});

describe.skipIf(!db)('postgres store', () => {
  afterAll(() => db?.dropAll());

  runStoreContract('postgres', () => open());
  runDriftAlertContract('postgres', () => open());

  it('migrates once when several instances start at the same time', async () => {
    const schema = db!.newSchema();
    const stores = await Promise.all([1, 2, 3, 4].map(() => open(schema)));
    const client = new pg.Client({ connectionString: db!.url });
    await client.connect();
    const versions = await client.query<{ version: number }>(
      `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
    );
    await client.end();
    expect(versions.rows.map((r) => r.version)).toEqual(POSTGRES_MIGRATIONS.map((_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('loses no update when two instances merge the same endpoints concurrently', async () => {
    const schema = db!.newSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const templates = ['/a', '/b', '/c'];
    const bodies = (i: number) =>
      i % 3 === 0
        ? { id: i, name: `n${i}` }
        : i % 3 === 1
          ? { id: i, tags: [i] }
          : { id: i, name: null };
    // Each batch touches every endpoint, in a different order per writer, so unsorted locking would deadlock.
    const batches = Array.from({ length: 40 }, (_, n) => ({
      traffic: [row(n, templates[n % 3])],
      deltas: templates.map((t, k) => deltaOf(t, bodies(n * 3 + k), n * 3 + k)),
    }));
    const runAll = (store: Store, parity: number) =>
      batches
        .filter((_, n) => n % 2 === parity)
        .reduce(
          (chain, batch, n) =>
            chain.then(() =>
              store.writeBatch(n % 2 ? { ...batch, deltas: [...batch.deltas].reverse() } : batch),
            ),
          Promise.resolve() as Promise<unknown>,
        );
    await Promise.all([runAll(a, 0), runAll(b, 1)]);
    const stored = await a.loadEndpoints();
    expect(stored.map((e) => e.template)).toEqual(expect.arrayContaining(templates));
    for (const t of templates) {
      const expected = batches
        .map((batch) => batch.deltas.find((d) => d.template === t)!.delta)
        .reduce(mergeEndpointModel);
      const actual = stored.find((e) => e.template === t)!.model;
      expect(exactParts(actual)).toEqual(exactParts(expected));
      expect(actual.stats.requestCount).toBe(40);
    }
    expect(await a.countTraffic()).toBe(40);
    await Promise.all([a.close(), b.close()]);
  });

  it('keeps one drift alert when two instances see the same drift at once; one of them creates it', async () => {
    const schema = db!.newSchema();
    const [a, b] = await Promise.all([open(schema), open(schema)]);
    const input = (seenAt: number) => ({
      endpointId: 1,
      fingerprint: 'f',
      target: 'response' as const,
      status: '200',
      score: 50,
      summary: 's',
      details: [],
      narration: null,
      sample: null,
      occurrences: 1,
      seenAt,
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).upsertDriftAlert(input(1000 + i))),
    );
    expect(results.filter((r) => r.change === 'created')).toHaveLength(1);
    const page = await a.listDriftAlerts({ limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      occurrences: 40,
      firstSeen: expect.any(Number),
      lastSeen: 1039,
    });
    await Promise.all([a.close(), b.close()]);
  });

  it("tells an instance about the others' committed changes, never its own", async () => {
    const schema = db!.newSchema();
    const [a, b] = await Promise.all([
      open(schema, { instanceId: 'aaaa' }),
      open(schema, { instanceId: 'bbbb' }),
    ]);
    const seen: StoreChange[] = [];
    b.watch!((change) => seen.push(change));
    await waitFor(() => b.status!().degraded === null);
    await b.writeSettings({ mode: 'mock' });
    await a.writeSettings({ target: 'http://127.0.0.1:1', learning: false });
    const result = await a.writeBatch({
      traffic: [row(1), row(2)],
      deltas: [deltaOf('/a', { id: 1 }, 1)],
    });
    const id = result.endpoints[0]!.id;
    await a.deleteEndpoint(id);
    await waitFor(() => seen.filter((c) => c.kind === 'endpoints').length === 2);
    expect(seen).toEqual([
      { kind: 'settings', instance: 'aaaa', keys: ['learning', 'target'] },
      { kind: 'endpoints', instance: 'aaaa', ids: [id], removed: [] },
      {
        kind: 'traffic',
        instance: 'aaaa',
        rows: [
          expect.objectContaining({ exchangeId: 'x-1', endpointId: id }),
          expect.objectContaining({ exchangeId: 'x-2' }),
        ],
      },
      { kind: 'endpoints', instance: 'aaaa', ids: [], removed: [id] },
    ]);
    await Promise.all([a.close(), b.close()]);
  });

  it('reconnects a lost change feed and asks for a resync, since notices were missed', async () => {
    const server = new URL(db!.url);
    const relay = await startTcpRelay(server.hostname, Number(server.port || 5432));
    const viaRelay = new URL(db!.url);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const schema = db!.newSchema();
    const a = await open(schema, { instanceId: 'aaaa' });
    const b = await openPostgresStore({
      url: viaRelay.toString(),
      schema,
      trafficLogLimit: 50,
      instanceId: 'bbbb',
    });
    const seen: StoreChange[] = [];
    b.watch!((change) => seen.push(change));
    await waitFor(() => b.status!().degraded === null);
    relay.cut();
    await waitFor(() => b.status!().degraded !== null);
    expect(b.status!().degraded).toMatch(/change feed/);
    await a.writeSettings({ mode: 'mock' });
    relay.restore();
    await waitFor(() => seen.length > 0, 8000);
    expect(seen).toEqual([{ kind: 'resync', instance: 'bbbb' }]);
    expect(b.status!().degraded).toBeNull();
    await Promise.all([a.close(), b.close()]);
    await relay.close();
  });

  it('waits out a database outage, reports it, and writes once the database is back', async () => {
    const server = new URL(db!.url);
    const relay = await startTcpRelay(server.hostname, Number(server.port || 5432));
    const viaRelay = new URL(db!.url);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const store = await openPostgresStore({
      url: viaRelay.toString(),
      schema: db!.newSchema(),
      trafficLogLimit: 50,
      writeRetryMs: 20_000,
    });
    await store.writeBatch({ traffic: [row(1)], deltas: [deltaOf('/a', { id: 1 }, 1)] });
    relay.cut();
    const pending = store.writeBatch({
      traffic: [row(2), row(3)],
      deltas: [deltaOf('/a', { id: 2 }, 2)],
    });
    await waitFor(() => store.status!().waitingWrites === 1);
    expect(store.status!().degraded).toMatch(/database unreachable since/);
    await expect(store.countTraffic()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    relay.restore();
    await expect(pending).resolves.toMatchObject({ trafficWritten: 2 });
    expect(store.status!()).toEqual({ degraded: null, waitingWrites: 0, failedWrites: 0 });
    expect(await store.countTraffic()).toBe(3);
    expect((await store.loadEndpoints())[0]!.model.stats.requestCount).toBe(2);
    await store.close();
    await relay.close();
  });

  it('gives a write up after writeRetryMs and counts it', async () => {
    const server = new URL(db!.url);
    const relay = await startTcpRelay(server.hostname, Number(server.port || 5432));
    const viaRelay = new URL(db!.url);
    viaRelay.host = `127.0.0.1:${relay.port}`;
    const store = await openPostgresStore({
      url: viaRelay.toString(),
      schema: db!.newSchema(),
      trafficLogLimit: 50,
      writeRetryMs: 300,
    });
    relay.cut();
    await expect(store.writeSettings({ a: 1 })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    expect(store.status!()).toMatchObject({ waitingWrites: 0, failedWrites: 1 });
    // Later in the same outage a write tries once (no backoff), so a shutdown never waits long.
    const started = Date.now();
    await expect(store.writeSettings({ a: 1 })).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    expect(Date.now() - started).toBeLessThan(150);
    expect(store.status!()).toMatchObject({ failedWrites: 2 });
    relay.restore();
    await store.writeSettings({ a: 2 });
    expect(await store.readSettings()).toEqual({ a: 2 });
    await store.close();
    await relay.close();
  });

  it('shows the location without the password', async () => {
    const withPassword = new URL(db!.url);
    withPassword.password = 'hunter2';
    withPassword.searchParams.set('schema', db!.newSchema());
    const store = await openPostgresStore({ url: withPassword.toString(), trafficLogLimit: 5 });
    expect(store.location).not.toContain('hunter2');
    expect(store.location).toContain(':***@');
    await store.close();
  });
});
