import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { escapeIdentifier, type PoolClient } from 'pg';
import { mergeEndpointModel } from '../../core/model/merge-endpoint-model.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import type { Logger } from '../../logger.js';
import { escapeLike } from '../escape-like.js';
import type { EndpointDelta, Store, StoredEndpoint, WriteBatch, WriteResult } from '../store.js';
import { createTransactionRunner } from './create-transaction-runner.js';
import { parseDatabaseUrl } from './parse-database-url.js';
import { createPostgresDriftAlerts } from './postgres-drift-alerts.js';
import { migratePostgres } from './postgres-migrations.js';
import { createPostgresTraffic } from './postgres-traffic.js';
import { sanitizeUrl } from './sanitize-url.js';
import { createChangeFeed } from './create-change-feed.js';

export interface PostgresStoreOptions {
  /** postgres:// URL; an optional `?schema=name` picks the schema (default public). */
  url: string;
  trafficLogLimit: number;
  /** Schema holding the tables; wins over the URL's (tests use one per suite). */
  schema?: string;
  /** This instance's id: notices carry it so an instance ignores its own writes. */
  instanceId?: string;
  /**
   * How long writes keep retrying into an outage (default 2 min): long enough for a database
   * restart or failover, short enough that a shutdown during a long outage does not hang.
   */
  writeRetryMs?: number;
  /** Pooled connections (default 10). */
  poolSize?: number;
  logger?: Logger;
  now?: () => number;
}

const DEFAULT_WRITE_RETRY_MS = 120_000;

interface EndpointRecord {
  id: string;
  method: string;
  template: string;
  model: string;
  created_at: string;
  updated_at: string;
}

