import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import {
  distRoot,
  freePortBase,
  hasWrk,
  measureRound,
  median,
  runWrk,
  startNode,
  startProxy,
  type WrkResult,
  BENCH_TOKEN,
  captureDrops,
} from './lib/processes.js';

/**
 * bench/mock-serving: requests/s and p99 of mock mode for a learned ~1 KB JSON endpoint
 * against the ceiling, a bare node:http server answering fixed bytes (bench-backend, which
 * is also what the mock learned from), with the same wrk load, interleaved over ROUNDS
 * rounds in one run. Mocks are served with --mock-latency off: a learned delay would only
 * measure a timer. Target: mock ≥ 0.5× the ceiling (median ratio).
 */
const ROUNDS = Math.max(5, Number(process.env.ROUNDS ?? 5));
const SECONDS = Number(process.env.SECONDS ?? 5);
const LEARN_REQUESTS = 200;
const TARGET_RATIO = 0.5;

const fmtLoad = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function admin(base: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${BENCH_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Proxies LEARN_REQUESTS requests, waits until GET /items is learned, then switches to mock. */
async function learnThenMock(base: string): Promise<void> {
  for (let i = 0; i < LEARN_REQUESTS; i++) await (await fetch(`${base}/items`)).arrayBuffer();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = (await admin(base, '/admin/endpoints?q=items')) as {
      items: { template: string; requestCount: number }[];
    };
    const learned = page.items.find((e) => e.template === '/items');
    if (learned && learned.requestCount >= LEARN_REQUESTS) break;
    if (Date.now() > deadline) throw new Error('GET /items was not learned in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await admin(base, '/admin/mode', { mode: 'mock' });
  const mocked = await fetch(`${base}/items`);
  const bytes = (await mocked.arrayBuffer()).byteLength;
  if (mocked.headers.get('x-mock-source') !== 'mock') throw new Error('GET /items is not mocked');
  console.log(`mocked GET /items: ${mocked.status}, ${bytes} bytes`);
}

const row = (name: string, results: WrkResult[]) =>
  `  ${name.padEnd(22)} ${median(results.map((r) => r.requestsPerSec)).toFixed(0)} req/s, p99 ${median(results.map((r) => r.p99Ms)).toFixed(2)} ms, errors ${results.reduce((n, r) => n + r.errors, 0)}`;

async function main(): Promise<void> {
  if (!hasWrk()) {
    console.log('wrk is not installed (apt-get install wrk); skipping.');
    return;
  }
  const children: ChildProcess[] = [];
  try {
    console.log(`load average at start: ${fmtLoad()}`);
    const backend = await startNode(new URL('bench/lib/bench-backend.js', distRoot), ['0']);
    children.push(backend.child);
    const ceiling = `http://127.0.0.1:${backend.line}/items`;
    const port = freePortBase();
    children.push(
      await startProxy(`http://127.0.0.1:${backend.line}`, port, { MOCK_LATENCY: 'off' }),
    );
    const base = `http://127.0.0.1:${port}`;
    await learnThenMock(base);
    const mock = `${base}/items`;
    // Warm up connections and the JIT on both sides.
    for (const url of [ceiling, mock]) runWrk(url, 2);
    const rounds: { ceiling: WrkResult; mock: WrkResult }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const result = measureRound(round, {
        ceiling: () => runWrk(ceiling, SECONDS),
        mock: () => runWrk(mock, SECONDS),
      });
      rounds.push(result);
      console.log(
        `round ${round}: bare node:http ${result.ceiling.requestsPerSec.toFixed(0)} req/s p99 ${result.ceiling.p99Ms.toFixed(2)} ms; mock ${result.mock.requestsPerSec.toFixed(0)} req/s p99 ${result.mock.p99Ms.toFixed(2)} ms (${(result.mock.requestsPerSec / result.ceiling.requestsPerSec).toFixed(2)}×)`,
      );
    }
    const ratio = median(rounds.map((r) => r.mock.requestsPerSec / r.ceiling.requestsPerSec));
    console.log(`\nmedian of ${ROUNDS} interleaved rounds (${SECONDS} s each, wrk -t2 -c50):`);
    console.log(
      row(
        'bare node:http',
        rounds.map((r) => r.ceiling),
      ),
    );
    console.log(
      row(
        'mock mode',
        rounds.map((r) => r.mock),
      ),
    );
    console.log(
      `  mock / ceiling         ${ratio.toFixed(3)}× (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    console.log(`  capture queue drops    ${await captureDrops(port)}`);
    console.log(`load average at end: ${fmtLoad()}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

void main();
