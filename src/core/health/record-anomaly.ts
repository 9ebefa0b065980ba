import type { Anomaly, AnomalySeverity, Finding } from './anomaly.js';

const SEVERITY_RANK: Record<AnomalySeverity, number> = { medium: 0, high: 1 };

/**
 * Opens an anomaly episode for the finding, or extends the active one of the same type
 * (callers prune expired episodes first). The episode keeps the worst severity seen while
 * it lasts, so a spike that calms down a little is not forgiven before the window passes;
 * message and figures describe the latest occurrence. Mutates `active`; returns the episode.
 */
export function recordAnomaly(
  active: Anomaly[],
  finding: Finding,
  at: number,
  windowMs: number,
): Anomaly {
  const existing = active.find((a) => a.type === finding.type);
  if (existing === undefined) {
    const opened: Anomaly = {
      ...finding,
      detectedAt: at,
      lastSeenAt: at,
      expiresAt: at + windowMs,
      occurrences: 1,
    };
    active.push(opened);
    return opened;
  }
  const severity =
    SEVERITY_RANK[finding.severity] > SEVERITY_RANK[existing.severity]
      ? finding.severity
      : existing.severity;
  Object.assign(existing, finding, {
    severity,
    lastSeenAt: Math.max(existing.lastSeenAt, at),
    expiresAt: Math.max(existing.expiresAt, at + windowMs),
    occurrences: existing.occurrences + 1,
  });
  return existing;
}
