import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { sendRequest } from '../helpers/send-request.js';
import { spawnCli, type CliProcess } from '../helpers/spawn-cli.js';

const TOKEN = 'durability-token-0123456789';
const PARALLEL = 20;
/** Upper bound on requests per run (the loop also stops when the proxy goes away). */
const MAX_REQUESTS = 40_000;
/** The loss window the product states for kill -9 (flush interval + one batch commit). */
const LOSS_WINDOW_MS = 200;

interface LoadResult {
  sent: Set<string>;
  /** tag → performance.now() when its response had fully arrived. */
  completed: Map<string, number>;
  statuses: Map<number, number>;
  /** 503 answers (shutting down) that did not close the connection. */
  open503: number;
  errors: number;
}

/** Runs PARALLEL request loops with unique tags until `stop()` or the proxy refuses. */
function startLoad(port: number, run: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: PARALLEL });
  const result: LoadResult = {
    sent: new Set(),
    completed: new Map(),
    statuses: new Map(),
    open503: 0,
    errors: 0,
  };
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < MAX_REQUESTS) {
      const n = next++;
      const tag = `${run}-${n}`;
      result.sent.add(tag);
      try {
        const response = await sendRequest(port, {
          path: `/t/${n}?tag=${tag}`,
          agent,
          timeoutMs: 15_000,
        });
        result.completed.set(tag, performance.now());
        result.statuses.set(response.status, (result.statuses.get(response.status) ?? 0) + 1);
        if (response.status === 503 && response.headers.connection !== 'close') result.open503++;
      } catch {
        result.errors++;
        return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: PARALLEL }, worker)).then(() => {
    agent.destroy();
    return result;
  });
  return {
    result,
    done,
    stop() {
      stopped = true;
    },
  };
}

function startCli(dataDir: string, target: string): Promise<CliProcess> {
  return spawnCli(['--data-dir', dataDir, '--target', target, '--log-level', 'warn'], {
    ADMIN_TOKEN: TOKEN,
    TRAFFIC_LOG_LIMIT: '1000000',
  });
}

/** Tags of every stored traffic row, read after the process is gone (WAL replayed on open). */
function readStore(dataDir: string) {
  const db = new Database(join(dataDir, 'adaptive-mock.db'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = db.prepare('SELECT query, status, method FROM traffic').all() as {
      query: string;
      status: number;
      method: string;
    }[];
    const tags = rows.map(
      (r) => /(?:^|&)tag=([^&]+)/.exec(r.query)?.[1] ?? `<untagged ${r.query}>`,
    );
    return { integrity, rows, tags };
  } finally {
    db.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('e2e: recorder durability (child-process proxy, SQLite checked after exit)', () => {
  let origin: Server;
  let target: string;

  beforeAll(async () => {
    origin = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    origin.closeAllConnections();
    await new Promise<void>((resolve) => origin.close(() => resolve()));
  });

  it('P0-136 SIGTERM under load: exit 0, every completed request is stored exactly once, WAL truncated', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'am-term-'));
    const cli = await startCli(dataDir, target);
    try {
      const load = startLoad(cli.proxyPort, 'term');
      await sleep(1500);
      expect(load.result.completed.size).toBeGreaterThan(100);
      const signalledAt = performance.now();
      cli.child.kill('SIGTERM');
      const exit = await cli.exited;
      const exitedAfter = performance.now() - signalledAt;
      load.stop();
      const result = await load.done;
      expect(exit).toEqual({ code: 0, signal: null });
      // Drain timeout is 10 s by default; a graceful stop of a 20-request backlog is far quicker.
      expect(exitedAfter).toBeLessThan(10_000);
      expect([...result.statuses.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(result.open503).toBe(0);

      const store = readStore(dataDir);
      expect(store.integrity).toBe('ok');
      expect(store.tags.length).toBe(new Set(store.tags).size);
      expect(new Set(store.tags)).toEqual(new Set(result.completed.keys()));
      const wal = join(dataDir, 'adaptive-mock.db-wal');
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    } finally {
      cli.child.kill('SIGKILL');
    }
  }, 30_000);

  it.each([137, 1370, 13700])(
    'P0-137 SIGKILL under load (seed %i): store intact, no duplicates, loss within the 200 ms window, restart keeps it',
    async (seed) => {
      const rng = createRng(seed);
      const dataDir = mkdtempSync(join(tmpdir(), 'am-kill-'));
      const cli = await startCli(dataDir, target);
      const load = startLoad(cli.proxyPort, `kill${seed}`);
      await sleep(rng.int(1000, 2500));
      const killedAt = performance.now();
      cli.child.kill('SIGKILL');
      expect((await cli.exited).signal).toBe('SIGKILL');
      load.stop();
      const result = await load.done;
      expect(result.completed.size).toBeGreaterThan(100);

      const store = readStore(dataDir);
      expect(store.integrity).toBe('ok');
      expect(store.tags.length).toBe(new Set(store.tags).size);
      expect(store.tags.filter((tag) => !result.sent.has(tag))).toEqual([]);
      expect(store.rows.filter((r) => r.status !== 200 || r.method !== 'GET')).toEqual([]);
      const stored = new Set(store.tags);
      const missing = [...result.completed].filter(([tag]) => !stored.has(tag));
      const late = missing.filter(([, at]) => at < killedAt - LOSS_WINDOW_MS);
      expect(
        late.map(([tag, at]) => `${tag} completed ${Math.round(killedAt - at)} ms before the kill`),
      ).toEqual([]);

      // A restart on the same files keeps every recovered row.
      const again = await startCli(dataDir, target);
      // The CLI prints its banner a moment before it installs its signal handlers (reported
      // to the lead); one served request gives it that moment.
      expect((await sendRequest(again.proxyPort, { path: '/after-restart' })).status).toBe(200);
      again.child.kill('SIGTERM');
      expect((await again.exited).code).toBe(0);
      expect(readStore(dataDir).rows.length).toBe(store.rows.length + 1);
    },
    30_000,
  );
});
