import type { PoolClient } from 'pg';
import type {
  DriftAlertInput,
  DriftAlertQuery,
  DriftAlertRow,
  DriftUpsertResult,
  Page,
} from '../store.js';
import { toDriftAlertRow, type DriftRecord } from '../to-drift-alert-row.js';
import type { TransactionRunner } from './create-transaction-runner.js';

/**
 * Drift alerts for the PostgreSQL adapter, same semantics as SQLite. UNIQUE(endpoint_id,
 * target, fingerprint) plus INSERT … ON CONFLICT DO NOTHING means two instances seeing the
 * same drift at once end with one alert: exactly one of them gets 'created'.
 */
export function createPostgresDriftAlerts(schema: string, runner: TransactionRunner) {
  const table = `${schema}.drift_alerts`;

  const upsertIn = async (
    client: PoolClient,
    input: DriftAlertInput,
  ): Promise<DriftUpsertResult> => {
    const details = JSON.stringify(input.details);
    const narration = JSON.stringify(input.narration);
    const sample = JSON.stringify(input.sample ?? null);
    for (let attempt = 0; attempt < 3; attempt++) {
      const inserted = await client.query<DriftRecord>(
        `INSERT INTO ${table} (endpoint_id, fingerprint, target, status, score, summary, details, narration, sample,
           occurrences, first_seen, last_seen)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
         ON CONFLICT (endpoint_id, target, fingerprint) DO NOTHING RETURNING *`,
        [
          input.endpointId,
          input.fingerprint,
          input.target,
          input.status,
          input.score,
          input.summary,
          details,
          narration,
          sample,
          input.occurrences,
          input.seenAt,
        ],
      );
      if (inserted.rows[0]) return { alert: toDriftAlertRow(inserted.rows[0]), change: 'created' };
      const existing = (
        await client.query<DriftRecord>(
          `SELECT * FROM ${table} WHERE endpoint_id = $1 AND target = $2 AND fingerprint = $3 FOR UPDATE`,
          [input.endpointId, input.target, input.fingerprint],
        )
      ).rows[0];
      // Deleted by another instance between the two statements: insert again.
      if (!existing) continue;
      if (existing.accepted) return { alert: toDriftAlertRow(existing), change: 'ignored' };
      const updated = await client.query<DriftRecord>(
        `UPDATE ${table} SET occurrences = occurrences + $1, last_seen = GREATEST(last_seen, $2), score = $3,
           summary = $4, details = $5, narration = $6, sample = $7, resolved = false, resolved_at = NULL
         WHERE id = $8 RETURNING *`,
        [
          input.occurrences,
          input.seenAt,
          input.score,
          input.summary,
          details,
          narration,
          sample,
          existing.id,
        ],
      );
      return {
        alert: toDriftAlertRow(updated.rows[0]!),
        change: existing.resolved ? 'reopened' : 'updated',
      };
    }
    throw new Error('drift alert kept vanishing during upsert');
  };

  return {
    upsert: (input: DriftAlertInput) => runner.write((client) => upsertIn(client, input)),
    async list(query: DriftAlertQuery): Promise<Page<DriftAlertRow>> {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.unresolvedOnly) where.push('NOT resolved');
      if (query.endpointId !== undefined) {
        params.push(query.endpointId);
        where.push(`endpoint_id = $${params.length}`);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const [total] = await runner.read<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} ${clause}`,
        params,
      );
      const rows = await runner.read<DriftRecord>(
        `SELECT * FROM ${table} ${clause} ORDER BY last_seen DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      );
      return { total: total?.n ?? 0, items: rows.map(toDriftAlertRow) };
    },
    async get(id: number): Promise<DriftAlertRow | undefined> {
      const [row] = await runner.read<DriftRecord>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
      return row ? toDriftAlertRow(row) : undefined;
    },
    async resolve(id: number, accept: boolean, at: number): Promise<DriftAlertRow | undefined> {
      const rows = await runner.write(
        async (client) =>
          (
            await client.query<DriftRecord>(
              `UPDATE ${table} SET resolved = true, resolved_at = $1, accepted = accepted OR $2 WHERE id = $3 RETURNING *`,
              [at, accept, id],
            )
          ).rows,
      );
      return rows[0] ? toDriftAlertRow(rows[0]) : undefined;
    },
    /** Inside the endpoint's delete transaction. */
    deleteFor: (client: PoolClient, endpointId: number) =>
      client.query(`DELETE FROM ${table} WHERE endpoint_id = $1`, [endpointId]),
  };
}
