import type { PoolClient } from 'pg';

/**
 * PostgreSQL schema, one entry per version, each a function of the quoted schema name so
 * that several projects (or parallel test suites) can share one database. Times are epoch
 * ms in BIGINT; models, settings and alert details are TEXT holding JSON, because the
 * adapter merges in Node and TEXT round-trips byte for byte (JSONB reorders keys).
 */
export const POSTGRES_MIGRATIONS: readonly ((schema: string) => string)[] = [
  (s) => `
  CREATE TABLE ${s}.settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  CREATE TABLE ${s}.endpoints (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    method TEXT NOT NULL,
    template TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (method, template)
  );
  CREATE TABLE ${s}.traffic (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance TEXT NOT NULL,
    exchange_id TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    template TEXT,
    endpoint_id BIGINT,
    status INTEGER NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    latency_ms DOUBLE PRECISION NOT NULL,
    request_size BIGINT NOT NULL,
    response_size BIGINT NOT NULL,
    has_drift BOOLEAN NOT NULL,
    health TEXT,
    error TEXT
  );
  CREATE INDEX traffic_endpoint ON ${s}.traffic (endpoint_id, id);
  CREATE TABLE ${s}.applied_batches (
    token TEXT PRIMARY KEY,
    applied_at BIGINT NOT NULL
  );
  `,
  (s) => `
  CREATE TABLE ${s}.drift_alerts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id BIGINT NOT NULL,
    fingerprint TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    narration TEXT NOT NULL,
    sample TEXT NOT NULL,
    occurrences BIGINT NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    resolved BOOLEAN NOT NULL DEFAULT false,
    resolved_at BIGINT,
    accepted BOOLEAN NOT NULL DEFAULT false,
    UNIQUE (endpoint_id, target, fingerprint)
  );
  CREATE INDEX drift_alerts_endpoint ON ${s}.drift_alerts (endpoint_id, last_seen);
  `,
];

/**
 * Brings `schema` up to the latest version in one transaction under an advisory lock, so
 * when several instances start at once exactly one migrates and the others wait, then find
 * nothing left to do. Returns the versions applied by this call.
 */
export async function migratePostgres(
  client: PoolClient,
  schema: string,
  quoted: string,
  now: number,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `adaptive-mock:migrate:${schema}`,
    ]);
    // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists.
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`,
    );
    const current = await client.query<{ v: number | null }>(
      `SELECT max(version) AS v FROM ${quoted}.schema_migrations`,
    );
    const applied: number[] = [];
    for (let v = current.rows[0]?.v ?? 0; v < POSTGRES_MIGRATIONS.length; v++) {
      await client.query(POSTGRES_MIGRATIONS[v]!(quoted));
      await client.query(
        `INSERT INTO ${quoted}.schema_migrations (version, applied_at) VALUES ($1, $2)`,
        [v + 1, now],
      );
      applied.push(v + 1);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
