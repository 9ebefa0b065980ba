import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { mergeEndpointModel } from '../../core/model/merge-endpoint-model.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import type {
  EndpointQuery,
  Page,
  Store,
  StoredEndpoint,
  TrafficQuery,
  TrafficRow,
  WriteBatch,
  WriteResult,
} from '../store.js';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js';
import { escapeLike } from '../escape-like.js';
import { createSqliteDriftAlerts } from './sqlite-drift-alerts.js';

/** Columns a traffic row binds. */
const TRAFFIC_COLUMNS = 16;
/** Traffic rows per multi-row INSERT (512 parameters, far below SQLite's limit). */
const TRAFFIC_ROWS_PER_INSERT = 32;

export interface SqliteStoreOptions {
  file: string;
  trafficLogLimit: number;
  /** Milliseconds a write waits for another process's lock (this runs in the engine worker). */
  busyTimeoutMs?: number;
  now?: () => number;
}

interface EndpointRecord {
  id: number;
  method: string;
  template: string;
  model: string;
  created_at: number;
  updated_at: number;
}

interface TrafficRecord {
  id: number;
  exchange_id: string;
  started_at: number;
  method: string;
  path: string;
  query: string;
  template: string | null;
  endpoint_id: number | null;
  status: number;
  source: TrafficRow['source'];
  outcome: TrafficRow['outcome'];
  latency_ms: number;
  request_size: number;
  response_size: number;
  has_drift: number;
  health: string | null;
  error: string | null;
}

