import { closeBucket } from './close-bucket.js';
import type { HealthState, HistoryPoint } from './health-state.js';
import { HISTORY_LIMIT } from './record-history.js';

/**
 * The latest `limit` per-minute points, oldest first, the minute still being filled
 * included (for `GET /admin/health/{id}`). `limit` is capped at HISTORY_LIMIT.
 */
export function listHistory(state: HealthState, limit: number = HISTORY_LIMIT): HistoryPoint[] {
  const points = state.history.map((p) => ({ ...p }));
  if (state.openBucket !== null) points.push(closeBucket(state.openBucket));
  const wanted = Number.isNaN(limit) ? HISTORY_LIMIT : Math.floor(limit);
  const kept = Math.max(0, Math.min(HISTORY_LIMIT, wanted));
  return kept === 0 ? [] : points.slice(-kept);
}
