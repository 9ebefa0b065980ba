import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { createEndpointModel } from '../core/model/create-endpoint-model.js';
import { mergeEndpointModel } from '../core/model/merge-endpoint-model.js';
import { observeExchange } from '../core/model/observe-exchange.js';
import type { EndpointModel } from '../core/model/endpoint-model.js';
import type { Observation } from '../core/model/observation.js';
import type { Store, TrafficRow } from './store.js';

function observation(status: number, body: unknown, at: number): Observation {
  return {
    method: 'GET',
    status,
    source: 'proxy',
    outcome: 'ok',
    latencyMs: 10 + (at % 7),
    startedAt: at,
    responseSize: JSON.stringify(body).length,
    query: '',
    path: '/users/1',
    hasRequestJson: false,
    requestContentType: '',
    hasResponseJson: true,
    responseJson: body,
    responseContentType: 'application/json',
    responseHeaders: { 'content-type': 'application/json' },
    learnRequestSchema: true,
    learnResponseSchema: true,
    keepExample: true,
  };
}

function modelOf(bodies: unknown[], start: number): EndpointModel {
  const model = createEndpointModel('GET', '/users/{id}');
  bodies.forEach((body, i) => observeExchange(model, observation(200, body, start + i), start + i));
  return model;
}

function row(i: number, template: string | null = '/users/{id}'): TrafficRow {
  return {
    exchangeId: `x-${i}`,
    startedAt: 1_700_000_000_000 + i,
    method: 'GET',
    path: `/users/${i}`,
    query: '',
    template,
    endpointId: null,
    status: 200,
    source: 'proxy',
    outcome: 'ok',
    latencyMs: 1.5,
    requestSize: 0,
    responseSize: 10,
    hasDrift: false,
    health: null,
    error: null,
  };
}

/**
 * The contract every Store adapter passes (SQLite, memory, PostgreSQL). `open` returns a
 * fresh, empty store whose traffic log keeps at most 50 rows.
 */
export function runStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips settings as JSON values', async () => {
      await store.writeSettings({
        target: 'http://127.0.0.1:1',
        learning: false,
        nested: { a: [1, 2] },
      });
      await store.writeSettings({ learning: true });
      expect(await store.readSettings()).toEqual({
        target: 'http://127.0.0.1:1',
        learning: true,
        nested: { a: [1, 2] },
      });
    });

    it('merges endpoint deltas into one row per method and template', async () => {
      const a = modelOf([{ id: 1, name: 'a' }], 1000);
      const b = modelOf([{ id: 2, name: null }], 2000);
      const first = await store.writeBatch({
        traffic: [row(1)],
        deltas: [{ method: 'GET', template: '/users/{id}', delta: a }],
      });
      const second = await store.writeBatch({
        traffic: [row(2)],
        deltas: [{ method: 'GET', template: '/users/{id}', delta: b }],
      });
      expect(first.endpoints[0]!.id).toBe(second.endpoints[0]!.id);
      const all = await store.loadEndpoints();
      expect(all).toHaveLength(1);
      expect(all[0]!.model).toEqual(mergeEndpointModel(a, b));
      expect(all[0]!.model.stats.requestCount).toBe(2);
    });

    it('links traffic rows to their endpoint and prunes the log to its limit', async () => {
      const delta = modelOf([{ id: 1 }], 1000);
      await store.writeBatch({
        traffic: Array.from({ length: 60 }, (_, i) => row(i)),
        deltas: [{ method: 'GET', template: '/users/{id}', delta }],
      });
      expect(await store.countTraffic()).toBe(50);
      const page = await store.listTraffic({ limit: 5, offset: 0 });
      expect(page.total).toBe(50);
      expect(page.items.map((r) => r.exchangeId)).toEqual(['x-59', 'x-58', 'x-57', 'x-56', 'x-55']);
      // Every kept row, newest first: batched multi-row inserts keep arrival order.
      const kept = await store.listTraffic({ limit: 50, offset: 0 });
      expect(kept.items.map((r) => r.exchangeId)).toEqual(
        Array.from({ length: 50 }, (_, i) => `x-${59 - i}`),
      );
      const [endpoint] = await store.loadEndpoints();
      expect(page.items[0]!.endpointId).toBe(endpoint!.id);
      const filtered = await store.listTraffic({ limit: 100, offset: 0, endpointId: endpoint!.id });
      expect(filtered.total).toBe(50);
    });

    it('searches endpoints literally (LIKE wildcards are plain characters) with pagination', async () => {
      const templates = ['/a_b', '/a%b', '/axb', '/users', '/users/{id}', '/orders'];
      for (const t of templates) await store.putEndpoint('GET', t, createEndpointModel('GET', t));
      expect(
        (await store.listEndpoints({ search: '_', limit: 10, offset: 0 })).items.map(
          (e) => e.template,
        ),
      ).toEqual(['/a_b']);
      expect(
        (await store.listEndpoints({ search: '%', limit: 10, offset: 0 })).items.map(
          (e) => e.template,
        ),
      ).toEqual(['/a%b']);
      const users = await store.listEndpoints({ search: 'get /USERS', limit: 1, offset: 1 });
      expect(users.total).toBe(2);
      expect(users.items.map((e) => e.template)).toEqual(['/users/{id}']);
      expect((await store.listEndpoints({ search: '', limit: 100, offset: 0 })).total).toBe(6);
    });

    it('replaces, reads and deletes endpoints by id', async () => {
      const model = modelOf([{ id: 1 }], 1000);
      const saved = await store.putEndpoint('GET', '/users/{id}', model);
      expect((await store.getEndpoint(saved.id))?.model).toEqual(model);
      const replaced = createEndpointModel('GET', '/users/{id}', true);
      await store.putEndpoint('GET', '/users/{id}', replaced);
      expect((await store.getEndpoint(saved.id))?.model.manual).toBe(true);
      expect(await store.deleteEndpoint(saved.id)).toBe(true);
      expect(await store.deleteEndpoint(saved.id)).toBe(false);
      expect(await store.getEndpoint(saved.id)).toBeUndefined();
    });

    it('keeps learned keys such as __proto__ as plain data', async () => {
      const model = modelOf(
        [JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}')],
        1,
      );
      const saved = await store.putEndpoint('GET', '/p', model);
      const loaded = await store.getEndpoint(saved.id);
      expect(loaded?.model.responses['200']?.schema?.properties?.['__proto__']).toBeDefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });
}

