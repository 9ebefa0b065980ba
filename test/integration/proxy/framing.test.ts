import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { normalizePath } from '../../../src/proxy/platform-path.js';
import { startCanary, type Canary } from '../../helpers/canary.js';
import { rawValues, startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { headValues, openRawSocket, parseHead, rawRequest } from '../../helpers/raw-client.js';
import { startScriptOrigin, type ScriptOrigin } from '../../helpers/script-origin.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';

const POST = 'POST /s HTTP/1.1\r\nHost: a\r\n';
const GET = 'GET /s HTTP/1.1\r\nHost: a\r\n';

/** Request-smuggling shapes (http-desync-guardian, llhttp corpus, Http11Probe). */
const SMUGGLING: [string, string][] = [
  ['CL+TE', `${POST}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`],
  ['TE+CL', `${POST}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`],
  ['two different Content-Length', `${POST}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`],
  ['the same Content-Length twice', `${POST}Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello`],
  ['Content-Length: 1000,1000', `${POST}Content-Length: 1000,1000\r\n\r\n`],
  ['Content-Length: +5', `${POST}Content-Length: +5\r\n\r\nhello`],
  ['Content-Length: -1', `${POST}Content-Length: -1\r\n\r\n`],
  ['Content-Length: 2^64', `${POST}Content-Length: 18446744073709551616\r\n\r\n`],
  ['TE: xchunked', `${POST}Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n`],
  ['TE: chunked, identity', `${POST}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`],
  ['TE: identity', `${POST}Transfer-Encoding: identity\r\n\r\nhello`],
  [
    'two TE: chunked lines',
    `${POST}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  ],
  [
    'Transfer-Encoding:<tab>chunked plus CL',
    `${POST}Transfer-Encoding:\tchunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n`,
  ],
  ['obs-fold', `${GET}X-A: 1\r\n folded\r\n\r\n`],
  ['space before the colon', `${GET}X-A : 1\r\n\r\n`],
  ['bare CR inside a value', `${GET}X-A: 1\r2\r\n\r\n`],
  ['bare LF line endings', 'GET /s HTTP/1.1\nHost: a\nX-A: 1\n\n'],
  ['NUL in a value', `${GET}X-A: 1\x002\r\n\r\n`],
  ['NUL in a name', `${GET}X-\x00A: 1\r\n\r\n`],
  [
    'chunk extension with bare CR',
    `${POST}Transfer-Encoding: chunked\r\n\r\n5;a=b\rc\r\nhello\r\n0\r\n\r\n`,
  ],
  ['invalid chunk size', `${POST}Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`],
];

/** Broken origin responses (nginx proxy_duplicate_headers.t, RFC 9112 §6.3 item 5). */
const BROKEN_RESPONSES: [string, string][] = [
  [
    'CL+TE',
    'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
  ],
  ['two different CLs', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'],
  ['CL: abc', 'HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\nhello'],
  [
    'bad chunk size',
    'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n',
  ],
  ['obs-fold', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 5\r\n\r\nhello'],
  ['space before the colon', 'HTTP/1.1 200 OK\r\nX-A : 1\r\nContent-Length: 5\r\n\r\nhello'],
  ['bare LF', 'HTTP/1.1 200 OK\nContent-Length: 5\n\nhello'],
  [
    '20 KB of headers',
    `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 5\r\n\r\nhello`,
  ],
];

describe('proxy conformance: request targets and framing', () => {
  let origin: EchoOrigin;
  let app: TestApp;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    app = await startTestApp({ target: origin.url, maxRequestBytes: 1024 });
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });
  beforeEach(() => {
    origin.handler = undefined;
    origin.requests.length = 0;
  });

  it('P0-5 two Host headers get 400, no origin connection, connection closed', async () => {
    const before = origin.connections;
    const response = await rawRequest(
      app.proxyPort,
      'GET /dup HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n',
    );
    expect(response.statusCodes).toEqual([400]);
    expect(response.closed).toBe(true);
    expect(origin.connections).toBe(before);
  });

  describe('with a canary on 127.0.0.3', () => {
    let canary: Canary;
    beforeAll(async () => {
      canary = await startCanary('127.0.0.3');
    });
    afterAll(async () => {
      await canary.close();
    });

    it('P0-7 an absolute-form target never chooses the upstream', async () => {
      const url = `http://127.0.0.3:${canary.port}/x`;
      const response = await rawRequest(
        app.proxyPort,
        `GET ${url} HTTP/1.1\r\nHost: 127.0.0.3:${canary.port}\r\n\r\n`,
      );
      expect(canary.connections).toBe(0);
      if (response.statusCodes[0] !== 400)
        expect(origin.requests.map((r) => r.url)).toEqual(['/x']);
      expect(response.statusCodes).toHaveLength(1);
    });

    it('P0-8 a leading // is a path, forwarded unchanged to the target', async () => {
      const path = `//127.0.0.3:${canary.port}/x`;
      const response = await rawRequest(app.proxyPort, `GET ${path} HTTP/1.1\r\nHost: a\r\n\r\n`);
      expect(response.statusCodes).toEqual([200]);
      expect(canary.connections).toBe(0);
      expect(origin.requests.map((r) => r.url)).toEqual([path]);
    });
  });

  it('P0-9 path and query are forwarded byte for byte', async () => {
    const targets = [
      '/a%2Fb/c%20d/;x?x=1&x=2&y=%ZZ&z',
      '/p/%ZZ/%C3%A9?q=a+b&&=&%26',
      '/e?',
      '/trailing/?x=%2F',
    ];
    for (const target of targets) {
      const response = await rawRequest(app.proxyPort, `GET ${target} HTTP/1.1\r\nHost: a\r\n\r\n`);
      expect(response.statusCodes, target).toEqual([200]);
    }
    expect(origin.requests.map((r) => r.url)).toEqual(targets);
  });

  it('P0-10 dot segments never escape the target base path', async () => {
    const based = await startTestApp({ target: `${origin.url}/api/v1` });
    try {
      await sendRequest(based.proxyPort, { path: '/users/1?x=1' });
      expect(origin.requests.map((r) => r.url)).toEqual(['/api/v1/users/1?x=1']);
      const attempts = [
        '/..%2f..%2fsecret',
        '/%2e%2e/secret',
        '/%2E%2E%2Fsecret',
        '/../secret',
        '/ok/../../secret',
        '/.%2e/.%2e/secret',
        '/..%5c..%5csecret',
        '/..%2f..%2fadmin',
        '/%2e%2e/admin',
        '/../admin',
      ];
      for (const path of attempts) {
        const response = await rawRequest(
          based.proxyPort,
          `GET ${path} HTTP/1.1\r\nHost: a\r\n\r\n`,
        );
        expect(response.statusCodes.length, path).toBe(1);
      }
      for (const { url } of origin.requests) {
        const resolved = normalizePath(url.split('?')[0]!) ?? '';
        expect(resolved.startsWith('/api/v1/'), url).toBe(true);
      }
    } finally {
      await based.stop();
    }
  });

  it('P0-16 HEAD is routed; Content-Length kept, no body, the connection stays usable', async () => {
    const heads: string[] = [];
    const script = await startScriptOrigin((socket, head) => {
      heads.push(head.split('\r\n')[0]!);
      if (head.startsWith('HEAD'))
        socket.write(
          'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n',
        );
      else socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
    });
    const other = await startTestApp({ target: script.url });
    try {
      const client = await openRawSocket(other.proxyPort);
      client.write('HEAD /head HTTP/1.1\r\nHost: a\r\n\r\n');
      const text = await client.waitFor(/\r\n\r\n/);
      const head = parseHead(text);
      expect(head.status).toBe(200);
      expect(headValues(head, 'content-length')).toEqual(['100']);
      client.write('GET /after HTTP/1.1\r\nHost: a\r\n\r\n');
      const both = await client.waitFor(/\r\n\r\nok$/);
      // Nothing sits between the HEAD answer and the next status line: zero body bytes.
      expect(both.indexOf('HTTP/1.1', head.bodyStart)).toBe(head.bodyStart);
      expect(parseHead(both, head.bodyStart).status).toBe(200);
      expect(heads).toEqual(['HEAD /head HTTP/1.1', 'GET /after HTTP/1.1']);
      client.destroy();
    } finally {
      await other.stop();
      await script.close();
    }
  });

  it('P0-19 304 with Content-Length reaches the client as 304 without a body', async () => {
    const script = await startScriptOrigin((socket, head) => {
      if (/if-none-match/i.test(head))
        socket.write('HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\nContent-Length: 100\r\n\r\n');
      else socket.write('HTTP/1.1 200 OK\r\nETag: "v1"\r\nContent-Length: 2\r\n\r\nok');
    });
    const other = await startTestApp({ target: script.url });
    try {
      const client = await openRawSocket(other.proxyPort);
      client.write('GET /cached HTTP/1.1\r\nHost: a\r\nIf-None-Match: "v1"\r\n\r\n');
      const head = parseHead(await client.waitFor(/\r\n\r\n/));
      expect(head.status).toBe(304);
      expect(headValues(head, 'etag')).toEqual(['"v1"']);
      client.write('GET /cached HTTP/1.1\r\nHost: a\r\n\r\n');
      const both = await client.waitFor(/\r\n\r\nok$/);
      expect(both.indexOf('HTTP/1.1', head.bodyStart)).toBe(head.bodyStart);
      expect(parseHead(both, head.bodyStart).status).toBe(200);
      client.destroy();
    } finally {
      await other.stop();
      await script.close();
    }
  });

  it('RELIABILITY §0.2: interim 1xx answers (103, unsolicited 100) are passed over; the final response is relayed', async () => {
    const script = await startScriptOrigin((socket, head) => {
      const early = /^GET \/early/.test(head)
        ? 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n'
        : 'HTTP/1.1 100 Continue\r\n\r\n';
      socket.write(`${early}HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok`);
    });
    const other = await startTestApp({ target: script.url });
    try {
      const early = await sendRequest(other.proxyPort, { path: '/early' });
      expect([early.status, early.body.toString()]).toEqual([200, 'ok']);
      // undici refuses an unsolicited 100: the GET is replayed through node:http, and the
      // target stays on node:http, so a POST (never replayed) is answered too.
      const get = await sendRequest(other.proxyPort, { path: '/continue' });
      expect([get.status, get.body.toString()]).toEqual([200, 'ok']);
      const post = await sendRequest(other.proxyPort, {
        method: 'POST',
        path: '/continue',
        headers: { 'content-type': 'application/json' },
        body: '{"a":1}',
      });
      expect([post.status, post.body.toString()]).toEqual([200, 'ok']);
    } finally {
      await other.stop();
      await script.close();
    }
  });

  it('P0-21 Expect: 100-continue within the limit: 100, then the body reaches the origin without Expect', async () => {
    const client = await openRawSocket(app.proxyPort);
    client.write(
      'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\nExpect: 100-continue\r\n\r\n',
    );
    await client.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n$/);
    expect(origin.requests).toHaveLength(0);
    client.write('hello world');
    const text = await client.waitFor(/"bodySha256"/);
    expect(parseHead(text, text.indexOf('HTTP/1.1', 5)).status).toBe(200);
    client.destroy();
    expect(origin.requests[0]!.bodyLen).toBe(11);
    expect(rawValues(origin.requests[0]!.rawHeaders, 'expect')).toEqual([]);
  });

  it('P0-22 Expect: 100-continue over the size limit gets 413 at once, no 100, no origin connection', async () => {
    const before = origin.connections;
    const response = await rawRequest(
      app.proxyPort,
      'POST /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 4096\r\nExpect: 100-continue\r\n\r\n',
    );
    expect(response.statusCodes).toEqual([413]);
    expect(response.text).not.toContain('100 Continue');
    expect(origin.connections).toBe(before);
  });

  describe('smuggling', () => {
    let script: ScriptOrigin;
    let guarded: TestApp;
    beforeAll(async () => {
      script = await startScriptOrigin((socket) =>
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'),
      );
      guarded = await startTestApp({ target: script.url });
    });
    afterAll(async () => {
      await guarded.stop();
      await script.close();
    });

    it.each(SMUGGLING)(
      'P0-24 %s: 400 or close, zero bytes at the origin, client socket closed',
      async (_name, bytes) => {
        const before = script.bytesReceived;
        const response = await rawRequest(guarded.proxyPort, bytes, { idleMs: 1000 });
        expect(response.statusCodes.filter((s) => s !== 400)).toEqual([]);
        expect(response.closed).toBe(true);
        expect(script.bytesReceived - before).toBe(0);
      },
    );

    it('P0-24 missing last chunk then close: the origin never sees a complete request', async () => {
      const aborted: string[] = [];
      origin.handler = undefined;
      origin.server.once('request', (req: IncomingMessage) => {
        req.once('close', () => aborted.push(req.complete ? 'complete' : 'incomplete'));
      });
      const response = await rawRequest(
        app.proxyPort,
        `${POST}Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n`,
        {
          idleMs: 200,
        },
      );
      expect(response.statusCodes.filter((s) => s !== 400)).toEqual([]);
      const deadline = Date.now() + 2000;
      while (aborted.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(origin.requests).toHaveLength(0);
      expect(aborted).toEqual(['incomplete']);
    });
  });

  it('P0-25 an embedded second request is answered on its own (401), the origin sees one request', async () => {
    const host = `127.0.0.1:${app.proxyPort}`;
    const response = await rawRequest(
      app.proxyPort,
      `POST /first HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n` +
        `GET /admin/config HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    );
    expect(origin.requests.map((r) => r.url)).toEqual(['/first']);
    expect(response.statusCodes[0]).toBe(200);
    expect(response.statusCodes.slice(1).filter((s) => s !== 401)).toEqual([]);
    expect(response.statusCodes.filter((s) => s === 200)).toHaveLength(1);
  });

  it.each(BROKEN_RESPONSES)(
    'P0-26 broken upstream framing (%s): 502, connection not reused, recorded as a protocol error',
    async (name, bytes) => {
      const script = await startScriptOrigin((socket) => socket.write(bytes));
      const other = await startTestApp({ target: script.url });
      try {
        const first = await sendRequest(other.proxyPort, { path: '/frame' });
        expect(first.status, name).toBe(502);
        const second = await sendRequest(other.proxyPort, { path: '/frame' });
        expect(second.status).toBe(502);
        expect(script.connections).toBe(2);
        const rows = await trafficRows(other, '/frame', 2);
        expect(rows.map((r) => r.outcome)).toEqual([
          'upstream_protocol_error',
          'upstream_protocol_error',
        ]);
      } finally {
        await other.stop();
        await script.close();
      }
    },
  );

  it('P0-47 request header size: 20 KB → 431; 300 small headers pass; 300 headers over 16 KiB → 431', async () => {
    const big = await rawRequest(
      app.proxyPort,
      `GET /big HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(big.statusCodes).toEqual([431]);
    const many = (width: number) =>
      Array.from({ length: 300 }, (_, i) => `X-H${i}: ${'v'.repeat(width)}\r\n`).join('');
    const wide = await rawRequest(
      app.proxyPort,
      `GET /wide HTTP/1.1\r\nHost: a\r\n${many(60)}\r\n`,
    );
    expect(wide.statusCodes).toEqual([431]);
    expect(origin.requests).toHaveLength(0);
    const small = await rawRequest(
      app.proxyPort,
      `GET /small HTTP/1.1\r\nHost: a\r\n${many(4)}\r\n`,
    );
    expect(small.statusCodes).toEqual([200]);
    expect(origin.requests[0]!.rawHeaders.filter((h) => /^x-h\d+$/i.test(h))).toHaveLength(300);
  });
});
