import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { rawValues, startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { createLogSink } from '../../helpers/log-sink.js';
import { openRawSocket, parseHead, rawRequest } from '../../helpers/raw-client.js';
import { startScriptOrigin, type ScriptOrigin } from '../../helpers/script-origin.js';
import { problemCode, sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/** A port that was just free: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts an app in front of a scripted origin, runs `body`, and always cleans both up. */
async function withScript(
  onRequest: (socket: Socket, head: string, index: number) => void,
  body: (app: TestApp, script: ScriptOrigin) => Promise<void>,
  overrides: Parameters<typeof startTestApp>[0] = {},
  injections: Parameters<typeof startTestApp>[1] = {},
): Promise<void> {
  const script = await startScriptOrigin(onRequest);
  const app = await startTestApp({ target: script.url, ...overrides }, injections);
  try {
    await body(app, script);
  } finally {
    await app.stop();
    await script.close();
  }
}

describe('proxy conformance: pooling, timeouts and upstream faults', () => {
  let origin: EchoOrigin;
  let app: TestApp;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    app = await startTestApp({ target: origin.url, maxSockets: 4 });
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });

  it('P0-39 200 sequential GETs reuse pooled upstream connections', async () => {
    const before = origin.connections;
    for (let i = 0; i < 200; i++) {
      const response = await sendRequest(app.proxyPort, { path: `/pooled/${i}` });
      expect(response.status).toBe(200);
    }
    expect(origin.connections - before).toBeLessThanOrEqual(4);
  });

  it('P0-40 keep-alive race: GETs never fail; each POST reaches the origin at most once', async () => {
    const racy = await startEchoOrigin();
    racy.server.keepAliveTimeout = 100;
    const proxy = await startTestApp({ target: racy.url });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const rng = createRng(40);
    const failures: string[] = [];
    try {
      for (let i = 0; i < 100; i++) {
        await sleep(rng.int(75, 125));
        const method = i % 2 === 0 ? 'GET' : 'POST';
        const id = `race-${i}`;
        const response = await sendRequest(proxy.proxyPort, {
          method,
          path: `/race?i=${i}`,
          headers: {
            'x-test-id': id,
            ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
          },
          ...(method === 'POST' ? { body: '{"n":1}' } : {}),
          agent,
        });
        if (response.status !== 200) failures.push(`${method} ${response.status}`);
      }
      expect(failures.filter((f) => f.startsWith('GET'))).toEqual([]);
      expect(failures.filter((f) => f !== 'POST 502')).toEqual([]);
      const ids = racy.requests.map((r) => rawValues(r.rawHeaders, 'x-test-id')[0]);
      const posts = ids.filter((id) => Number(id?.slice(5)) % 2 === 1);
      expect(new Set(posts).size).toBe(posts.length);
    } finally {
      agent.destroy();
      await proxy.stop();
      await racy.close();
    }
  }, 30_000);

  it('P0-51 slowloris: a dribbling client gets 408 or is closed near the headers timeout; others are served', async () => {
    const guarded = await startTestApp({ target: origin.url, clientHeadersTimeoutMs: 1000 });
    try {
      const slow = await openRawSocket(guarded.proxyPort);
      const started = performance.now();
      const header = 'GET /slow HTTP/1.1\r\nHost: a\r\nX-Dribble: aaaaaaaaaaaaaaaaaaaaaaaa';
      let i = 0;
      const dribble = setInterval(() => {
        if (!slow.closed && i < header.length) slow.write(header[i++]!);
      }, 500);
      try {
        const other = await sendRequest(guarded.proxyPort, { path: '/fast' });
        expect(other.status).toBe(200);
        expect(await slow.waitClosed(6000)).toBe(true);
        const elapsed = performance.now() - started;
        expect(elapsed).toBeGreaterThanOrEqual(900);
        expect(elapsed).toBeLessThan(4000);
        expect(slow.text() === '' || slow.text().startsWith('HTTP/1.1 408')).toBe(true);
      } finally {
        clearInterval(dribble);
        slow.destroy();
      }
    } finally {
      await guarded.stop();
    }
  });

  it('P0-53 connection refused: 502 problem+json for GET and POST, quickly, without a failover marker', async () => {
    const refused = await startTestApp({ target: `http://127.0.0.1:${await closedPort()}` });
    try {
      for (const method of ['GET', 'POST']) {
        const started = performance.now();
        const response = await sendRequest(refused.proxyPort, {
          method,
          path: '/down',
          body: method === 'POST' ? '{}' : undefined,
        });
        // The catalogue asks for 100 ms; the bound is generous for loaded CI machines.
        expect(performance.now() - started).toBeLessThan(2000);
        expect(response.status).toBe(502);
        expect(problemCode(response)).toBe('UPSTREAM_UNREACHABLE');
        expect(response.headers['x-mock-source']).toBeUndefined();
      }
    } finally {
      await refused.stop();
    }
  });

  it('P0-55 headers timeout: 504 after the timeout and the upstream socket is destroyed', async () => {
    let upstreamClosed = 0;
    await withScript(
      (socket) => socket.once('close', () => upstreamClosed++),
      async (proxy) => {
        // POST: never failed over by default, so the timeout itself is what the client sees.
        const started = performance.now();
        const response = await sendRequest(proxy.proxyPort, {
          method: 'POST',
          path: '/stall',
          body: '{}',
        });
        const elapsed = performance.now() - started;
        expect(response.status).toBe(504);
        expect(problemCode(response)).toBe('UPSTREAM_TIMEOUT');
        expect(elapsed).toBeGreaterThanOrEqual(280);
        expect(elapsed).toBeLessThan(5000);
        expect(await waitUntil(() => upstreamClosed === 1, 1000)).toBe(true);
        // GET may fail over; with nothing learned it still ends with a problem, never a hang.
        const get = await sendRequest(proxy.proxyPort, { path: '/stall' });
        expect([502, 504]).toContain(get.status);
        expect(get.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(await waitUntil(() => upstreamClosed === 2, 1000)).toBe(true);
      },
      { headersTimeoutMs: 300 },
    );
  });

  const FAULTS: [string, (socket: Socket) => void, 'before' | 'after'][] = [
    ['CONNECTION_RESET_BY_PEER', (socket) => socket.resetAndDestroy(), 'before'],
    ['EMPTY_RESPONSE', (socket) => socket.end(), 'before'],
    [
      'MALFORMED_RESPONSE_CHUNK',
      (socket) => {
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n',
        );
        setTimeout(() => socket.end('zz\r\ngarbage\r\n'), 50);
      },
      'after',
    ],
    [
      'RANDOM_DATA_THEN_CLOSE',
      (socket) => {
        const rng = createRng(58);
        socket.end(Buffer.from(Array.from({ length: 512 }, () => rng.int(0, 255))));
      },
      'before',
    ],
  ];

  it.each(FAULTS)(
    'P0-58 %s: 502 before headers, an aborted client after; no hang; one log line',
    async (_name, fault, phase) => {
      const logs = createLogSink();
      await withScript(
        fault,
        async (proxy) => {
          const client = await openRawSocket(proxy.proxyPort);
          client.write('GET /fault HTTP/1.1\r\nHost: a\r\n\r\n');
          if (phase === 'before') {
            const text = await client.waitFor(/\r\n\r\n\{[^]*\}$/);
            const head = parseHead(text);
            expect(head.status).toBe(502);
            client.destroy();
          } else {
            expect(await client.waitClosed(3000)).toBe(true);
            const text = client.text();
            expect(parseHead(text).status).toBe(200);
            expect(text).toContain('hello');
            expect(text).not.toMatch(/\r\n0\r\n\r\n$/);
          }
          await proxy.flush();
          const problems = logs.lines().filter((line) => line.level >= 40);
          expect(problems).toHaveLength(1);
          // The proxy keeps answering afterwards (the origin repeats its fault).
          const again = await rawRequest(proxy.proxyPort, 'GET /fault HTTP/1.1\r\nHost: a\r\n\r\n');
          expect(again.statusCodes).toEqual([phase === 'before' ? 502 : 200]);
        },
        { logLevel: 'warn' },
        { logDestination: logs.stream },
      );
    },
  );

  it('P0-59 a POST whose origin resets after reading the body gets 502 and is never retried', async () => {
    const heads: string[] = [];
    await withScript(
      (socket, head) => {
        heads.push(head.split('\r\n')[0]!);
        setTimeout(() => socket.resetAndDestroy(), 30);
      },
      async (proxy) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          const response = await sendRequest(proxy.proxyPort, {
            method: 'POST',
            path: '/orders',
            headers: { 'content-type': 'application/json' },
            body: '{"item":1}',
            agent,
          });
          expect(response.status).toBe(502);
          expect(response.headers['x-mock-source']).toBeUndefined();
          await sleep(100);
          expect(heads).toEqual(['POST /orders HTTP/1.1']);
        } finally {
          agent.destroy();
        }
      },
    );
  });

  it('P0-62 proxied responses never carry the failover marker; failures are marked mocks or 502 problems', async () => {
    let down = false;
    await withScript(
      (socket) => {
        if (down) socket.resetAndDestroy();
        else
          socket.write(
            'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"up":true}',
          );
      },
      async (proxy) => {
        for (let round = 0; round < 6; round++) {
          down = round % 2 === 1;
          const response = await sendRequest(proxy.proxyPort, { path: '/flaky' });
          if (!down) {
            expect(response.status).toBe(200);
            expect(response.body.toString()).toBe('{"up":true}');
            expect(response.headers['x-mock-source']).toBeUndefined();
          } else if (response.headers['x-mock-source'] === undefined) {
            expect(response.status).toBe(502);
            expect(problemCode(response)).toMatch(/^UPSTREAM_/);
          } else {
            expect(response.headers['x-mock-source']).toBe('failover');
            expect(JSON.parse(response.body.toString())).toHaveProperty('up');
          }
        }
      },
    );
  });
});
