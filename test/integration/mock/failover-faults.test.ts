import { Agent } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load-config.js';
import { BREAKER_COOLDOWN_MS, BREAKER_THRESHOLD } from '../../../src/proxy/mock/circuit-breaker.js';
import { openRawSocket, parseHead } from '../../helpers/raw-client.js';
import { problemCode, sendRequest, type SentResponse } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { capturedCount, settleCaptures } from '../learning/fixtures/drive-api-traffic.js';
import {
  startFaultOrigin,
  type FaultOrigin,
  type OriginMode,
} from './fixtures/start-fault-origin.js';

type Overrides = Partial<Omit<Config, 'explicit'>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = { 'content-type': 'application/json' };

const get = (app: TestApp, agent?: Agent) =>
  sendRequest(app.proxyPort, { path: '/things/1', ...(agent ? { agent } : {}) });
const post = (app: TestApp) =>
  sendRequest(app.proxyPort, {
    method: 'POST',
    path: '/things',
    headers: json,
    body: '{"name":"n"}',
  });

/**
 * Starts an app in front of a fault origin, learns GET /things/{id} and POST /things from
 * healthy answers, runs `body`, and always cleans both up.
 */
async function withLearnedOrigin(
  body: (app: TestApp, origin: FaultOrigin) => Promise<void>,
  overrides: Overrides = {},
): Promise<void> {
  const origin = await startFaultOrigin();
  const app = await startTestApp({ target: origin.origin.url, store: 'memory', ...overrides });
  try {
    const start = capturedCount(app);
    for (let i = 0; i < 3; i++) {
      expect((await sendRequest(app.proxyPort, { path: `/things/${i + 1}` })).status).toBe(200);
      expect((await post(app)).status).toBe(201);
    }
    await settleCaptures(app, start, 6);
    await body(app, origin);
  } finally {
    await app.stop();
    await origin.close();
  }
}

const expectFailover = (response: SentResponse, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['x-mock-source']).toBe('failover');
  expect(JSON.parse(response.body.toString())).toHaveProperty('name');
};

