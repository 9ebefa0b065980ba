import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRequest, type SentResponse } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { startJsonServer, type JsonServer } from './helpers/json-server.js';
import { createTokenKit, firebaseClaims, type TokenKit } from './helpers/token-kit.js';

const CLIENT = 'adaptive-mock-test';
const nowS = () => Math.floor(Date.now() / 1000);

describe('the app in oidc mode (loopback issuer with discovery and JWKS)', () => {
  let kit: TokenKit;
  let issuer: JsonServer;
  let app: TestApp;
  let host: string;
  const send = (path: string, options: Parameters<typeof sendRequest>[1] = {}) =>
    sendRequest(app.adminPort, {
      path,
      ...options,
      headers: { host, ...(options.headers as Record<string, string>) },
    });
  const idToken = (extra = {}) =>
    kit.sign(
      firebaseClaims('unused', nowS(), {
        iss: issuer.url,
        aud: CLIENT,
        sub: 'oidc-user-7',
        auth_time: undefined,
        ...extra,
      }),
    );

  /** Starts a sign-in and returns what the issuer would receive. */
  const begin = async (next = '/admin/explorer') => {
    const response = await send(`/admin/login/oidc?next=${encodeURIComponent(next)}`);
    expect(response.status).toBe(302);
    const url = new URL(String(response.headers.location));
    return { url, state: url.searchParams.get('state')!, nonce: url.searchParams.get('nonce')! };
  };
  /** What the issuer's page posts back (response_mode=form_post), from the issuer's origin. */
  const answer = (fields: Record<string, string>): Promise<SentResponse> =>
    send('/admin/login/oidc', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: issuer.url },
      body: new URLSearchParams(fields).toString(),
    });

  beforeAll(async () => {
    kit = await createTokenKit('oidc-k1');
    issuer = await startJsonServer();
    issuer.serve('/.well-known/openid-configuration', {
      body: {
        issuer: issuer.url,
        jwks_uri: `${issuer.url}/jwks`,
        authorization_endpoint: `${issuer.url}/authorize`,
      },
    });
    issuer.serve('/jwks', { body: { keys: [kit.jwk] }, maxAgeS: 300 });
    app = await startTestApp({
      store: 'memory',
      authProvider: 'oidc',
      oidcIssuer: issuer.url,
      oidcClientId: CLIENT,
      adminEmails: ['admin@example.com'],
      adminToken: undefined,
    });
    host = `127.0.0.1:${app.adminPort}`;
  });
  afterAll(async () => {
    await app.stop();
    await issuer.close();
  });

  it('redirects to the authorization endpoint with id_token, form_post, state and nonce', async () => {
    const { url, state, nonce } = await begin();
    expect(url.origin + url.pathname).toBe(`${issuer.url}/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'id_token',
      response_mode: 'form_post',
      client_id: CLIENT,
      redirect_uri: `http://${host}/admin/login/oidc`,
      scope: 'openid email',
    });
    expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('signs in from the cross-site form_post, continues to next, and refuses a replayed state', async () => {
    const { state, nonce } = await begin('/admin/explorer');
    const token = await idToken({ nonce });
    const response = await answer({ id_token: token, state });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toContain('content="0;url=/admin/explorer"');
    expect(response.body.toString()).not.toContain('<script');
    const cookie = String(response.headers['set-cookie']).split(';')[0]!;
    const session = await send('/admin/session', { headers: { cookie } });
    expect(JSON.parse(session.body.toString())).toMatchObject({
      provider: 'oidc',
      principal: { id: 'oidc-user-7', kind: 'identity', email: 'admin@example.com' },
    });
    const replay = await answer({ id_token: token, state });
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toBe('/admin/login?error=denied');
  });

  it.each([
    ['a nonce from another sign-in', { nonce: 'someone-elses-nonce' }, 'denied'],
    ['another audience', { aud: 'other-client' }, 'denied'],
    ['an account outside ADMIN_EMAILS', { email: 'visitor@example.com' }, 'forbidden'],
  ])('refuses %s', async (_name, extra, error) => {
    const { state, nonce } = await begin();
    const response = await answer({ id_token: await idToken({ nonce, ...extra }), state });
    expect(response.headers.location).toBe(`/admin/login?error=${error}`);
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('never turns next into an open redirect', async () => {
    const { state, nonce } = await begin('//evil.test/x');
    const response = await answer({ id_token: await idToken({ nonce }), state });
    expect(response.body.toString()).toContain('content="0;url=/"');
  });

  it('accepts issuer ID tokens as bearer credentials for API clients', async () => {
    const response = await send('/admin/config', {
      headers: { authorization: `Bearer ${await idToken()}` },
    });
    expect(response.status).toBe(200);
  });
});
