import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { hashPassword } from '../../../src/admin/auth/hash-password.js';
import { sendRequest, problemCode, type SentResponse } from '../../helpers/send-request.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../../helpers/start-test-app.js';

const header = (response: SentResponse, name: string) => String(response.headers[name] ?? '');
const cookieOf = (response: SentResponse) => header(response, 'set-cookie').split(';')[0]!;
const XSS = '</script><script>alert(1)</script>';

/** Opens the live socket and reports the HTTP status of the handshake (101 when it opened). */
function openLive(
  port: number,
  query: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/admin/ws${query}`, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('admin surface with the local provider', () => {
  let app: TestApp;
  let host: string;
  const send = (path: string, options: Parameters<typeof sendRequest>[1] = {}) =>
    sendRequest(app.adminPort, {
      path,
      ...options,
      headers: { host, ...(options.headers as Record<string, string>) },
    });
  const signIn = async () => cookieOf(await send(`/admin/login?token=${TEST_TOKEN}`));
  const ticket = async () => {
    const response = await send('/admin/ws-ticket', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
    });
    return (JSON.parse(response.body.toString()) as { ticket: string }).ticket;
  };

  beforeAll(async () => {
    app = await startTestApp({ store: 'memory', authRateLimit: 1000, authRateBurst: 1000 });
    host = `127.0.0.1:${app.adminPort}`;
    await app.engine.api.putSettings({
      users: { alice: { passwordHash: await hashPassword('alice-pass-1') } },
    });
  });
  afterAll(() => app.stop());

  it.each([
    ['no Authorization', {}],
    ['Bearer with an empty token', { authorization: 'Bearer ' }],
    ['a two-part token', { authorization: 'Bearer aaa.bbb' }],
    [
      'the Basic scheme',
      { authorization: `Basic ${Buffer.from(`admin:${TEST_TOKEN}`).toString('base64')}` },
    ],
    [
      'A-95 a wrong token of the same length',
      { authorization: `Bearer ${'x'.repeat(TEST_TOKEN.length)}` },
    ],
  ])('A-80 %s → 401 with WWW-Authenticate: Bearer and no details', async (_name, headers) => {
    const response = await send('/admin/config', { headers });
    expect(response.status).toBe(401);
    expect(header(response, 'www-authenticate')).toMatch(/^Bearer /);
    expect(problemCode(response)).toBe('UNAUTHORIZED');
    expect(response.body.toString()).not.toContain(TEST_TOKEN);
  });

  it('A-79 the admin token opens GET /admin/config', async () => {
    expect(
      (await send('/admin/config', { headers: { authorization: `Bearer ${TEST_TOKEN}` } })).status,
    ).toBe(200);
  });

  it('pages redirect to the login page; API calls get 401', async () => {
    expect((await send('/')).headers.location).toBe('/admin/login');
    expect((await send('/admin/explorer')).headers.location).toBe(
      '/admin/login?next=%2Fadmin%2Fexplorer',
    );
    expect(
      (await send('/admin/config', { headers: { accept: 'text/html,application/xhtml+xml' } }))
        .status,
    ).toBe(302);
    expect((await send('/admin/config', { headers: { accept: 'application/json' } })).status).toBe(
      401,
    );
    for (const path of ['/landing', '/admin/login', '/admin/login/options'])
      expect((await send(path)).status, path).toBe(200);
  });

  it('A-97 the sign-in link sets an HttpOnly SameSite=Strict cookie and leaves the address bar', async () => {
    const response = await send(`/admin/login?token=${TEST_TOKEN}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(header(response, 'set-cookie')).toMatch(
      /^__am_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const wrong = await send(`/admin/login?token=${encodeURIComponent(XSS)}`);
    expect(wrong.headers.location).toBe('/admin/login?error=denied');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('A-97 a cookie-carrying POST from another origin is refused; from this origin it passes; GET changes nothing', async () => {
    const cookie = await signIn();
    const post = (headers: Record<string, string>) =>
      send('/admin/learning', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: '{"enabled":false}',
      });
    const evil = await post({ origin: 'http://evil.test' });
    expect(evil.status).toBe(403);
    expect(problemCode(evil)).toBe('CSRF_REJECTED');
    expect((await post({})).status).toBe(403);
    expect(app.state.learning).toBe(true);
    expect((await post({ origin: `http://${host}` })).status).toBe(200);
    expect(app.state.learning).toBe(false);
    app.state.setLearning(true);
    expect((await send('/admin/learning', { headers: { cookie } })).status).toBe(404);
  });

  it('form login without JavaScript: password users and the token, back to ?next=', async () => {
    const form = (body: string) =>
      send('/admin/login', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: `http://${host}`,
          referer: `http://${host}/admin/login?next=/admin/docs`,
        },
        body,
      });
    const ok = await form('username=alice&password=alice-pass-1');
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/admin/docs');
    const session = await send('/admin/session', { headers: { cookie: cookieOf(ok) } });
    expect(JSON.parse(session.body.toString())).toMatchObject({
      principal: { id: 'alice', kind: 'user' },
      via: 'session',
    });
    const bad = await form(`username=alice&password=${encodeURIComponent(XSS)}`);
    expect(bad.headers.location).toBe('/admin/login?error=denied&next=%2Fadmin%2Fdocs');
    expect((await form(`token=${TEST_TOKEN}`)).status).toBe(303);
  });

  it('logout ends the session', async () => {
    const cookie = await signIn();
    const out = await send('/admin/logout', {
      method: 'POST',
      headers: { cookie, origin: `http://${host}` },
    });
    expect(header(out, 'set-cookie')).toMatch(/^__am_session=; Path=\/; Max-Age=0/);
    expect((await send('/admin/session', { headers: { cookie } })).status).toBe(401);
  });

  it('A-121 no admin page reflects query parameters', async () => {
    const cookie = await signIn();
    for (const path of ['/', '/admin/explorer', '/admin/docs', '/admin/login', '/landing']) {
      const response = await send(
        `${path}?token=${encodeURIComponent(XSS)}&next=${encodeURIComponent(XSS)}`,
        { headers: { cookie } },
      );
      expect(response.body.toString(), path).not.toContain('alert(1)');
      expect(header(response, 'location'), path).not.toContain('alert');
    }
  });

  it('A-120 pages carry a strict CSP and nosniff; JSON is application/json with nosniff', async () => {
    const cookie = await signIn();
    for (const path of ['/', '/admin/docs', '/admin/login']) {
      const page = await send(path, { headers: { cookie } });
      const csp = header(page, 'content-security-policy');
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(header(page, 'x-content-type-options'), path).toBe('nosniff');
    }
    const json = await send('/admin/session', { headers: { cookie } });
    expect(header(json, 'content-type')).toMatch(/^application\/json/);
    expect(header(json, 'x-content-type-options')).toBe('nosniff');
  });

  it('A-114 a foreign Host is refused on admin HTTP and on the WebSocket', async () => {
    const response = await sendRequest(app.adminPort, {
      path: '/admin/config',
      headers: { host: 'attacker.test', authorization: `Bearer ${TEST_TOKEN}` },
    });
    expect(response.status).toBe(403);
    expect(
      (await openLive(app.adminPort, `?ticket=${await ticket()}`, { host: 'attacker.test' }))
        .status,
    ).toBe(403);
  });

  it('A-112 an upgrade without a valid ticket gets 401 before any 101; tickets are single-use', async () => {
    expect((await openLive(app.adminPort, '')).status).toBe(401);
    expect((await openLive(app.adminPort, '?ticket=forged')).status).toBe(401);
    expect((await openLive(app.adminPort, `?token=${TEST_TOKEN}`)).status).toBe(401);
    expect(app.live.clientCount()).toBe(0);
    const t = await ticket();
    const first = await openLive(app.adminPort, `?ticket=${t}`);
    expect(first.status).toBe(101);
    first.socket?.close();
    expect((await openLive(app.adminPort, `?ticket=${t}`)).status).toBe(401);
  });

  it('A-113 the WebSocket checks Origin: foreign → 403, this site → 101, none (non-browser) → 101', async () => {
    expect(
      (await openLive(app.adminPort, `?ticket=${await ticket()}`, { origin: 'http://evil.test' }))
        .status,
    ).toBe(403);
    for (const headers of [{ origin: `http://${host}` }, {}] as Record<string, string>[]) {
      const opened = await openLive(app.adminPort, `?ticket=${await ticket()}`, headers);
      expect(opened.status).toBe(101);
      opened.socket?.close();
    }
    // A signed-in browser may also use its cookie (sent on same-site WebSocket handshakes).
    const withCookie = await openLive(app.adminPort, '', {
      cookie: await signIn(),
      origin: `http://${host}`,
    });
    expect(withCookie.status).toBe(101);
    withCookie.socket?.close();
  });

  it('A-117 without ALLOWED_ORIGINS there are no CORS headers at all', async () => {
    const preflight = await send('/admin/config', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});