describe('failover on upstream faults', () => {
  it.each<OriginMode>([
    'CONNECTION_RESET_BY_PEER',
    'EMPTY_RESPONSE',
    'MALFORMED_RESPONSE_CHUNK',
    'RANDOM_DATA_THEN_CLOSE',
  ])('RELIABILITY 58 %s before any body byte: GET fails over, POST gets 502', async (mode) => {
    await withLearnedOrigin(async (app, origin) => {
      origin.mode = mode;
      const heads = origin.heads.length;
      expectFailover(await get(app), 200);
      const failedPost = await post(app);
      expect(failedPost.status).toBe(502);
      expect(problemCode(failedPost)).toMatch(/^UPSTREAM_/);
      expect(failedPost.headers['x-mock-source']).toBeUndefined();
      // The origin saw both requests (no circuit breaker short-cut), the POST exactly once.
      expect(origin.heads.slice(heads).filter((h) => h.startsWith('POST'))).toHaveLength(1);
      expect(origin.heads.slice(heads).some((h) => h.startsWith('GET'))).toBe(true);
      origin.mode = 'healthy';
      const healthy = await get(app);
      expect(healthy.headers['x-mock-source']).toBeUndefined();
    });
  });

  it('RELIABILITY 58: a fault after body bytes aborts the client (no failover once headers went out)', async () => {
    await withLearnedOrigin(async (app, origin) => {
      origin.mode = 'MALFORMED_CHUNK_AFTER_BODY';
      const client = await openRawSocket(app.proxyPort);
      client.write('GET /things/1 HTTP/1.1\r\nHost: a\r\n\r\n');
      expect(await client.waitClosed(3000)).toBe(true);
      const head = parseHead(client.text());
      expect(head.status).toBe(200);
      expect(client.text()).not.toMatch(/x-mock-source/i);
    });
  });

  it('RELIABILITY 59: a POST reset after its body was read gets 502 by default and reaches the origin once', async () => {
    await withLearnedOrigin(async (app, origin) => {
      origin.mode = 'RESET_AFTER_BODY';
      const heads = origin.heads.length;
      const response = await post(app);
      expect(response.status).toBe(502);
      expect(response.headers['x-mock-source']).toBeUndefined();
      await sleep(100);
      expect(origin.heads.slice(heads)).toEqual(['POST /things HTTP/1.1']);
    });
  });

  it('RELIABILITY 59: with --failover-non-idempotent the POST gets a marked mock instead, still sent once', async () => {
    await withLearnedOrigin(
      async (app, origin) => {
        origin.mode = 'RESET_AFTER_BODY';
        const heads = origin.heads.length;
        expectFailover(await post(app), 201);
        await sleep(100);
        expect(origin.heads.slice(heads)).toEqual(['POST /things HTTP/1.1']);
      },
      { failoverNonIdempotent: true },
    );
  });

  it('--failover-on-5xx: a 503 becomes a marked mock for GET; POST and the default pass it through', async () => {
    await withLearnedOrigin(
      async (app, origin) => {
        origin.mode = 'SERVICE_UNAVAILABLE';
        expectFailover(await get(app), 200);
        const failedPost = await post(app);
        expect(failedPost.status).toBe(503);
        expect(failedPost.headers['x-mock-source']).toBeUndefined();
      },
      { failoverOn5xx: true },
    );
    await withLearnedOrigin(async (app, origin) => {
      origin.mode = 'SERVICE_UNAVAILABLE';
      const response = await get(app);
      expect(response.status).toBe(503);
      expect(response.headers['x-mock-source']).toBeUndefined();
      expect(JSON.parse(response.body.toString())).toEqual({ error: 'maintenance' });
    });
  });

  it(`RELIABILITY 61: with the origin resetting everything, connect attempts stay at ${BREAKER_THRESHOLD} per cooldown and failover p99 < 20 ms`, async () => {
    await withLearnedOrigin(async (app, origin) => {
      origin.mode = 'CONNECTION_RESET_BY_PEER';
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const connections = origin.origin.connections;
      const started = performance.now();
      const times: number[] = [];
      try {
        for (let i = 0; i < 100; i++) {
          const t = performance.now();
          expectFailover(await get(app, agent), 200);
          times.push(performance.now() - t);
        }
      } finally {
        agent.destroy();
      }
      const cooldowns = Math.ceil((performance.now() - started) / BREAKER_COOLDOWN_MS);
      expect(origin.origin.connections - connections).toBeLessThanOrEqual(
        BREAKER_THRESHOLD + cooldowns,
      );
      times.sort((a, b) => a - b);
      expect(times[98]).toBeLessThan(20);
    });
  });

  it('a probe whose client leaves before the origin answers does not keep the circuit open for good', async () => {
    await withLearnedOrigin(
      async (app, origin) => {
        origin.mode = 'CONNECTION_RESET_BY_PEER';
        for (let i = 0; i < BREAKER_THRESHOLD; i++) expectFailover(await get(app), 200);
        await sleep(BREAKER_COOLDOWN_MS + 50);
        // The probe meets a stalled origin and its client gives up before any answer.
        origin.mode = 'STALL';
        const heads = origin.heads.length;
        await expect(
          sendRequest(app.proxyPort, { path: '/things/1', timeoutMs: 100 }),
        ).rejects.toThrow();
        expect(origin.heads.length).toBe(heads + 1);
        origin.mode = 'healthy';
        const deadline = performance.now() + 2 * BREAKER_COOLDOWN_MS + 2000;
        let proxied = false;
        while (!proxied && performance.now() < deadline) {
          proxied = (await get(app)).headers['x-mock-source'] === undefined;
          if (!proxied) await sleep(100);
        }
        expect(proxied).toBe(true);
      },
      { headersTimeoutMs: 10_000 },
    );
  }, 20_000);
});

describe('failover needs a learned success', () => {
  it('an endpoint that only ever failed keeps answering 502, never an invented 200', async () => {
    const origin = await startFaultOrigin();
    origin.mode = 'CONNECTION_RESET_BY_PEER';
    const app = await startTestApp({ target: origin.origin.url, store: 'memory' });
    try {
      for (let i = 0; i < 3; i++) {
        const start = capturedCount(app);
        const response = await get(app);
        expect(response.status).toBe(502);
        expect(response.headers['x-mock-source']).toBeUndefined();
        // The failure itself is recorded for the endpoint before the next try.
        await settleCaptures(app, start, 1);
      }
    } finally {
      await app.stop();
      await origin.close();
    }
  });
});

describe('failover is logged', () => {
  it('failovers appear in GET /admin/traffic with source failover and the upstream error', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'am-failover-log-'));
    await withLearnedOrigin(
      async (app, origin) => {
        origin.mode = 'CONNECTION_RESET_BY_PEER';
        const start = capturedCount(app);
        expectFailover(await sendRequest(app.proxyPort, { path: '/things/9?logged=1' }), 200);
        await settleCaptures(app, start, 1);
        const traffic = (await (await app.admin('/admin/traffic?limit=50')).json()) as {
          items: { query: string; source: string; status: number; error: string | null }[];
        };
        const row = traffic.items.find((r) => r.query === 'logged=1');
        expect(row).toMatchObject({ source: 'failover', status: 200 });
        expect(row?.error).toBeTruthy();
      },
      { dataDir, store: 'sqlite' },
    );
  });
});
