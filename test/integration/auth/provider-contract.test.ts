import { UnsecuredJWT } from 'jose';
import { hashToken } from '../../../src/admin/auth/admin-token.js';
import type { AuthProvider } from '../../../src/admin/auth/auth-provider.js';
import { createFirebaseProvider } from '../../../src/admin/auth/create-firebase-provider.js';
import { createKeyFetcher } from '../../../src/admin/auth/create-key-fetcher.js';
import { createLocalProvider } from '../../../src/admin/auth/create-local-provider.js';
import { createNoneProvider } from '../../../src/admin/auth/create-none-provider.js';
import { createOidcProvider } from '../../../src/admin/auth/create-oidc-provider.js';
import { hashPassword } from '../../../src/admin/auth/hash-password.js';
import { startJsonServer } from './helpers/json-server.js';
import { runProviderContract } from './helpers/provider-contract.js';
import {
  createTokenKit,
  createX509TokenKit,
  firebaseClaims,
  type TokenKit,
} from './helpers/token-kit.js';

const TOKEN = 'contract-admin-token-0123456789abcdef';
const nowS = () => Math.floor(Date.now() / 1000);
const ADMINS = ['admin@example.com'];

runProviderContract('local', async () => {
  const users = new Map([
    ['alice', { name: 'alice', passwordHash: await hashPassword('s3cret-pass') }],
  ]);
  return {
    provider: createLocalProvider({
      tokenHash: () => hashToken(TOKEN),
      loadUsers: () => Promise.resolve(users),
    }),
    validBearer: () => Promise.resolve(TOKEN),
    validLogin: () => Promise.resolve({ username: 'alice', password: 's3cret-pass' }),
    invalidBearers: () =>
      Promise.resolve(['', 'x'.repeat(TOKEN.length), `${TOKEN}x`, TOKEN.toUpperCase()]),
    invalidLogins: () =>
      Promise.resolve([
        {},
        { username: 'alice', password: 'wrong' },
        { username: 'bob', password: 's3cret-pass' },
        { username: 'alice' },
        { token: 'nope' },
      ]),
  };
});

/** Firebase and OIDC share the shape: a key server, a signer, and claims that must pass. */
async function identityFixture(variant: 'firebase-jwks' | 'firebase-x509' | 'oidc') {
  const kit: TokenKit =
    variant === 'firebase-x509' ? await createX509TokenKit() : await createTokenKit();
  const server = await startJsonServer();
  const keyBody =
    variant === 'firebase-x509' ? { [kit.kid]: kit.certificate } : { keys: [kit.jwk] };
  server.serve('/keys', { body: keyBody, maxAgeS: 300 });
  const issuer = variant === 'oidc' ? server.url : 'https://securetoken.google.com/demo-proj';
  const audience = variant === 'oidc' ? 'client-1' : 'demo-proj';
  server.serve('/.well-known/openid-configuration', {
    body: {
      issuer,
      jwks_uri: `${server.url}/keys`,
      authorization_endpoint: `${server.url}/authorize`,
    },
  });
  const build = (): AuthProvider =>
    variant === 'oidc'
      ? createOidcProvider({ issuer, clientId: audience, adminEmails: ADMINS, timeoutMs: 300 })
      : createFirebaseProvider({
          projectId: 'demo-proj',
          adminEmails: ADMINS,
          keys: createKeyFetcher({ url: `${server.url}/keys`, timeoutMs: 300 }),
        });
  const claims = (extra = {}) =>
    firebaseClaims('demo-proj', nowS(), { iss: issuer, aud: audience, nonce: 'n-1', ...extra });
  const valid = () => kit.sign(claims());
  const other = await createTokenKit('k1');
  return {
    provider: build(),
    validBearer: valid,
    validLogin: async () => ({ idToken: await valid(), nonce: 'n-1' }),
    invalidBearers: async () => [
      '',
      'not.a.jwt',
      new UnsecuredJWT(claims()).encode(),
      await other.sign(claims()),
      await kit.sign(claims({ aud: 'someone-else' })),
      await kit.sign(claims({ exp: nowS() - 3600 })),
      await kit.sign(claims({ email: 'intruder@example.net' })),
    ],
    invalidLogins: async () => [
      {},
      { idToken: await other.sign(claims()), nonce: 'n-1' },
      { token: TOKEN },
      // An OIDC sign-in must answer our own request: its nonce is required and must match.
      ...(variant === 'oidc'
        ? [{ idToken: await valid() }, { idToken: await valid(), nonce: 'n-2' }]
        : []),
    ],
    breakKeys: () => {
      server.serve('/keys', { status: 500, body: {} });
      server.serve('/.well-known/openid-configuration', { status: 500, body: {} });
      return Promise.resolve(build());
    },
    close: () => server.close(),
  };
}

runProviderContract('firebase (JWKS)', () => identityFixture('firebase-jwks'));
runProviderContract('firebase (X.509 map made with openssl)', () =>
  identityFixture('firebase-x509'),
);
runProviderContract('oidc', () => identityFixture('oidc'));

runProviderContract('none', () =>
  Promise.resolve({
    provider: createNoneProvider(),
    validBearer: () => Promise.resolve('anything'),
    validLogin: () => Promise.resolve({}),
    invalidBearers: () => Promise.resolve([]),
    invalidLogins: () => Promise.resolve([]),
  }),
);
