import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rawValues, startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { headValues, openRawSocket, parseHead, rawRequest } from '../../helpers/raw-client.js';
import { startScriptOrigin } from '../../helpers/script-origin.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { trafficRows } from '../../helpers/traffic-rows.js';

/** Reads the SQLite file and its -wal/-shm companions as raw bytes (secrets must be absent). */
function storeBytes(app: TestApp): Buffer {
  const base = join(app.dataDir, app.config.db);
  const parts = ['', '-wal', '-shm'].map((suffix) => {
    try {
      return readFileSync(base + suffix);
    } catch {
      return Buffer.alloc(0);
    }
  });
  return Buffer.concat(parts);
}

describe('proxy conformance: header handling', () => {
  let origin: EchoOrigin;
  let app: TestApp;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    app = await startTestApp({ target: origin.url });
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });
  beforeEach(() => {
    origin.handler = undefined;
    origin.requests.length = 0;
  });

  it('P0-1 hop-by-hop request fields never reach the origin', async () => {
    const response = await rawRequest(
      app.proxyPort,
      'GET /hop HTTP/1.1\r\nHost: app.local\r\nConnection: keep-alive, X-Custom\r\nX-Custom: 1\r\n' +
        'Keep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\nTE: gzip\r\n' +
        'Proxy-Authorization: Basic eA==\r\nUpgrade: h2c\r\nHTTP2-Settings: AAAA\r\nX-Kept: yes\r\n\r\n',
    );
    expect(response.statusCodes).toEqual([200]);
    const seen = origin.requests[0]!.rawHeaders;
    for (const name of [
      'x-custom',
      'keep-alive',
      'proxy-connection',
      'te',
      'proxy-authorization',
      'upgrade',
      'http2-settings',
    ]) {
      expect(rawValues(seen, name), name).toEqual([]);
    }
    // The proxy's own agent may say keep-alive to the origin, but never the client's list.
    for (const value of rawValues(seen, 'connection'))
      expect(value.toLowerCase()).toBe('keep-alive');
    expect(rawValues(seen, 'x-kept')).toEqual(['yes']);
  });

  it('P0-2 hop-by-hop response fields never reach the client and framing stays valid', async () => {
    const script = await startScriptOrigin((socket) => {
      socket.end(
        'HTTP/1.1 200 OK\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: timeout=1\r\n' +
          'Proxy-Authenticate: Basic\r\nX-End-To-End: kept\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello',
      );
    });
    const other = await startTestApp({ target: script.url });
    try {
      const client = await openRawSocket(other.proxyPort);
      client.write('GET /one HTTP/1.1\r\nHost: a\r\n\r\n');
      const first = await client.waitFor(/\r\n\r\nhello$/);
      const head = parseHead(first);
      expect(head.status).toBe(200);
      expect(headValues(head, 'x-hop')).toEqual([]);
      expect(headValues(head, 'proxy-authenticate')).toEqual([]);
      expect(headValues(head, 'keep-alive').join()).not.toContain('timeout=1');
      expect(headValues(head, 'connection').join().toLowerCase()).not.toMatch(/x-hop|close/);
      expect(headValues(head, 'x-end-to-end')).toEqual(['kept']);
      expect(headValues(head, 'content-length')).toEqual(['5']);
      // Correct framing means the same client connection carries a second exchange.
      client.write('GET /two HTTP/1.1\r\nHost: a\r\n\r\n');
      const both = await client.waitFor(/hello[\s\S]*\r\n\r\nhello$/);
      expect(parseHead(both, head.bodyStart + 5).status).toBe(200);
      client.destroy();
    } finally {
      await other.stop();
      await script.close();
    }
  });

  it('P0-3 Connection cannot remove X-Forwarded-For or Via added by the proxy', async () => {
    const response = await rawRequest(
      app.proxyPort,
      'GET /xff HTTP/1.1\r\nHost: a\r\nConnection: X-Forwarded-For, Via\r\nX-Forwarded-For: 6.6.6.6\r\nVia: 1.0 fake\r\n\r\n',
    );
    expect(response.statusCodes).toEqual([200]);
    const seen = origin.requests[0]!.rawHeaders;
    expect(rawValues(seen, 'x-forwarded-for')).toEqual(['127.0.0.1']);
    expect(rawValues(seen, 'via')).toHaveLength(1);
    expect(rawValues(seen, 'via')[0]).toMatch(/^1\.1 adaptive-mock-\S+$/);
  });

  it('P0-4 Host is the target authority; X-Forwarded-Host/Proto/For and Via are set; preserveHost keeps it', async () => {
    const headers = { host: 'app.local:5173', 'x-forwarded-for': '10.0.0.9' };
    await sendRequest(app.proxyPort, { path: '/host', headers });
    const seen = origin.requests[0]!.rawHeaders;
    expect(rawValues(seen, 'host')).toEqual([new URL(origin.url).host]);
    expect(rawValues(seen, 'x-forwarded-host')).toEqual(['app.local:5173']);
    expect(rawValues(seen, 'x-forwarded-proto')).toEqual(['http']);
    expect(rawValues(seen, 'x-forwarded-for')).toEqual(['10.0.0.9, 127.0.0.1']);
    expect(rawValues(seen, 'via')[0]).toMatch(/^1\.1 \S+$/);

    const preserving = await startTestApp({ target: origin.url, preserveHost: true });
    try {
      await sendRequest(preserving.proxyPort, { path: '/host', headers });
      expect(rawValues(origin.requests[1]!.rawHeaders, 'host')).toEqual(['app.local:5173']);
    } finally {
      await preserving.stop();
    }
  });

  it('P0-13 Set-Cookie lines stay separate and byte-identical', async () => {
    const cookies = [
      'a=1; Path=/',
      'b=2; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly',
      'c=3; SameSite=Lax',
    ];
    const script = await startScriptOrigin((socket) => {
      socket.write(
        `HTTP/1.1 200 OK\r\n${cookies.map((c) => `Set-Cookie: ${c}\r\n`).join('')}Content-Length: 2\r\n\r\nok`,
      );
    });
    const other = await startTestApp({ target: script.url });
    try {
      const response = await rawRequest(
        other.proxyPort,
        'GET /cookies HTTP/1.1\r\nHost: a\r\n\r\n',
      );
      const head = parseHead(response.text);
      expect(head.status).toBe(200);
      expect(headValues(head, 'set-cookie')).toEqual(cookies);
      for (const c of cookies) expect(response.text).toContain(`\r\nSet-Cookie: ${c}\r\n`);
    } finally {
      await other.stop();
      await script.close();
    }
  });

  it.each([301, 302, 303, 307, 308])(
    'P0-15 redirects are relayed, never followed (%i)',
    async (status) => {
      for (const location of ['https://elsewhere.test/next', '/next?x=1']) {
        origin.requests.length = 0;
        origin.handler = (_req, res) => {
          res.writeHead(status, { location, 'content-length': 0 });
          res.end();
        };
        const response = await sendRequest(app.proxyPort, { path: '/redirect' });
        expect(response.status).toBe(status);
        expect(response.headers.location).toBe(location);
        expect(origin.requests.map((r) => r.url)).toEqual(['/redirect']);
      }
    },
  );

  it('P0-106 the platform session cookie is stripped; app cookies and Authorization are forwarded, not stored', async () => {
    const response = await sendRequest(app.proxyPort, {
      path: '/session',
      headers: {
        cookie: '__am_session=PLATFORMSESSION77; app=1',
        authorization: 'Bearer APPTOKEN88',
      },
    });
    expect(response.status).toBe(200);
    const seen = origin.requests[0]!.rawHeaders;
    expect(rawValues(seen, 'cookie')).toEqual(['app=1']);
    expect(rawValues(seen, 'authorization')).toEqual(['Bearer APPTOKEN88']);
    expect(await trafficRows(app, '/session')).toHaveLength(1);
    const bytes = storeBytes(app);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.indexOf('PLATFORMSESSION77')).toBe(-1);
    expect(bytes.indexOf('APPTOKEN88')).toBe(-1);
  });

  it('P0-107 X-Mock-* and X-Chaos-Level are consumed: acted on, never forwarded, never learned', async () => {
    const control = {
      'x-mock-enabled': 'false',
      'x-chaos-level': '0',
      'x-mock-seed': '7',
      'x-mock-status': '201',
    };
    const proxied = await sendRequest(app.proxyPort, {
      method: 'POST',
      path: '/controlled',
      headers: { ...control, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(proxied.status).toBe(200);
    const seen = origin.requests[0]!.rawHeaders;
    for (const name of Object.keys(control)) expect(rawValues(seen, name), name).toEqual([]);

    // X-Mock-Enabled: true is acted on: the request is answered by this hop, not the origin.
    const mocked = await sendRequest(app.proxyPort, {
      path: '/controlled',
      headers: { 'x-mock-enabled': 'true' },
    });
    expect(origin.requests).toHaveLength(1);
    expect(mocked.body.toString()).not.toContain('"rawHeaders"');

    expect(await trafficRows(app, '/controlled', 2)).toHaveLength(2);
    const learned = JSON.stringify(await app.engine.api.allEndpoints());
    expect(learned).toContain('controlled');
    expect(learned).not.toMatch(/x-mock|x-chaos/i);
  });
});
