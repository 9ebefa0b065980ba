import { mergeEndpointModel } from '../../core/model/merge-endpoint-model.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import type { Store, StoredEndpoint, TrafficRow, WriteResult } from '../store.js';
import { createMemoryDriftAlerts } from './memory-drift-alerts.js';

export interface MemoryStoreOptions {
  trafficLogLimit: number;
  now?: () => number;
}

/** Keeps everything in process memory; same contract as the SQLite adapter (for tests and experiments). */
export function openMemoryStore(options: MemoryStoreOptions): Store {
  const now = options.now ?? Date.now;
  const settings = new Map<string, string>();
  const endpoints = new Map<number, StoredEndpoint>();
  const byKey = new Map<string, number>();
  let traffic: TrafficRow[] = [];
  const drift = createMemoryDriftAlerts();
  let nextEndpointId = 1;
  let nextTrafficId = 1;
  // Stored models are kept serialised so callers can never mutate the store through a reference.
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  const upsert = (method: string, template: string, model: EndpointModel, merge: boolean) => {
    const at = now();
    const key = `${method} ${template}`;
    const id = byKey.get(key);
    const existing = id === undefined ? undefined : endpoints.get(id);
    if (!existing) {
      const created: StoredEndpoint = {
        id: nextEndpointId++,
        method,
        template,
        model: clone(model),
        createdAt: at,
        updatedAt: at,
      };
      endpoints.set(created.id, created);
      byKey.set(key, created.id);
      return clone(created);
    }
    existing.model = clone(merge ? mergeEndpointModel(existing.model, model) : model);
    existing.updatedAt = at;
    return clone(existing);
  };

  return {
    kind: 'memory',
    location: 'memory',
    readSettings: () =>
      Promise.resolve(
        Object.fromEntries([...settings].map(([k, v]) => [k, JSON.parse(v) as unknown])),
      ),
    writeSettings: (values) => {
      for (const [key, value] of Object.entries(values)) settings.set(key, JSON.stringify(value));
      return Promise.resolve();
    },
    writeBatch: (batch): Promise<WriteResult> => {
      const written = batch.deltas.map((d) => upsert(d.method, d.template, d.delta, true));
      for (const row of batch.traffic) {
        const endpointId =
          row.endpointId ??
          (row.template ? (byKey.get(`${row.method} ${row.template}`) ?? null) : null);
        traffic.push({ ...row, id: nextTrafficId++, endpointId });
      }
      if (traffic.length > options.trafficLogLimit)
        traffic = traffic.slice(-options.trafficLogLimit);
      return Promise.resolve({ endpoints: written, trafficWritten: batch.traffic.length });
    },
    loadEndpoints: () => Promise.resolve([...endpoints.values()].map(clone)),
    listEndpoints: ({ search, limit, offset }) => {
      const term = (search ?? '').toLowerCase();
      const all = [...endpoints.values()].filter((e) =>
        `${e.method} ${e.template}`.toLowerCase().includes(term),
      );
      return Promise.resolve({
        total: all.length,
        items: all.slice(offset, offset + limit).map(clone),
      });
    },
    getEndpoint: (id) => {
      const found = endpoints.get(id);
      return Promise.resolve(found ? clone(found) : undefined);
    },
    putEndpoint: (method, template, model) =>
      Promise.resolve(upsert(method, template, model, false)),
    deleteEndpoint: (id) => {
      const found = endpoints.get(id);
      if (!found) return Promise.resolve(false);
      endpoints.delete(id);
      drift.deleteFor(id);
      byKey.delete(`${found.method} ${found.template}`);
      return Promise.resolve(true);
    },
    listTraffic: ({ limit, offset, endpointId }) => {
      const rows = traffic
        .filter((r) => endpointId === undefined || r.endpointId === endpointId)
        .reverse();
      return Promise.resolve({
        total: rows.length,
        items: rows.slice(offset, offset + limit).map(clone),
      });
    },
    countTraffic: () => Promise.resolve(traffic.length),
    upsertDriftAlert: (input) => Promise.resolve(drift.upsert(input)),
    listDriftAlerts: (query) => Promise.resolve(drift.list(query)),
    getDriftAlert: (id) => Promise.resolve(drift.get(id)),
    resolveDriftAlert: (id, accept, at) => Promise.resolve(drift.resolve(id, accept, at)),
    close: () => Promise.resolve(),
  };
}
