import type { HealthStatus } from '../../../src/contract/live-messages.js';

const ICONS: Record<HealthStatus, string> = { HEALTHY: '●', DEGRADED: '▲', CRITICAL: '■' };

/** Score and status of an endpoint; the icon differs per status so colour is not the only cue. */
export function HealthBadge({
  health,
}: {
  health: { score: number; status: HealthStatus } | null;
}) {
  if (!health) {
    return (
      <span class="badge" data-testid="health-badge">
        not scored yet
      </span>
    );
  }
  return (
    <span class={`badge health status-${health.status}`} data-testid="health-badge">
      {ICONS[health.status]} {health.score.toFixed(1)} {health.status}
    </span>
  );
}