function toEndpoint(row: EndpointRecord): StoredEndpoint {
  return {
    id: row.id,
    method: row.method,
    template: row.template,
    model: JSON.parse(row.model) as EndpointModel,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTraffic(row: TrafficRecord): TrafficRow {
  return {
    id: row.id,
    exchangeId: row.exchange_id,
    startedAt: row.started_at,
    method: row.method,
    path: row.path,
    query: row.query,
    template: row.template,
    endpointId: row.endpoint_id,
    status: row.status,
    source: row.source,
    outcome: row.outcome,
    latencyMs: row.latency_ms,
    requestSize: row.request_size,
    responseSize: row.response_size,
    hasDrift: row.has_drift === 1,
    health: row.health,
    error: row.error,
  };
}

/**
 * better-sqlite3 adapter. It is synchronous, so it must only run inside the engine worker
 * thread, never on the proxy's event loop. WAL + synchronous=NORMAL: a committed batch
 * survives a process crash (kill -9); see docs/decisions for power-loss durability.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const now = options.now ?? Date.now;
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);

  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }

  const stmt = {
    settings: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings'),
    putSetting: db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    endpointByKey: db.prepare<[string, string], EndpointRecord>(
      'SELECT * FROM endpoints WHERE method = ? AND template = ?',
    ),
    endpointById: db.prepare<[number], EndpointRecord>('SELECT * FROM endpoints WHERE id = ?'),
    allEndpoints: db.prepare<[], EndpointRecord>('SELECT * FROM endpoints ORDER BY id'),
    insertEndpoint: db.prepare<[string, string, string, string, number, number]>(
      'INSERT INTO endpoints (method, template, search_key, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    updateEndpoint: db.prepare<[string, number, number]>(
      'UPDATE endpoints SET model = ?, updated_at = ? WHERE id = ?',
    ),
    deleteEndpoint: db.prepare<[number]>('DELETE FROM endpoints WHERE id = ?'),
    deleteAlerts: db.prepare<[number]>('DELETE FROM drift_alerts WHERE endpoint_id = ?'),
    countEndpoints: db.prepare<[string], { n: number }>(
      "SELECT COUNT(*) AS n FROM endpoints INDEXED BY endpoints_search_key WHERE search_key LIKE ? ESCAPE '\\'",
    ),
    pageEndpointIds: db.prepare<[string, number, number], { id: number }>(
      "SELECT id FROM endpoints INDEXED BY endpoints_search_key WHERE search_key LIKE ? ESCAPE '\\' ORDER BY id LIMIT ? OFFSET ?",
    ),
    pruneTraffic: db.prepare<[number]>(
      'DELETE FROM traffic WHERE id <= (SELECT id FROM traffic ORDER BY id DESC LIMIT 1 OFFSET ?)',
    ),
    countTraffic: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM traffic'),
    countTrafficFor: db.prepare<[number], { n: number }>(
      'SELECT COUNT(*) AS n FROM traffic WHERE endpoint_id = ?',
    ),
    pageTraffic: db.prepare<[number, number], TrafficRecord>(
      'SELECT * FROM traffic ORDER BY id DESC LIMIT ? OFFSET ?',
    ),
    pageTrafficFor: db.prepare<[number, number, number], TrafficRecord>(
      'SELECT * FROM traffic WHERE endpoint_id = ? ORDER BY id DESC LIMIT ? OFFSET ?',
    ),
  };

  const drift = createSqliteDriftAlerts(db);

  const upsertModel = (method: string, template: string, model: EndpointModel, merge: boolean) => {
    const at = now();
    const existing = stmt.endpointByKey.get(method, template);
    if (!existing) {
      const info = stmt.insertEndpoint.run(
        method,
        template,
        `${method} ${template}`.toLowerCase(),
        JSON.stringify(model),
        at,
        at,
      );
      return toEndpoint(stmt.endpointById.get(Number(info.lastInsertRowid))!);
    }
    const next = merge
      ? mergeEndpointModel(JSON.parse(existing.model) as EndpointModel, model)
      : model;
    stmt.updateEndpoint.run(JSON.stringify(next), at, existing.id);
    return { ...toEndpoint(existing), model: next, updatedAt: at };
  };

  // Traffic rows go in TRAFFIC_ROWS_PER_INSERT at a time with positional parameters: named
  // ones bound from an object, one statement per row, cost about twice as much per row.
  const trafficColumns = `INSERT INTO traffic (exchange_id, started_at, method, path, query, template,
    endpoint_id, status, source, outcome, latency_ms, request_size, response_size, has_drift, health,
    error) VALUES `;
  const rowPlaceholders = `(${new Array(TRAFFIC_COLUMNS).fill('?').join(', ')})`;
  const insertTrafficRows = (count: number) =>
    db.prepare<unknown[]>(trafficColumns + new Array(count).fill(rowPlaceholders).join(', '));
  const insertTrafficMany = insertTrafficRows(TRAFFIC_ROWS_PER_INSERT);
  const insertTrafficOne = insertTrafficRows(1);

  const writeBatch = db.transaction((batch: WriteBatch): WriteResult => {
    const endpoints = batch.deltas.map((d) => upsertModel(d.method, d.template, d.delta, true));
    const ids = new Map(endpoints.map((e) => [`${e.method} ${e.template}`, e.id]));
    const values: unknown[] = [];
    const full = TRAFFIC_COLUMNS * TRAFFIC_ROWS_PER_INSERT;
    // A full set of rows goes in one statement; the remainder of a batch row by row.
    const flush = () => {
      if (values.length === full) insertTrafficMany.run(values);
      else
        for (let i = 0; i < values.length; i += TRAFFIC_COLUMNS)
          insertTrafficOne.run(values.slice(i, i + TRAFFIC_COLUMNS));
      values.length = 0;
    };
    for (const row of batch.traffic) {
      const endpointId =
        row.endpointId ??
        (row.template ? (ids.get(`${row.method} ${row.template}`) ?? null) : null);
      values.push(
        row.exchangeId,
        row.startedAt,
        row.method,
        row.path,
        row.query,
        row.template,
        endpointId,
        row.status,
        row.source,
        row.outcome,
        row.latencyMs,
        row.requestSize,
        row.responseSize,
        row.hasDrift ? 1 : 0,
        row.health,
        row.error,
      );
      if (values.length === full) flush();
    }
    flush();
    if (batch.traffic.length > 0) stmt.pruneTraffic.run(options.trafficLogLimit);
    return { endpoints, trafficWritten: batch.traffic.length };
  });

  const store: Store = {
    kind: 'sqlite',
    location: options.file,
    readSettings: () =>
      Promise.resolve(
        Object.fromEntries(stmt.settings.all().map((r) => [r.key, JSON.parse(r.value) as unknown])),
      ),
    writeSettings: (values) => {
      db.transaction(() => {
        for (const [key, value] of Object.entries(values))
          stmt.putSetting.run(key, JSON.stringify(value));
      }).immediate();
      return Promise.resolve();
    },
    writeBatch: (batch) => Promise.resolve(writeBatch.immediate(batch)),
    loadEndpoints: () => Promise.resolve(stmt.allEndpoints.all().map(toEndpoint)),
    listEndpoints: (query: EndpointQuery): Promise<Page<StoredEndpoint>> => {
      const like = `%${escapeLike((query.search ?? '').toLowerCase())}%`;
      return Promise.resolve({
        total: stmt.countEndpoints.get(like)?.n ?? 0,
        items: stmt.pageEndpointIds
          .all(like, query.limit, query.offset)
          .map(({ id }) => toEndpoint(stmt.endpointById.get(id)!)),
      });
    },
    getEndpoint: (id) => {
      const row = stmt.endpointById.get(id);
      return Promise.resolve(row ? toEndpoint(row) : undefined);
    },
    putEndpoint: (method, template, model) =>
      Promise.resolve(
        db.transaction(() => upsertModel(method, template, model, false)).immediate(),
      ),
    deleteEndpoint: (id) =>
      Promise.resolve(
        db
          .transaction(() => {
            stmt.deleteAlerts.run(id);
            return stmt.deleteEndpoint.run(id).changes > 0;
          })
          .immediate(),
      ),
    listTraffic: (query: TrafficQuery): Promise<Page<TrafficRow>> => {
      if (query.endpointId !== undefined) {
        return Promise.resolve({
          total: stmt.countTrafficFor.get(query.endpointId)?.n ?? 0,
          items: stmt.pageTrafficFor
            .all(query.endpointId, query.limit, query.offset)
            .map(toTraffic),
        });
      }
      return Promise.resolve({
        total: stmt.countTraffic.get()?.n ?? 0,
        items: stmt.pageTraffic.all(query.limit, query.offset).map(toTraffic),
      });
    },
    countTraffic: () => Promise.resolve(stmt.countTraffic.get()?.n ?? 0),
    upsertDriftAlert: (input) => Promise.resolve(drift.upsert(input)),
    listDriftAlerts: (query) => Promise.resolve(drift.list(query)),
    getDriftAlert: (id) => Promise.resolve(drift.get(id)),
    resolveDriftAlert: (id, accept, at) => Promise.resolve(drift.resolve(id, accept, at)),
    close: () => {
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
      return Promise.resolve();
    },
  };
  return store;
}
