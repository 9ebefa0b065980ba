import type {
  DriftAlertInput,
  DriftAlertQuery,
  DriftAlertRow,
  DriftUpsertResult,
  Page,
} from '../store.js';

/** Drift alerts for the memory adapter, with the same semantics as SQLite. */
export function createMemoryDriftAlerts() {
  const alerts = new Map<number, DriftAlertRow>();
  let nextId = 1;
  const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return {
    upsert(input: DriftAlertInput): DriftUpsertResult {
      const existing = [...alerts.values()].find(
        (a) =>
          a.endpointId === input.endpointId &&
          a.target === input.target &&
          a.fingerprint === input.fingerprint,
      );
      if (!existing) {
        const alert: DriftAlertRow = {
          ...clone(input),
          sample: clone(input.sample ?? null),
          id: nextId++,
          firstSeen: input.seenAt,
          lastSeen: input.seenAt,
          resolved: false,
          resolvedAt: null,
          accepted: false,
        };
        alerts.set(alert.id, alert);
        return { alert: clone(alert), change: 'created' };
      }
      if (existing.accepted) return { alert: clone(existing), change: 'ignored' };
      const change = existing.resolved ? 'reopened' : 'updated';
      Object.assign(existing, {
        ...clone({ ...input, sample: input.sample ?? null }),
        id: existing.id,
        occurrences: existing.occurrences + input.occurrences,
        firstSeen: existing.firstSeen,
        lastSeen: Math.max(existing.lastSeen, input.seenAt),
        seenAt: Math.max(existing.lastSeen, input.seenAt),
        resolved: false,
        resolvedAt: null,
        accepted: false,
      });
      return { alert: clone(existing), change };
    },
    list(query: DriftAlertQuery): Page<DriftAlertRow> {
      const rows = [...alerts.values()]
        .filter(
          (a) =>
            (!query.unresolvedOnly || !a.resolved) &&
            (query.endpointId === undefined || a.endpointId === query.endpointId),
        )
        .sort((a, b) => b.lastSeen - a.lastSeen || b.id - a.id);
      return {
        total: rows.length,
        items: rows.slice(query.offset, query.offset + query.limit).map(clone),
      };
    },
    get: (id: number) => (alerts.has(id) ? clone(alerts.get(id)!) : undefined),
    resolve(id: number, accept: boolean, at: number) {
      const alert = alerts.get(id);
      if (!alert) return undefined;
      alert.resolved = true;
      alert.resolvedAt = at;
      alert.accepted = alert.accepted || accept;
      return clone(alert);
    },
    deleteFor(endpointId: number) {
      for (const [id, a] of alerts) if (a.endpointId === endpointId) alerts.delete(id);
    },
  };
}
