import type Database from 'better-sqlite3';
import type {
  DriftAlertInput,
  DriftAlertQuery,
  DriftAlertRow,
  DriftUpsertResult,
  Page,
} from '../store.js';
import { toDriftAlertRow, type DriftRecord } from '../to-drift-alert-row.js';

/** Drift alert queries for the SQLite adapter (kept apart to keep sqlite-store.ts small). */
export function createSqliteDriftAlerts(db: Database.Database) {
  const byKey = db.prepare<[number, string, string], DriftRecord>(
    'SELECT * FROM drift_alerts WHERE endpoint_id = ? AND target = ? AND fingerprint = ?',
  );
  const byId = db.prepare<[number], DriftRecord>('SELECT * FROM drift_alerts WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO drift_alerts (endpoint_id, fingerprint, target, status, score, summary, details, narration, sample,
       occurrences, first_seen, last_seen)
     VALUES (@endpointId, @fingerprint, @target, @status, @score, @summary, @details, @narration, @sample,
       @occurrences, @seenAt, @seenAt)`,
  );
  const bump = db.prepare(
    `UPDATE drift_alerts SET occurrences = occurrences + @occurrences, last_seen = MAX(last_seen, @seenAt),
       score = @score, summary = @summary, details = @details, narration = @narration, sample = @sample,
       resolved = @resolved, resolved_at = CASE WHEN @resolved = 1 THEN resolved_at ELSE NULL END
     WHERE id = @id`,
  );
  const resolve = db.prepare<[number, number, number]>(
    'UPDATE drift_alerts SET resolved = 1, resolved_at = ?, accepted = MAX(accepted, ?) WHERE id = ?',
  );

  const upsert = db.transaction((input: DriftAlertInput): DriftUpsertResult => {
    const json = {
      ...input,
      details: JSON.stringify(input.details),
      narration: JSON.stringify(input.narration),
      sample: JSON.stringify(input.sample ?? null),
    };
    const existing = byKey.get(input.endpointId, input.target, input.fingerprint);
    if (!existing) {
      const info = insert.run(json);
      return { alert: toDriftAlertRow(byId.get(Number(info.lastInsertRowid))!), change: 'created' };
    }
    if (existing.accepted === 1) return { alert: toDriftAlertRow(existing), change: 'ignored' };
    bump.run({ ...json, id: existing.id, resolved: 0 });
    return {
      alert: toDriftAlertRow(byId.get(Number(existing.id))!),
      change: existing.resolved === 1 ? 'reopened' : 'updated',
    };
  });

  return {
    upsert: (input: DriftAlertInput) => upsert.immediate(input),
    list(query: DriftAlertQuery): Page<DriftAlertRow> {
      const where: string[] = [];
      const params: number[] = [];
      if (query.unresolvedOnly) where.push('resolved = 0');
      if (query.endpointId !== undefined) {
        where.push('endpoint_id = ?');
        params.push(query.endpointId);
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = db
        .prepare<number[], { n: number }>(`SELECT COUNT(*) AS n FROM drift_alerts ${clause}`)
        .get(...params);
      const rows = db
        .prepare<number[], DriftRecord>(
          `SELECT * FROM drift_alerts ${clause} ORDER BY last_seen DESC, id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset);
      return { total: total?.n ?? 0, items: rows.map(toDriftAlertRow) };
    },
    get(id: number): DriftAlertRow | undefined {
      const row = byId.get(id);
      return row ? toDriftAlertRow(row) : undefined;
    },
    resolve(id: number, accept: boolean, at: number): DriftAlertRow | undefined {
      resolve.run(at, accept ? 1 : 0, id);
      const row = byId.get(id);
      return row ? toDriftAlertRow(row) : undefined;
    },
  };
}
