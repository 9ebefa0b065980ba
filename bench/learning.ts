import { createEndpointModel } from '../src/core/model/create-endpoint-model.js';
import { observeExchange } from '../src/core/model/observe-exchange.js';
import type { EndpointModel } from '../src/core/model/endpoint-model.js';
import type { Exchange } from '../src/core/exchange.js';
import { createRng } from '../src/core/random.js';
import { createPathLearner } from '../src/core/paths/create-path-learner.js';
import { prepareExchange } from '../src/pipeline/stages/prepare-exchange.js';
import { toObservation } from '../src/pipeline/stages/to-observation.js';
import { median } from './lib/processes.js';

/**
 * bench/learning: exchanges learned per second on one core (decode → parse → redact →
 * template → learn, i.e. the pipeline minus storage) for ~1 KB and ~20 KB JSON bodies, and
 * the memory of 1,000 learned endpoints. Median of 5 rounds.
 */
const rng = createRng(42);

function user(i: number) {
  return {
    id: i,
    uuid: `550e8400-e29b-41d4-a716-${String(446655440000 + i).padStart(12, '0')}`,
    name: `User ${rng.int(1, 1e6)}`,
    email: `user${i}@example.com`,
    active: rng.next() > 0.5,
    score: rng.next() * 100,
    created_at: '2026-01-01T10:00:00Z',
    tags: ['a', 'b', 'c'].slice(0, rng.int(0, 3)),
    address: rng.next() > 0.3 ? { city: 'Lisbon', zip: '1000-001', country: 'PT' } : null,
  };
}

function bodyOfSize(bytes: number): Buffer {
  const items = [];
  while (JSON.stringify(items).length < bytes - 60) items.push(user(items.length));
  return Buffer.from(JSON.stringify({ items, total: items.length, page: 1 }));
}

function exchange(i: number, body: Buffer, path: string): Exchange {
  return {
    id: `b-${i}`,
    startedAt: 1_780_000_000_000 + i,
    method: 'GET',
    path,
    query: 'page=1',
    status: 200,
    source: 'proxy',
    outcome: 'ok',
    latencyMs: 5 + rng.next() * 20,
    requestHeaders: {},
    responseHeaders: { 'content-type': 'application/json' },
    requestSize: 0,
    responseSize: body.length,
    learn: true,
    responseBody: {
      contentType: 'application/json',
      encoding: '',
      bytes: new Uint8Array(body),
      size: body.length,
      truncated: false,
    },
  };
}

function rate(size: number, count: number): number {
  const body = bodyOfSize(size);
  const learner = createPathLearner();
  const model = createEndpointModel('GET', '/users/{id}');
  const exchanges = Array.from({ length: count }, (_, i) => exchange(i, body, `/users/${i}`));
  const start = performance.now();
  for (const ex of exchanges) {
    const prepared = prepareExchange(ex, 1 << 20);
    learner.observe(ex.method, ex.path);
    observeExchange(model, toObservation(prepared), ex.startedAt);
  }
  return count / ((performance.now() - start) / 1000);
}

function memoryPerThousand(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().heapUsed;
  const body = bodyOfSize(1024);
  const models: EndpointModel[] = [];
  for (let e = 0; e < 1000; e++) {
    const model = createEndpointModel('GET', `/resource${e}/{id}`);
    for (let i = 0; i < 20; i++)
      observeExchange(
        model,
        toObservation(prepareExchange(exchange(i, body, `/resource${e}/${i}`), 1 << 20)),
        1_780_000_000_000 + i,
      );
    models.push(model);
  }
  (globalThis as { gc?: () => void }).gc?.();
  const used = process.memoryUsage().heapUsed - before;
  return models.length ? used : 0;
}

const rounds = Number(process.env.ROUNDS ?? 5);
for (const [label, size, count] of [
  ['~1 KB', 1024, 20_000],
  ['~20 KB', 20 * 1024, 2_000],
] as const) {
  rate(size, Math.min(count, 2000)); // warm-up
  const results = Array.from({ length: rounds }, () => rate(size, count));
  console.log(
    `${label} JSON: ${median(results).toFixed(0)} exchanges/s (median of ${rounds}; rounds: ${results.map((r) => r.toFixed(0)).join(', ')})`,
  );
}
console.log(
  `memory for 1,000 learned endpoints (20 exchanges each): ${(memoryPerThousand() / 1024 / 1024).toFixed(1)} MiB of heap`,
);
