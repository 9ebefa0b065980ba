import { useState } from 'preact/hooks';
import type { LiveEntry } from '../../../src/contract/live-messages.js';
import type { LiveStatus } from '../lib/live-socket.js';

/** The live transaction stream: newest first, bounded, filterable, pausable. */
export function LiveTable(props: {
  rows: LiveEntry[];
  paused: boolean;
  onTogglePause: () => void;
  skipped: number;
  status: LiveStatus;
}) {
  const [filter, setFilter] = useState('');
  const term = filter.trim().toLowerCase();
  const rows = term
    ? props.rows.filter((r) =>
        `${r.method} ${r.path} ${r.template ?? ''} ${r.status} ${r.source}`
          .toLowerCase()
          .includes(term),
      )
    : props.rows;
  return (
    <section class="panel" style={{ marginTop: '16px' }}>
      <div class="row">
        <h2 style={{ flex: '1' }}>Live transaction stream</h2>
        <span class="muted" data-testid="live-status">
          {props.status}
        </span>
        <input
          type="search"
          placeholder="Filter (path, status, source…)"
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          style={{ width: '240px' }}
          data-testid="live-filter"
        />
        <button
          type="button"
          onClick={props.onTogglePause}
          aria-pressed={props.paused}
          data-testid="live-pause"
        >
          {props.paused ? 'Resume' : 'Pause'}
        </button>
      </div>
      {props.skipped > 0 && (
        <p class="muted">{props.skipped} entries skipped while the browser caught up.</p>
      )}
      <div style={{ overflowX: 'auto' }}>
        <table data-testid="live-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Method</th>
              <th>Path</th>
              <th>Template</th>
              <th>Status</th>
              <th>Latency</th>
              <th>Source</th>
              <th>Health</th>
              <th>Drift</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="live-row">
                <td>{r.time.slice(11, 23)}</td>
                <td class="method">{r.method}</td>
                <td class="path" title={r.path}>
                  {r.path}
                </td>
                <td class="path">{r.template ?? '—'}</td>
                <td>{r.status || '—'}</td>
                <td>{r.latencyMs.toFixed(1)} ms</td>
                <td class={`src-${r.source}`} data-testid="live-source">
                  {r.source}
                </td>
                <td>
                  <span class={`dot ${r.health ?? ''}`} title={r.health ?? 'not scored'} />
                </td>
                <td>{r.hasDrift ? '⚠ drift' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
