import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEchoOrigin, type EchoOrigin } from '../../helpers/echo-origin.js';
import { rawRequest } from '../../helpers/raw-client.js';
import { problemCode, sendRequest } from '../../helpers/send-request.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../../helpers/start-test-app.js';

/** Every admin route (one concrete URL each) that must refuse anonymous callers. */
const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/admin/config'],
  ['POST', '/admin/target'],
  ['POST', '/admin/mode'],
  ['POST', '/admin/learning'],
  ['GET', '/admin/endpoints'],
  ['GET', '/admin/endpoints/1'],
  ['GET', '/admin/endpoints/1/stats'],
  ['DELETE', '/admin/endpoints/1'],
  ['POST', '/admin/endpoints/manual'],
  ['POST', '/admin/endpoints/1/schema'],
  ['GET', '/admin/endpoints/1/drift-stats'],
  ['GET', '/admin/explorer/overview'],
  ['GET', '/admin/path-rules'],
  ['POST', '/admin/path-rules'],
  ['GET', '/admin/traffic'],
  ['GET', '/admin/drift-alerts'],
  ['POST', '/admin/drift-alerts/1/resolve'],
  ['GET', '/admin/health'],
  ['GET', '/admin/health/global'],
  ['GET', '/admin/health/1'],
  ['GET', '/admin/metrics'],
  ['GET', '/admin'],
  ['GET', '/admin/no-such-route'],
];

/**
 * How the front door classifies raw request targets: 'admin' variants normalise to the
 * /admin API (401 without credentials, the real route with them); 'proxied' ones are
 * forwarded to the target byte for byte.
 */
const VARIANTS: [string, 'admin' | 'proxied'][] = [
  ['/admin/config', 'admin'],
  ['//admin/config', 'admin'],
  ['/admin%2Fconfig', 'admin'],
  ['/admin%2fconfig', 'admin'],
  ['/admin%5Cconfig', 'admin'],
  ['/%61dmin/config', 'admin'],
  ['/./admin/config', 'admin'],
  ['/x/../admin/config', 'admin'],
  ['/admin/./config', 'admin'],
  ['/admin;x/config', 'admin'],
  ['/ADMIN/config', 'proxied'],
  ['/Admin/config', 'proxied'],
  ['/admin-panel', 'proxied'],
  ['/administrator', 'proxied'],
  ['/admin-panel/config', 'proxied'],
  ['/api/admin/config', 'proxied'],
];

describe('routing: the admin surface behind the proxy port', () => {
  let origin: EchoOrigin;
  let app: TestApp;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    app = await startTestApp(
      { target: origin.url },
      {
        lookupAll: (host) =>
          host === 'localhost'
            ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
            : Promise.reject(new Error('ENOTFOUND')),
      },
    );
  });
  afterAll(async () => {
    await app.stop();
    await origin.close();
  });
  beforeEach(() => {
    origin.requests.length = 0;
  });

  it.each(ADMIN_ROUTES)(
    'unauthenticated %s %s gets 401 problem+json and is never proxied',
    async (method, path) => {
      const response = await sendRequest(app.proxyPort, {
        method,
        path,
        ...(method === 'POST'
          ? { headers: { 'content-type': 'application/json' }, body: '{}' }
          : {}),
      });
      expect(response.status).toBe(401);
      expect(problemCode(response)).toBe('UNAUTHORIZED');
      expect(origin.requests).toHaveLength(0);
    },
  );

  it.each(['/admin/explorer', '/admin/docs', '/'])(
    'unauthenticated page %s redirects to the login page',
    async (path) => {
      const response = await sendRequest(app.proxyPort, {
        path,
        headers: { host: `127.0.0.1:${app.proxyPort}` },
      });
      expect(response.status).toBe(302);
      expect(response.headers.location).toMatch(/^\/admin\/login/);
      expect(response.body.toString()).not.toContain('<script');
      expect(origin.requests).toHaveLength(0);
    },
  );

  it('a wrong bearer token gets 401 too', async () => {
    const response = await sendRequest(app.proxyPort, {
      path: '/admin/config',
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(response.status).toBe(401);
  });

  it.each(VARIANTS)(
    'P0-104 %s is classified as %s, matching the router',
    async (target, expected) => {
      // A loopback Host: the admin surface refuses foreign Host headers (DNS-rebinding defence).
      const host = `127.0.0.1:${app.proxyPort}`;
      const anonymous = await rawRequest(
        app.proxyPort,
        `GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
      );
      const authorised = await rawRequest(
        app.proxyPort,
        `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
      );
      if (expected === 'admin') {
        expect(anonymous.statusCodes).toEqual([401]);
        // With credentials the router serves the very route the front door classified.
        expect(authorised.statusCodes).toEqual([200]);
        expect(authorised.text).toContain('"target_url"');
        expect(origin.requests).toHaveLength(0);
      } else {
        expect(anonymous.statusCodes).toEqual([200]);
        expect(anonymous.text).not.toContain('"target_url"');
        expect(origin.requests.map((r) => r.url)).toEqual([target, target]);
      }
    },
  );

  describe('P0-65 self-loop', () => {
    let bouncer: Server;
    let bounced = 0;

    beforeAll(async () => {
      // A backend that forwards everything back to the proxy: the loop the Via check stops.
      bouncer = createServer((req, res) => {
        bounced++;
        const upstream = request(
          {
            host: '127.0.0.1',
            port: app.proxyPort,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (back) => {
            res.writeHead(back.statusCode ?? 502, back.headers);
            back.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => bouncer.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      bouncer.closeAllConnections();
      await new Promise<void>((resolve) => bouncer.close(() => resolve()));
    });

    it('P0-65 a target equal to the proxy itself is refused with 400 TARGET_LOOP; a runtime loop stops at 508', async () => {
      for (const url of [
        `http://127.0.0.1:${app.proxyPort}`,
        `http://127.0.0.1:${app.proxyPort}/api`,
        `http://localhost:${app.proxyPort}`,
      ]) {
        const response = await app.admin('/admin/target', {
          method: 'POST',
          body: JSON.stringify({ target_url: url }),
        });
        expect(response.status, url).toBe(400);
        expect(((await response.json()) as { code: string }).code).toBe('TARGET_LOOP');
      }
      expect(app.state.target?.url).toBe(origin.url);

      const bouncerUrl = `http://127.0.0.1:${(bouncer.address() as AddressInfo).port}`;
      const set = await app.admin('/admin/target', {
        method: 'POST',
        body: JSON.stringify({ target_url: bouncerUrl }),
      });
      expect(set.status).toBe(200);
      try {
        const started = performance.now();
        const response = await sendRequest(app.proxyPort, { path: '/loop' });
        expect(response.status).toBe(508);
        expect(problemCode(response)).toBe('LOOP_DETECTED');
        expect(bounced).toBe(1);
        expect(performance.now() - started).toBeLessThan(2000);
      } finally {
        const back = await app.admin('/admin/target', {
          method: 'POST',
          body: JSON.stringify({ target_url: origin.url }),
        });
        expect(back.status).toBe(200);
      }
    });
  });
});
