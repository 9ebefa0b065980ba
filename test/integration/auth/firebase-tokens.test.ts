import {
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthProvider } from '../../../src/admin/auth/auth-provider.js';
import {
  createFirebaseProvider,
  ID_TOKEN_TOLERANCE_S,
} from '../../../src/admin/auth/create-firebase-provider.js';
import { createKeyFetcher, type KeyFetcher } from '../../../src/admin/auth/create-key-fetcher.js';
import { startJsonServer, type JsonServer } from './helpers/json-server.js';
import {
  createTokenKit,
  createX509TokenKit,
  firebaseClaims,
  type TokenKit,
} from './helpers/token-kit.js';

const PROJECT = 'demo-proj';
const T = ID_TOKEN_TOLERANCE_S;
const START = Date.UTC(2026, 0, 1);

/**
 * RELIABILITY.md catalogue items 79–93 against a loopback key server, for both key formats
 * Firebase publishes: the JWKS and the X.509 map (certificate made by openssl, item 93).
 */
describe.each([
  {
    format: 'jwks',
    makeKit: createTokenKit,
    keySet: (kits: TokenKit[]) => ({ keys: kits.map((k) => k.jwk) }),
  },
  {
    format: 'x509',
    makeKit: createX509TokenKit,
    keySet: (kits: TokenKit[]) => Object.fromEntries(kits.map((k) => [k.kid, k.certificate])),
  },
])('Firebase ID tokens ($format key server)', ({ format, makeKit, keySet }) => {
  let kit: TokenKit;
  let server: JsonServer;
  let now: number;
  let keys: KeyFetcher;
  let provider: AuthProvider;
  const nowS = () => Math.floor(now / 1000);
  const claims = (extra: JWTPayload = {}) => firebaseClaims(PROJECT, nowS(), extra);
  const build = (options: { cooldownMs?: number } = {}) => {
    keys = createKeyFetcher({
      url: `${server.url}/keys`,
      timeoutMs: 300,
      cooldownMs: options.cooldownMs ?? 30_000,
      now: () => now,
    });
    provider = createFirebaseProvider({
      projectId: PROJECT,
      keys,
      adminEmails: ['admin@example.com'],
      now: () => now,
    });
  };
  const expectRefused = async (token: string, reason?: RegExp) => {
    const verdict = await provider.verifyBearer(token);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok && reason) expect(verdict.reason).toMatch(reason);
  };

  beforeAll(async () => {
    kit = await makeKit('k1');
    server = await startJsonServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    now = START;
    server.serve('/keys', { body: keySet([kit]), maxAgeS: 3600 });
    build();
  });

  it('A-79 accepts a valid token and names the admin', async () => {
    const verdict = await provider.verifyBearer(await kit.sign(claims()));
    expect(verdict).toEqual({
      ok: true,
      principal: { id: 'uid-1', kind: 'identity', email: 'admin@example.com' },
      expiresAt: (nowS() + 3600) * 1000,
    });
  });

  it('A-79 refuses a valid token of an account outside ADMIN_EMAILS with 403', async () => {
    const verdict = await provider.verifyBearer(
      await kit.sign(claims({ email: 'someone@else.test' })),
    );
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    const unverified = await provider.verifyBearer(
      await kit.sign(claims({ email_verified: false })),
    );
    expect(unverified).toMatchObject({ ok: false, status: 403 });
  });

  it('A-81 refuses unsigned (alg none) tokens unless the emulator switch is on', async () => {
    const unsigned = new UnsecuredJWT(claims()).encode();
    await expectRefused(unsigned, /RS256/);
    const emulator = createFirebaseProvider({
      projectId: PROJECT,
      keys,
      adminEmails: ['admin@example.com'],
      emulatorHost: '127.0.0.1:9099',
      now: () => now,
    });
    expect((await emulator.verifyBearer(unsigned)).ok).toBe(true);
    // The emulator switch still checks every claim.
    expect(
      (await emulator.verifyBearer(new UnsecuredJWT(claims({ aud: 'other' })).encode())).ok,
    ).toBe(false);
  });

  it('A-82 refuses HS256 signed with the public key as the HMAC secret', async () => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode(kit.publicPem));
    await expectRefused(token, /RS256/);
  });

  it('A-83 refuses RS512, PS256 and ES256 (an EC key published under the same kid)', async () => {
    const ec = await generateKeyPair('ES256', { extractable: true });
    if (format === 'jwks') {
      server.serve('/keys', {
        body: { keys: [kit.jwk, { ...(await exportJWK(ec.publicKey)), kid: 'k1', alg: 'ES256' }] },
        maxAgeS: 3600,
      });
    }
    for (const alg of ['RS512', 'PS256']) {
      // The same RSA key material, imported for the other algorithm.
      const key = await importPKCS8(await exportPKCS8(kit.privateKey), alg);
      await expectRefused(
        await new SignJWT(claims()).setProtectedHeader({ alg, kid: 'k1' }).sign(key),
        /RS256/,
      );
    }
    await expectRefused(
      await new SignJWT(claims())
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .sign(ec.privateKey),
    );
    expect((await provider.verifyBearer(await kit.sign(claims()))).ok).toBe(true);
  });

  it('A-84 refuses a missing or unknown kid, and 100 random kids cost at most one fetch per cooldown', async () => {
    const noKid = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'RS256' })
      .sign(kit.privateKey);
    await expectRefused(noKid, /kid/);
    await expectRefused(await kit.sign(claims(), { kid: 'unknown' }), /No published signing key/);
    const before = keys.fetchCount();
    const random = () => Math.random().toString(36).slice(2);
    for (let i = 0; i < 100; i++) await expectRefused(await kit.sign(claims(), { kid: random() }));
    expect(keys.fetchCount() - before).toBe(0);
    now += 30_001;
    await Promise.all(
      Array.from({ length: 100 }, async () =>
        expectRefused(await kit.sign(claims(), { kid: random() })),
      ),
    );
    expect(keys.fetchCount() - before).toBe(1);
  });

  it('A-85 never fetches keys named by jku, x5u or jwk headers', async () => {
    const canary = await startJsonServer('127.0.0.3');
    try {
      const attacker = await createTokenKit('k1');
      canary.serve('/jwks', { body: { keys: [attacker.jwk] } });
      const headers = [
        { jku: `${canary.url}/jwks` },
        { x5u: `${canary.url}/jwks` },
        { jwk: attacker.jwk },
      ];
      for (const header of headers) {
        await expectRefused(await attacker.sign(claims(), header));
        // Signed by the trusted key, the header is simply ignored.
        expect((await provider.verifyBearer(await kit.sign(claims(), header))).ok).toBe(true);
      }
      expect(canary.hits('/jwks')).toBe(0);
    } finally {
      await canary.close();
    }
  });

  it.each([
    ['A-86 another project', { aud: 'other-proj' }],
    ['A-86 an audience array containing the project', { aud: [PROJECT, 'other'] }],
    ['A-87 another issuer', { iss: 'https://securetoken.google.com/other' }],
    [
      'A-87 the issuer with a trailing slash',
      { iss: `https://securetoken.google.com/${PROJECT}/` },
    ],
    ['A-87 the session-cookie issuer', { iss: `https://session.firebase.google.com/${PROJECT}` }],
    ['A-88 no sub', { sub: undefined }],
    ['A-88 an empty sub', { sub: '' }],
    ['A-88 a 129-character sub', { sub: 'u'.repeat(129) }],
    ['A-88 a numeric sub', { sub: 42 as unknown as string }],
  ])('%s → refused', async (_name, extra) => {
    await expectRefused(await kit.sign(claims(extra)));
  });

  it('A-88 accepts a 128-character sub (the boundary)', async () => {
    expect((await provider.verifyBearer(await kit.sign(claims({ sub: 'u'.repeat(128) })))).ok).toBe(
      true,
    );
  });

  it.each([
    ['exp = now−T−1', false, { exp: -T - 1 }],
    ['exp = now−T+1', true, { exp: -T + 1 }],
    ['iat = now+T+1', false, { iat: T + 1 }],
    ['iat = now+T−1', true, { iat: T - 1 }],
    ['auth_time = now+T+1', false, { auth_time: T + 1 }],
    ['auth_time = now+T−1', true, { auth_time: T - 1 }],
  ])('A-89 %s → accepted: %s', async (_name, accepted, offsets) => {
    const shifted = Object.fromEntries(Object.entries(offsets).map(([k, v]) => [k, nowS() + v]));
    expect((await provider.verifyBearer(await kit.sign(claims(shifted)))).ok).toBe(accepted);
  });

  it('A-89 refuses a token without auth_time', async () => {
    await expectRefused(await kit.sign(claims({ auth_time: undefined })), /auth_time/);
  });

  it('A-90 refuses a custom token with an explicit message', async () => {
    const custom = await kit.sign({
      aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
      iss: 'svc@demo-proj.iam.gserviceaccount.com',
      sub: 'svc@demo-proj.iam.gserviceaccount.com',
      uid: 'uid-1',
      iat: nowS(),
      exp: nowS() + 3600,
    });
    await expectRefused(custom, /custom token.*signInWithCustomToken/);
  });

  it('A-91 follows a key rotation at about one fetch per max-age', async () => {
    const k2 = await makeKit('k2');
    server.serve('/keys', { body: keySet([kit]), maxAgeS: 2 });
    build({ cooldownMs: 1000 });
    const fetchesBefore = server.hits('/keys');
    expect((await provider.verifyBearer(await kit.sign(claims()))).ok).toBe(true);
    now += 2500;
    server.serve('/keys', { body: keySet([k2]), maxAgeS: 2 });
    expect((await provider.verifyBearer(await k2.sign(claims()))).ok).toBe(true);
    expect((await provider.verifyBearer(await kit.sign(claims()))).ok).toBe(false);
    // Ten simulated seconds of traffic, a request every 100 ms.
    for (let i = 0; i < 100; i++) {
      now += 100;
      expect((await provider.verifyBearer(await k2.sign(claims()))).ok).toBe(true);
    }
    expect(server.hits('/keys') - fetchesBefore).toBeLessThanOrEqual(2 + 10 / 2 + 1);
  });

  it.each([
    ['500', { status: 500, body: { error: 'boom' } }],
    ['invalid JSON', { body: '{"keys": [', raw: true }],
    ['hang', 'hang'],
  ] as const)(
    'A-92 key endpoint %s: cached keys work until they expire, then nothing is accepted',
    async (_name, failure) => {
      server.serve('/keys', { body: keySet([kit]), maxAgeS: 60 });
      build();
      const token = async () => kit.sign(claims());
      expect((await provider.verifyBearer(await token())).ok).toBe(true);
      server.serve('/keys', failure);
      now += 30_000;
      expect((await provider.verifyBearer(await token())).ok).toBe(true);
      now += 31_000;
      await expectRefused(await token(), /cannot be fetched/);
      // An empty cache with a failing server: refused within the fetch timeout, never accepted.
      build();
      const started = performance.now();
      await expectRefused(await token(), /cannot be fetched/);
      expect(performance.now() - started).toBeLessThan(1000);
    },
  );
});