/** Drift alert semantics every adapter shares (part of the same contract). */
export function runDriftAlertContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract (drift alerts): ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });
    const input = (seenAt: number, occurrences = 1) => ({
      endpointId: 7,
      fingerprint: 'f1',
      target: 'response' as const,
      status: '200',
      score: 60,
      summary: '1 critical issue',
      details: [{ kind: 'field_removed', path: '$.user_id' }],
      narration: { text: 'removed', items: [] },
      sample: { userId: 1 },
      occurrences,
      seenAt,
    });

    it('upserts one alert per endpoint and fingerprint, counting occurrences', async () => {
      const first = await store.upsertDriftAlert(input(1000));
      expect(first.change).toBe('created');
      for (let i = 1; i < 100; i++) await store.upsertDriftAlert(input(1000 + i));
      const page = await store.listDriftAlerts({ limit: 10, offset: 0 });
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({
        occurrences: 100,
        firstSeen: 1000,
        lastSeen: 1099,
        resolved: false,
      });
    });

    it('reopens an acknowledged alert on recurrence but never an accepted one', async () => {
      const { alert } = await store.upsertDriftAlert(input(1000));
      await store.resolveDriftAlert(alert.id, false, 2000);
      expect(
        (await store.listDriftAlerts({ unresolvedOnly: true, limit: 10, offset: 0 })).total,
      ).toBe(0);
      expect((await store.upsertDriftAlert(input(3000))).change).toBe('reopened');
      expect((await store.getDriftAlert(alert.id))?.resolved).toBe(false);
      await store.resolveDriftAlert(alert.id, true, 4000);
      expect((await store.upsertDriftAlert(input(5000))).change).toBe('ignored');
      const after = await store.getDriftAlert(alert.id);
      expect(after).toMatchObject({ resolved: true, accepted: true, occurrences: 2 });
    });

    it('filters by endpoint and unresolved state', async () => {
      await store.upsertDriftAlert(input(1000));
      await store.upsertDriftAlert({ ...input(1001), endpointId: 8 });
      expect(
        (await store.listDriftAlerts({ endpointId: 8, limit: 10, offset: 0 })).items.map(
          (a) => a.endpointId,
        ),
      ).toEqual([8]);
      expect(await store.resolveDriftAlert(999, true, 1)).toBeUndefined();
    });
  });
}
