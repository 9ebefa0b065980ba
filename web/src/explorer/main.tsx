import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageOf } from '../../../src/contract/admin-api.js';
import { ApiError } from '../lib/api.js';
import { getOverview } from '../lib/explorer-api.js';
import type { ExplorerItemView } from '../lib/views.js';
import { TopBar } from '../shared/top-bar.js';
import { EndpointCard } from './endpoint-card.js';
import { ExportPanel } from './export-panel.js';
import { Pager } from './pager.js';
import '../shared/app.css';
import './explorer.css';

const PAGE_SIZES = [10, 20, 50];
const SYNC_MS = 5000;
/** Typing pauses this long before the server is asked. */
const SEARCH_DELAY_MS = 250;

function readLocation(): { q: string; page: number } {
  const params = new URLSearchParams(window.location.search);
  const page = Number(params.get('page'));
  return { q: params.get('q') ?? '', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

/** Keeps the search and page in the address so a reload or a shared link shows the same list. */
function writeLocation(q: string, page: number): void {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  window.history.replaceState(null, '', search ? `?${search}` : window.location.pathname);
}

function Explorer() {
  const initial = readLocation();
  const [query, setQuery] = useState(initial.q);
  const [search, setSearch] = useState(initial.q);
  const [page, setPage] = useState(initial.page);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<PageOf<ExplorerItemView> | undefined>();
  const [error, setError] = useState('');
  const [autoSync, setAutoSync] = useState(true);
  const [syncedAt, setSyncedAt] = useState<Date | undefined>();
  const [version, setVersion] = useState(0);
  // Answers can arrive out of order while typing; only the latest request may land.
  const latest = useRef(0);

  const [busy, setBusy] = useState(true);

  const load = () => {
    const ticket = ++latest.current;
    setBusy(true);
    getOverview(search, page, pageSize)
      .then(
        (result) => {
          if (ticket !== latest.current) return;
          setData(result);
          setError('');
          setSyncedAt(new Date());
        },
        (e: unknown) => {
          if (ticket === latest.current)
            setError(e instanceof ApiError ? e.message : 'The server cannot be reached.');
        },
      )
      .finally(() => {
        if (ticket === latest.current) setBusy(false);
      });
  };
  const refresh = () => {
    load();
    setVersion((v) => v + 1);
  };

  useEffect(() => {
    if (query === search) return undefined;
    const timer = window.setTimeout(() => {
      setSearch(query);
      setPage(1);
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    writeLocation(search, page);
    load();
  }, [search, page, pageSize]);

  useEffect(() => {
    if (!autoSync) return undefined;
    const timer = window.setInterval(() => {
      if (!document.hidden) refresh();
    }, SYNC_MS);
    return () => window.clearInterval(timer);
  }, [autoSync, search, page, pageSize]);

  return (
    <>
      <TopBar active="/admin/explorer" />
      <main>
        <div class="row page-head">
          <h1>Endpoint Explorer</h1>
          <span class="muted" data-testid="endpoint-total">
            {data ? `${data.total} endpoints${search ? ' match' : ' learned'}` : ''}
          </span>
        </div>
        <div class="row toolbar">
          <input
            type="search"
            placeholder="Search method or path, e.g. GET /users"
            aria-label="Search endpoints"
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            class="grow"
            data-testid="explorer-search"
          />
          <label>
            Per page{' '}
            <select
              value={String(pageSize)}
              onChange={(e) => {
                setPageSize(Number((e.target as HTMLSelectElement).value));
                setPage(1);
              }}
              data-testid="page-size"
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={String(size)}>
                  {size}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={autoSync}
              onChange={(e) => setAutoSync((e.target as HTMLInputElement).checked)}
              data-testid="auto-sync"
            />{' '}
            Auto-sync
          </label>
          <button type="button" onClick={refresh} data-testid="refresh">
            Refresh
          </button>
          <span class="muted" data-testid="synced-at">
            {syncedAt ? `Synced ${syncedAt.toLocaleTimeString()}` : 'Loading…'}
          </span>
        </div>
        {error && (
          <p class="offline" role="alert">
            {error}
          </p>
        )}
        <ExportPanel />
        <div class="cards" aria-busy={busy} data-testid="endpoint-cards">
          {data?.items.map((item) => (
            <EndpointCard key={item.id} item={item} version={version} onChange={refresh} />
          ))}
        </div>
        {data && data.total === 0 && (
          <p class="muted" data-testid="no-endpoints">
            {search
              ? 'No endpoint matches this search.'
              : 'Nothing learned yet: send traffic through the proxy and it appears here.'}
          </p>
        )}
        {data && data.total > 0 && (
          // The pager describes the cards on screen, so it follows the answer, not the request.
          <Pager
            page={Math.floor(data.offset / data.limit) + 1}
            pageSize={data.limit}
            total={data.total}
            onPage={setPage}
          />
        )}
      </main>
    </>
  );
}

render(<Explorer />, document.getElementById('app')!);