function toEndpoint(row: EndpointRecord): StoredEndpoint {
  return {
    id: Number(row.id),
    method: row.method,
    template: row.template,
    model: JSON.parse(row.model) as EndpointModel,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

const keyOf = (d: { method: string; template: string }) => `${d.method} ${d.template}`;
/** Code-point order, identical on every instance (localeCompare is not), so locks are taken in one global order. */
const byKey = (a: EndpointDelta, b: EndpointDelta) =>
  keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0;

/**
 * PostgreSQL adapter for team mode: several instances share one model. Every write is one
 * transaction; deltas are merged under row locks taken in key order (no lost updates, no
 * deadlocks between instances); committed writes NOTIFY the others (see `watch`). A write
 * that finds the database unreachable retries with backoff for `writeRetryMs`.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const now = options.now ?? Date.now;
  const log = options.logger?.child({ layer: 'store' });
  const { connectionString, schema } = parseDatabaseUrl(options.url, options.schema);
  const instance = options.instanceId ?? randomBytes(4).toString('hex');
  const s = escapeIdentifier(schema);
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    query_timeout: 30_000,
    keepAlive: true,
    application_name: 'adaptive-mock',
  });
  // An idle pooled connection that dies must not crash the process; the next query reconnects.
  pool.on('error', (error) => log?.warn({ err: error }, 'idle database connection lost'));
  const runner = createTransactionRunner({
    pool,
    writeRetryMs: options.writeRetryMs ?? DEFAULT_WRITE_RETRY_MS,
    now,
    onOutage: (error) => log?.error({ err: error }, 'database unreachable; writes wait and retry'),
    onRecovered: (downMs) => log?.warn({ downMs }, 'database reachable again'),
  });

  const migrator = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  try {
    await migratePostgres(migrator, schema, s, now());
  } finally {
    migrator.release();
  }

  const traffic = createPostgresTraffic(s, runner, instance);
  const drift = createPostgresDriftAlerts(s, runner);
  const feed = createChangeFeed({
    connectionString,
    schema,
    instance,
    readTraffic: (from, to, writer) => traffic.readRange(from, to, writer),
    ...(log ? { logger: log } : {}),
  });
  const mergeDelta = async (client: PoolClient, d: EndpointDelta): Promise<StoredEndpoint> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = now();
      const inserted = await client.query<EndpointRecord>(
        `INSERT INTO ${s}.endpoints (method, template, model, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (method, template) DO NOTHING RETURNING *`,
        [d.method, d.template, JSON.stringify(d.delta), at],
      );
      if (inserted.rows[0]) return toEndpoint(inserted.rows[0]);
      const locked = await client.query<EndpointRecord>(
        `SELECT * FROM ${s}.endpoints WHERE method = $1 AND template = $2 FOR UPDATE`,
        [d.method, d.template],
      );
      // Deleted by another instance between the two statements: insert again.
      const row = locked.rows[0];
      if (!row) continue;
      const merged = mergeEndpointModel(JSON.parse(row.model) as EndpointModel, d.delta);
      await client.query(`UPDATE ${s}.endpoints SET model = $1, updated_at = $2 WHERE id = $3`, [
        JSON.stringify(merged),
        at,
        row.id,
      ]);
      return { ...toEndpoint(row), model: merged, updatedAt: at };
    }
    throw new Error(`endpoint ${keyOf(d)} kept vanishing during merge`);
  };

  const endpointsByKey = async (client: PoolClient, deltas: EndpointDelta[]) => {
    const result = await client.query<EndpointRecord>(
      `SELECT * FROM ${s}.endpoints WHERE (method, template) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [deltas.map((d) => d.method), deltas.map((d) => d.template)],
    );
    return result.rows.map(toEndpoint);
  };

  const writeBatch = (batch: WriteBatch): Promise<WriteResult> => {
    // The token makes a retry after an unacknowledged COMMIT a no-op: counted exactly once.
    const token = randomUUID();
    const deltas = [...batch.deltas].sort(byKey);
    return runner.write(async (client) => {
      const fresh = await client.query(
        `INSERT INTO ${s}.applied_batches (token, applied_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [token, now()],
      );
      if (fresh.rowCount === 0) {
        return {
          endpoints: await endpointsByKey(client, batch.deltas),
          trafficWritten: batch.traffic.length,
        };
      }
      const merged = new Map<string, StoredEndpoint>();
      for (const d of deltas) merged.set(keyOf(d), await mergeDelta(client, d));
      const rows = batch.traffic.map((row) => ({
        ...row,
        endpointId:
          row.endpointId ??
          (row.template ? (merged.get(`${row.method} ${row.template}`)?.id ?? null) : null),
      }));
      const ids = await traffic.insert(client, rows);
      if (ids.length > 0) await traffic.prune(client, options.trafficLogLimit, now());
      await feed.notify(client, {
        ...(merged.size > 0 ? { e: [...merged.values()].map((e) => e.id) } : {}),
        ...(ids.length > 0 ? { t: [Math.min(...ids), Math.max(...ids)] as [number, number] } : {}),
      });
      return {
        endpoints: batch.deltas.map((d) => merged.get(keyOf(d))!),
        trafficWritten: ids.length,
      };
    });
  };

  const store: Store = {
    kind: 'postgres',
    location: sanitizeUrl(options.url) + (options.schema ? ` (schema ${schema})` : ''),
    async readSettings() {
      const rows = await runner.read<{ key: string; value: string }>(
        `SELECT key, value FROM ${s}.settings`,
      );
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    },
    writeSettings: (values) =>
      runner.write(async (client) => {
        const keys = Object.keys(values).sort();
        for (const key of keys) {
          await client.query(
            `INSERT INTO ${s}.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
            [key, JSON.stringify(values[key])],
          );
        }
        if (keys.length > 0) await feed.notify(client, { s: keys });
      }),
    writeBatch,
    loadEndpoints: async () =>
      (await runner.read<EndpointRecord>(`SELECT * FROM ${s}.endpoints ORDER BY id`)).map(
        toEndpoint,
      ),
    async listEndpoints(query) {
      const like = `%${escapeLike((query.search ?? '').toLowerCase())}%`;
      const where = `WHERE lower(method || ' ' || template) LIKE $1 ESCAPE '\\'`;
      const [total] = await runner.read<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${s}.endpoints ${where}`,
        [like],
      );
      const rows = await runner.read<EndpointRecord>(
        `SELECT * FROM ${s}.endpoints ${where} ORDER BY id LIMIT $2 OFFSET $3`,
        [like, query.limit, query.offset],
      );
      return { total: total?.n ?? 0, items: rows.map(toEndpoint) };
    },
    async getEndpoint(id) {
      const [row] = await runner.read<EndpointRecord>(
        `SELECT * FROM ${s}.endpoints WHERE id = $1`,
        [id],
      );
      return row ? toEndpoint(row) : undefined;
    },
    putEndpoint: (method, template, model) =>
      runner.write(async (client) => {
        const at = now();
        const result = await client.query<EndpointRecord>(
          `INSERT INTO ${s}.endpoints (method, template, model, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (method, template) DO UPDATE SET model = EXCLUDED.model, updated_at = EXCLUDED.updated_at
           RETURNING *`,
          [method, template, JSON.stringify(model), at],
        );
        const saved = toEndpoint(result.rows[0]!);
        await feed.notify(client, { e: [saved.id] });
        return saved;
      }),
    deleteEndpoint: (id) =>
      runner.write(async (client) => {
        await drift.deleteFor(client, id);
        const deleted = await client.query(`DELETE FROM ${s}.endpoints WHERE id = $1`, [id]);
        if (deleted.rowCount === 0) return false;
        await feed.notify(client, { r: [id] });
        return true;
      }),
    listTraffic: (query) => traffic.list(query),
    countTraffic: () => traffic.count(),
    upsertDriftAlert: (input) => drift.upsert(input),
    listDriftAlerts: (query) => drift.list(query),
    getDriftAlert: (id) => drift.get(id),
    resolveDriftAlert: (id, accept, at) => drift.resolve(id, accept, at),
    watch: (onChange) => feed.watch(onChange),
    status() {
      const status = runner.status();
      return status.degraded ? status : { ...status, degraded: feed.degraded() };
    },
    async close() {
      runner.close();
      await feed.close();
      await pool.end();
    },
  };
  return store;
}
