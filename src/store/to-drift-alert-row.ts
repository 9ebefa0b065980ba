import type { DriftAlertRow } from './store.js';

/**
 * A drift_alerts row as both SQL adapters read it: SQLite returns integers and 0/1 flags,
 * PostgreSQL returns BIGINTs as strings and real booleans, so every field is coerced here.
 */
export interface DriftRecord {
  id: number | string;
  endpoint_id: number | string;
  fingerprint: string;
  target: 'response' | 'request';
  status: string;
  score: number | string;
  summary: string;
  details: string;
  narration: string;
  sample: string;
  occurrences: number | string;
  first_seen: number | string;
  last_seen: number | string;
  resolved: boolean | number;
  resolved_at: number | string | null;
  accepted: boolean | number;
}

export function toDriftAlertRow(r: DriftRecord): DriftAlertRow {
  return {
    id: Number(r.id),
    endpointId: Number(r.endpoint_id),
    fingerprint: r.fingerprint,
    target: r.target,
    status: r.status,
    score: Number(r.score),
    summary: r.summary,
    details: JSON.parse(r.details) as unknown[],
    narration: JSON.parse(r.narration) as unknown,
    sample: JSON.parse(r.sample) as unknown,
    occurrences: Number(r.occurrences),
    seenAt: Number(r.last_seen),
    firstSeen: Number(r.first_seen),
    lastSeen: Number(r.last_seen),
    resolved: r.resolved === true || r.resolved === 1,
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    accepted: r.accepted === true || r.accepted === 1,
  };
}
