import { Agent } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEntry } from '../../../src/contract/live-messages.js';
import { BREAKER_COOLDOWN_MS } from '../../../src/proxy/mock/circuit-breaker.js';
import { problemCode, sendRequest, type SentResponse } from '../../helpers/send-request.js';
import type { TestApp } from '../../helpers/start-test-app.js';
import {
  apiRound,
  capturedCount,
  sendCall,
  settleCaptures,
} from '../learning/fixtures/drive-api-traffic.js';
import { adminJson } from '../learning/fixtures/fetch-learned-endpoints.js';
import type { ApiBackend } from '../learning/fixtures/start-api-backend.js';
import { startLearnedApp, type LearnedApp } from './fixtures/start-learned-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `share` of the samples fall (nearest rank). */
function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

/** GET calls of the fixture API only (failover never answers the POST). */
const getCalls = (round: number) => apiRound(round).filter((call) => call.method === 'GET');

async function timed(send: () => Promise<SentResponse>) {
  const started = performance.now();
  const response = await send();
  return { response, ms: performance.now() - started };
}

describe('failover acceptance: the backend stops mid-run and comes back', () => {
  let ctx: LearnedApp;
  let backend: ApiBackend;
  let app: TestApp;
  const live: LiveEntry[] = [];

  beforeAll(async () => {
    ctx = await startLearnedApp();
    ({ backend, app } = ctx);
    app.engine.on('event', (event) => {
      if (event.type === 'live') live.push(...event.entries);
    });
  }, 60_000);
  afterAll(async () => {
    await ctx.stop();
  });

  it('GETs keep answering (marked failover, p99 < 50 ms), POSTs get 502, recovery needs no restart', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const failoverMs: number[] = [];
    try {
      for (let i = 0; i < 150; i++) {
        if (i === 30) await backend.stop();
        const call = getCalls(200 + i)[i % 9]!;
        const { response, ms } = await timed(() => sendCall(app.proxyPort, call, {}, agent));
        if (i < 30) {
          expect(response.headers['x-mock-source']).toBeUndefined();
          continue;
        }
        expect({ i, status: response.status, source: response.headers['x-mock-source'] }).toEqual({
          i,
          status: 200,
          source: 'failover',
        });
        JSON.parse(response.body.toString());
        failoverMs.push(ms);
      }
      expect(percentile(failoverMs, 0.99)).toBeLessThan(50);

      const post = await sendCall(app.proxyPort, apiRound(1)[2]!, {}, agent);
      expect(post.status).toBe(502);
      expect(problemCode(post)).toBe('UPSTREAM_UNREACHABLE');
      expect(post.headers['x-mock-source']).toBeUndefined();

      await backend.start();
      const sentBefore = backend.sent.length;
      const back = performance.now();
      let proxied: SentResponse | undefined;
      while (!proxied && performance.now() - back < BREAKER_COOLDOWN_MS + 4000) {
        const response = await sendRequest(app.proxyPort, { path: '/health', agent });
        if (response.headers['x-mock-source'] === undefined) proxied = response;
        else await sleep(50);
      }
      expect(proxied?.status).toBe(200);
      expect(backend.sent.length).toBeGreaterThan(sentBefore);
      for (const call of getCalls(300)) {
        const response = await sendCall(app.proxyPort, call, {}, agent);
        expect(response.headers['x-mock-source']).toBeUndefined();
      }
    } finally {
      agent.destroy();
    }
  }, 30_000);

  it('RELIABILITY 62: alternating up and down, only mock-served answers carry the marker; all are logged', async () => {
    const start = capturedCount(app);
    const verdicts: { probe: string; source: string }[] = [];
    for (let i = 0; i < 24; i++) {
      const down = Math.floor(i / 4) % 2 === 1;
      if (down && i % 4 === 0) await backend.stop();
      if (!down && i % 4 === 0 && i > 0) await backend.start();
      const sent = backend.sent.length;
      const probe = `probe=${i}`;
      const response = await sendRequest(app.proxyPort, { path: `/health?${probe}` });
      const reachedBackend = backend.sent.length > sent;
      const source = response.headers['x-mock-source'];
      expect({ i, marked: source !== undefined }).toEqual({ i, marked: !reachedBackend });
      if (!reachedBackend) expect(source).toBe('failover');
      expect(response.status).toBe(200);
      verdicts.push({ probe, source: reachedBackend ? 'proxy' : 'failover' });
    }
    expect(verdicts.some((v) => v.source === 'failover')).toBe(true);
    expect(verdicts.some((v) => v.source === 'proxy')).toBe(true);
    await settleCaptures(app, start, verdicts.length);
    const traffic = await adminJson<{ items: { query: string; source: string }[] }>(
      app,
      '/admin/traffic?limit=200',
    );
    for (const verdict of verdicts) {
      expect(traffic.items.find((row) => row.query === verdict.probe)?.source).toBe(verdict.source);
    }
    // The dashboard's live stream saw the same sources, in order (it carries no query).
    const streamed = live.filter((entry) => entry.path === '/health').slice(-verdicts.length);
    expect(streamed.map((entry) => entry.source)).toEqual(verdicts.map((v) => v.source));
    await backend.start();
  }, 30_000);

  it('RELIABILITY 53: connection refused fails over quickly for GET and answers 502 for POST', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closed = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await adminJson(app, '/admin/target', {
      method: 'POST',
      body: JSON.stringify({ target_url: `http://127.0.0.1:${closed}` }),
    });
    try {
      const times: number[] = [];
      for (let i = 0; i < 9; i++) {
        const { response, ms } = await timed(() => sendCall(app.proxyPort, getCalls(400)[i]!));
        expect(response.headers['x-mock-source']).toBe('failover');
        times.push(ms);
      }
      expect(percentile(times, 0.5)).toBeLessThan(100);
      const post = await sendCall(app.proxyPort, apiRound(2)[2]!);
      expect(post.status).toBe(502);
      expect(post.headers['x-mock-source']).toBeUndefined();
    } finally {
      await adminJson(app, '/admin/target', {
        method: 'POST',
        body: JSON.stringify({ target_url: backend.url }),
      });
    }
  });
});
