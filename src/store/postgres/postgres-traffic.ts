import type { PoolClient } from 'pg';
import type { Page, TrafficQuery, TrafficRow } from '../store.js';
import type { TransactionRunner } from './create-transaction-runner.js';

interface TrafficRecord {
  id: string;
  exchange_id: string;
  started_at: string;
  method: string;
  path: string;
  query: string;
  template: string | null;
  endpoint_id: string | null;
  status: number;
  source: TrafficRow['source'];
  outcome: TrafficRow['outcome'];
  latency_ms: number;
  request_size: string;
  response_size: string;
  has_drift: boolean;
  health: string | null;
  error: string | null;
}

/** BIGINT columns arrive as strings (pg keeps 64-bit precision); ours fit a double. */
function toTrafficRow(r: TrafficRecord): TrafficRow {
  return {
    id: Number(r.id),
    exchangeId: r.exchange_id,
    startedAt: Number(r.started_at),
    method: r.method,
    path: r.path,
    query: r.query,
    template: r.template,
    endpointId: r.endpoint_id === null ? null : Number(r.endpoint_id),
    status: r.status,
    source: r.source,
    outcome: r.outcome,
    latencyMs: r.latency_ms,
    requestSize: Number(r.request_size),
    responseSize: Number(r.response_size),
    hasDrift: r.has_drift,
    health: r.health,
    error: r.error,
  };
}

const COLUMNS = [
  'instance',
  'exchange_id',
  'started_at',
  'method',
  'path',
  'query',
  'template',
  'endpoint_id',
  'status',
  'source',
  'outcome',
  'latency_ms',
  'request_size',
  'response_size',
  'has_drift',
  'health',
  'error',
];
/** Rows per INSERT statement (PostgreSQL allows 65535 parameters per statement). */
const ROWS_PER_INSERT = 1000;
/** How long an idempotency token of a committed batch is kept (a retry comes within seconds). */
const BATCH_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Traffic log queries for the PostgreSQL adapter (kept apart to keep postgres-store.ts small). */
export function createPostgresTraffic(schema: string, runner: TransactionRunner, instance: string) {
  const table = `${schema}.traffic`;
  return {
    /** Multi-row inserts; returns the new ids in row order. */
    async insert(client: PoolClient, rows: TrafficRow[]): Promise<number[]> {
      const ids: number[] = [];
      for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
        const chunk = rows.slice(start, start + ROWS_PER_INSERT);
        const params: unknown[] = [];
        const tuples = chunk.map((r) => {
          const values = [
            instance,
            r.exchangeId,
            r.startedAt,
            r.method,
            r.path,
            r.query,
            r.template,
            r.endpointId,
            r.status,
            r.source,
            r.outcome,
            r.latencyMs,
            r.requestSize,
            r.responseSize,
            r.hasDrift,
            r.health,
            r.error,
          ];
          const first = params.length;
          params.push(...values);
          return `(${values.map((_, i) => `$${first + i + 1}`).join(', ')})`;
        });
        const result = await client.query<{ id: string }>(
          `INSERT INTO ${table} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} RETURNING id`,
          params,
        );
        ids.push(...result.rows.map((r) => Number(r.id)));
      }
      return ids;
    },

    /**
     * Trims the log to `limit` rows and forgets old batch tokens. Only one instance prunes
     * at a time (try-lock): a second one skipping is harmless, two deleting the same rows
     * would only wait on each other.
     */
    async prune(client: PoolClient, limit: number, now: number): Promise<void> {
      const lock = await client.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok',
        [`adaptive-mock:prune:${schema}`],
      );
      if (!lock.rows[0]?.ok) return;
      await client.query(
        `DELETE FROM ${table} WHERE id <= (SELECT id FROM ${table} ORDER BY id DESC LIMIT 1 OFFSET $1)`,
        [limit],
      );
      await client.query(`DELETE FROM ${schema}.applied_batches WHERE applied_at < $1`, [
        now - BATCH_TOKEN_TTL_MS,
      ]);
    },

    async list(query: TrafficQuery): Promise<Page<TrafficRow>> {
      const filter = query.endpointId === undefined ? '' : 'WHERE endpoint_id = $1';
      const params = query.endpointId === undefined ? [] : [query.endpointId];
      const [total] = await runner.read<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} ${filter}`,
        params,
      );
      const rows = await runner.read<TrafficRecord>(
        `SELECT * FROM ${table} ${filter} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      );
      return { total: total?.n ?? 0, items: rows.map(toTrafficRow) };
    },

    async count(): Promise<number> {
      const [row] = await runner.read<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      return row?.n ?? 0;
    },

    /** Rows another instance wrote between two ids (what its notice announced). */
    async readRange(from: number, to: number, writer: string): Promise<TrafficRow[]> {
      const rows = await runner.read<TrafficRecord>(
        `SELECT * FROM ${table} WHERE id BETWEEN $1 AND $2 AND instance = $3 ORDER BY id`,
        [from, to, writer],
      );
      return rows.map(toTrafficRow);
    },
  };
}
