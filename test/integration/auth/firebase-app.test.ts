import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAuthenticator } from '../../../src/admin/auth/authenticator.js';
import { createFirebaseProvider } from '../../../src/admin/auth/create-firebase-provider.js';
import { createKeyFetcher } from '../../../src/admin/auth/create-key-fetcher.js';
import { createRequestPolicy } from '../../../src/admin/auth/create-request-policy.js';
import { createLiveHub } from '../../../src/live/create-live-hub.js';
import { createLogger } from '../../../src/logger.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../../helpers/start-test-app.js';
import { startJsonServer, type JsonServer } from './helpers/json-server.js';
import { createTokenKit, firebaseClaims, type TokenKit } from './helpers/token-kit.js';

const PROJECT = 'demo-proj';
const nowS = () => Math.floor(Date.now() / 1000);

describe('the app in firebase mode (loopback key server)', () => {
  let kit: TokenKit;
  let keys: JsonServer;
  let app: TestApp;
  const get = (path: string, token?: string) =>
    sendRequest(app.adminPort, {
      path,
      headers: {
        host: `127.0.0.1:${app.adminPort}`,
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
    });

  beforeAll(async () => {
    kit = await createTokenKit();
    keys = await startJsonServer();
    keys.serve('/keys', { status: 500, body: {} });
    app = await startTestApp({
      store: 'memory',
      authProvider: 'firebase',
      firebaseProjectId: PROJECT,
      firebaseApiKey: 'public-api-key',
      firebaseKeysUrl: `${keys.url}/keys`,
      adminEmails: ['@example.com'],
      adminToken: undefined,
    });
  });
  afterAll(async () => {
    await app.stop();
    await keys.close();
  });

  it('A-92 with an empty key cache and a failing key server nothing is accepted', async () => {
    const response = await get('/admin/config', await kit.sign(firebaseClaims(PROJECT, nowS())));
    expect(response.status).toBe(401);
    expect(response.body.toString()).toMatch(/cannot be fetched/);
  });

  it('A-79 a valid ID token of an allowed account opens GET /admin/config', async () => {
    keys.serve('/keys', { body: { keys: [kit.jwk] }, maxAgeS: 300 });
    // The failed fetch above holds further fetches back for the cooldown; a fresh app would not.
    const fresh = await startTestApp({
      store: 'memory',
      authProvider: 'firebase',
      firebaseProjectId: PROJECT,
      firebaseKeysUrl: `${keys.url}/keys`,
      adminEmails: ['@example.com'],
      adminToken: undefined,
    });
    try {
      const send = (token: string) =>
        sendRequest(fresh.adminPort, {
          path: '/admin/config',
          headers: { host: `127.0.0.1:${fresh.adminPort}`, authorization: `Bearer ${token}` },
        });
      expect((await send(await kit.sign(firebaseClaims(PROJECT, nowS())))).status).toBe(200);
      expect(
        (await send(await kit.sign(firebaseClaims(PROJECT, nowS(), { email: 'x@other.test' }))))
          .status,
      ).toBe(403);
      expect((await send(TEST_TOKEN)).status).toBe(401);
      expect(fresh.generatedToken).toBeUndefined();
    } finally {
      await fresh.stop();
    }
  });

  it('tells the login page how to start the Firebase SDK (public values only)', async () => {
    const response = await get('/admin/login/options');
    expect(JSON.parse(response.body.toString())).toEqual({
      provider: 'firebase',
      firebase: {
        apiKey: 'public-api-key',
        authDomain: `${PROJECT}.firebaseapp.com`,
        projectId: PROJECT,
      },
    });
  });
});

describe('A-94 a token that expires during a WebSocket session', () => {
  it('closes the socket with 1008 within 5 s after exp', async () => {
    let now = Date.UTC(2026, 0, 1);
    const kit = await createTokenKit();
    const keys = await startJsonServer();
    keys.serve('/keys', { body: { keys: [kit.jwk] }, maxAgeS: 3600 });
    const auth = createAuthenticator({
      provider: createFirebaseProvider({
        projectId: PROJECT,
        adminEmails: ['admin@example.com'],
        keys: createKeyFetcher({ url: `${keys.url}/keys`, timeoutMs: 300, now: () => now }),
        now: () => now,
      }),
      policy: createRequestPolicy({
        host: '127.0.0.1',
        allowedHosts: [],
        allowedOrigins: [],
        trustProxy: false,
        cookieSecure: 'auto',
      }),
      sessionTtlMs: 3600_000,
      rateLimit: { perMinute: 100, burst: 100 },
      now: () => now,
    });
    const hub = createLiveHub({
      logger: createLogger('silent'),
      authorize: (req) => auth.authorizeUpgrade(req),
      batchIntervalMs: 50,
      now: () => now,
    });
    const server = createServer();
    server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const exp = Math.floor(now / 1000) + 60;
      const bearer = {
        headers: {
          authorization: `Bearer ${await kit.sign(firebaseClaims(PROJECT, Math.floor(now / 1000), { exp }))}`,
        },
        socket: {},
      };
      const outcome = await auth.authenticate(bearer as unknown as IncomingMessage);
      expect(outcome).toMatchObject({ ok: true, via: 'bearer', expiresAt: exp * 1000 });
      if (!outcome.ok) return;
      const { ticket } = auth.issueTicket(outcome);
      const socket = new WebSocket(
        `ws://127.0.0.1:${(server.address() as AddressInfo).port}/admin/ws?ticket=${ticket}`,
      );
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      const closed = new Promise<number>((resolve) =>
        socket.once('close', (code) => resolve(code)),
      );
      now += 30_000;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(socket.readyState).toBe(WebSocket.OPEN);
      now = exp * 1000 + 1;
      const started = performance.now();
      expect(await closed).toBe(1008);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      hub.close();
      server.close();
      await keys.close();
    }
  });
});
