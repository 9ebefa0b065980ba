import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ConfigView } from '../../../src/contract/admin-api.js';
import type { GlobalHealth, LiveEntry } from '../../../src/contract/live-messages.js';
import { getConfig } from '../lib/api.js';
import { connectLive, type LiveStatus } from '../lib/live-socket.js';
import { TopBar } from '../shared/top-bar.js';
import { HealthBanner } from './health-banner.js';
import { ModePanel } from './mode-panel.js';
import { TargetForm } from './target-form.js';
import { ChaosPanel } from './chaos-panel.js';
import { EndpointChaosPanel } from './endpoint-chaos-panel.js';
import { LiveTable } from './live-table.js';
import '../shared/app.css';

const MAX_ROWS = 200;

/**
 * Newest first, bounded. An entry published while the socket was (re)connecting can arrive
 * in both the initial snapshot and the next batch, so rows are unique by id.
 */
function prependEntries(current: LiveEntry[], entries: LiveEntry[]): LiveEntry[] {
  const known = new Set(current.map((row) => row.id));
  const fresh = entries.filter((entry) => !known.has(entry.id)).reverse();
  return [...fresh, ...current].slice(0, MAX_ROWS);
}

function ControlDeck() {
  const [config, setConfig] = useState<ConfigView | undefined>();
  // undefined until the live stream's first message; null when nothing is monitored yet.
  const [health, setHealth] = useState<GlobalHealth | null | undefined>(undefined);
  const [rows, setRows] = useState<LiveEntry[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [paused, setPaused] = useState(false);
  const [skipped, setSkipped] = useState(0);

  const refresh = () =>
    void getConfig()
      .then(setConfig)
      .catch(() => undefined);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, 3000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    let isPaused = false;
    const onPause = (event: Event) => (isPaused = (event as CustomEvent<boolean>).detail);
    window.addEventListener('am:pause', onPause);
    const stop = connectLive((message) => {
      if (message.type === 'initial') {
        setRows(message.entries.slice(0, MAX_ROWS));
        setHealth(message.health);
      } else if (message.type === 'entries' && !isPaused) {
        setRows((current) => prependEntries(current, message.entries));
      } else if (message.type === 'health') {
        setHealth(message.health);
      } else if (message.type === 'skipped') {
        setSkipped((n) => n + message.dropped);
      } else if (message.type === 'config') {
        refresh();
      }
    }, setStatus);
    return () => {
      window.removeEventListener('am:pause', onPause);
      stop();
    };
  }, []);

  const togglePause = () => {
    window.dispatchEvent(new CustomEvent('am:pause', { detail: !paused }));
    setPaused(!paused);
  };

  return (
    <>
      <TopBar active="/" />
      <main>
        {status === 'offline' && <p class="offline">Live stream offline — reconnecting…</p>}
        <HealthBanner health={health} />
        <div class="grid">
          <ModePanel config={config} onChange={refresh} />
          <TargetForm config={config} onChange={refresh} />
          <ChaosPanel onChange={refresh} />
          <EndpointChaosPanel />
        </div>
        <LiveTable
          rows={rows}
          paused={paused}
          onTogglePause={togglePause}
          skipped={skipped}
          status={status}
        />
      </main>
    </>
  );
}

render(<ControlDeck />, document.getElementById('app')!);
