import type { ConfigView } from '../../../src/contract/admin-api.js';
import { api } from '../lib/api.js';

/** Mode switch, learning toggle and the capture queue counters. */
export function ModePanel({
  config,
  onChange,
}: {
  config: ConfigView | undefined;
  onChange: () => void;
}) {
  const setMode = (mode: 'proxy' | 'mock') =>
    void api('/admin/mode', { method: 'POST', body: { mode } }).then(onChange);
  const setLearning = (enabled: boolean) =>
    void api('/admin/learning', { method: 'POST', body: { enabled } }).then(onChange);
  return (
    <section class="panel">
      <h2>Mode</h2>
      <div class="row" role="group" aria-label="Mode">
        <button
          type="button"
          aria-pressed={config?.mode === 'proxy'}
          onClick={() => setMode('proxy')}
          data-testid="mode-proxy"
        >
          Proxy
        </button>
        <button
          type="button"
          aria-pressed={config?.mode === 'mock'}
          onClick={() => setMode('mock')}
          data-testid="mode-mock"
        >
          Mock
        </button>
      </div>
      <p class="row">
        <label>
          <input
            type="checkbox"
            checked={config?.learning ?? false}
            onChange={(e) => setLearning((e.target as HTMLInputElement).checked)}
            data-testid="learning-toggle"
          />{' '}
          Learn from proxied traffic
        </label>
      </p>
      {config && (
        <p class="muted" data-testid="queue-counters">
          Queue {config.queue.queued}/{config.queue.capacity} · captured {config.queue.enqueued} ·
          dropped {config.queue.dropped}
        </p>
      )}
    </section>
  );
}
