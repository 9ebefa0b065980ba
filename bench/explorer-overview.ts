import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEndpointModel } from '../src/core/model/create-endpoint-model.js';
import { observeExchange } from '../src/core/model/observe-exchange.js';
import { createApp } from '../src/app/create-app.js';
import { loadConfig } from '../src/config/load-config.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { BENCH_TOKEN } from './lib/processes.js';

/**
 * bench/explorer-overview: p50/p95 of GET /admin/explorer/overview (page of 20, with and
 * without a search term) over a SQLite store holding 10,000 learned endpoints.
 */
const ENDPOINTS = Number(process.env.ENDPOINTS ?? 10_000);
const REQUESTS = Number(process.env.REQUESTS ?? 300);

async function seed(file: string): Promise<void> {
  const store = openSqliteStore({ file, trafficLogLimit: 1000 });
  for (let i = 0; i < ENDPOINTS; i++) {
    const template = `/service${i % 50}/resource${i}/{id}`;
    const model = createEndpointModel('GET', template);
    for (let n = 0; n < 5; n++) {
      const body = {
        id: n,
        name: `item ${n}`,
        email: 'a@b.io',
        created_at: '2026-01-01T00:00:00Z',
        tags: ['x'],
        price: 9.5,
      };
      observeExchange(
        model,
        {
          method: 'GET',
          status: 200,
          source: 'proxy',
          outcome: 'ok',
          latencyMs: 10 + n,
          startedAt: 1_780_000_000_000 + n,
          responseSize: 120,
          query: '',
          path: `/service${i % 50}/resource${i}/${n}`,
          hasRequestJson: false,
          requestContentType: '',
          hasResponseJson: true,
          responseJson: body,
          responseContentType: 'application/json',
          responseHeaders: { 'content-type': 'application/json' },
          learnRequestSchema: true,
          learnResponseSchema: true,
          keepExample: n === 0,
        },
        1_780_000_000_000 + n,
      );
    }
    await store.putEndpoint('GET', template, model);
  }
  await store.close();
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'am-explorer-bench-'));
  const started = performance.now();
  await seed(join(dataDir, 'adaptive-mock.db'));
  console.log(
    `seeded ${ENDPOINTS} endpoints in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const app = await createApp({
    config: loadConfig({
      env: {},
      overrides: { port: 0, dataDir, logLevel: 'warn', adminToken: BENCH_TOKEN },
    }),
  });
  try {
    for (const [label, query] of [
      ['no search', (i: number) => `page=${1 + (i % 400)}&page_size=20`],
      ['search "resource12"', (i: number) => `q=resource12&page=${1 + (i % 5)}&page_size=20`],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        const response = await fetch(`${app.adminUrl}/admin/explorer/overview?${query(i)}`, {
          headers: { authorization: `Bearer ${BENCH_TOKEN}` },
        });
        const body = (await response.json()) as { total: number; items: unknown[] };
        if (!response.ok || body.items.length === 0)
          throw new Error(`unexpected answer ${response.status}`);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${label}: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms over ${REQUESTS} requests`,
      );
    }
  } finally {
    await app.stop();
  }
}

void main();
