import type { GlobalHealth } from '../../../src/contract/live-messages.js';

const NOTHING_MONITORED: GlobalHealth = {
  score: 100,
  status: 'HEALTHY',
  monitoredEndpoints: 0,
  activeAnomalies: 0,
};

/**
 * Platform-wide score, monitored endpoints and active anomalies (pushed live). `undefined`
 * means the live stream has not answered yet: placeholders, not a made-up score.
 */
export function HealthBanner({ health }: { health: GlobalHealth | null | undefined }) {
  const h = health ?? NOTHING_MONITORED;
  const show = (text: string | number) => (health === undefined ? '…' : text);
  return (
    <section
      class="banner"
      aria-label="Global health"
      aria-busy={health === undefined}
      data-testid="health-banner"
      data-state={health === undefined ? 'waiting' : 'live'}
    >
      <div>
        <div class="muted">Global health</div>
        <div class={`score status-${h.status}`} data-testid="health-score">
          {show(h.score.toFixed(1))}
        </div>
      </div>
      <div>
        <div class="muted">Status</div>
        <div class={`status-${h.status}`}>{show(h.status)}</div>
      </div>
      <div>
        <div class="muted">Monitored endpoints</div>
        <div>{show(h.monitoredEndpoints)}</div>
      </div>
      <div>
        <div class="muted">Active anomalies</div>
        <div>{show(h.activeAnomalies)}</div>
      </div>
    </section>
  );
}
