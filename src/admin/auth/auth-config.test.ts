import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load-config.js';
import { createLogger } from '../../logger.js';
import { createAuthProvider } from './create-auth-provider.js';

const firebase = {
  AUTH_PROVIDER: 'firebase',
  FIREBASE_PROJECT_ID: 'demo-proj',
  ADMIN_EMAILS: 'a@example.com',
};

describe('auth configuration fails closed at start', () => {
  it.each([
    [
      'A-95 no auth chosen on a non-loopback bind',
      { HOST: '0.0.0.0' },
      /exposes the admin API beyond this machine/,
    ],
    [
      'none on a non-loopback bind',
      { AUTH_PROVIDER: 'none', HOST: '0.0.0.0' },
      /AUTH_PROVIDER=none .* loopback HOST/,
    ],
    [
      'firebase without a project',
      { AUTH_PROVIDER: 'firebase', ADMIN_EMAILS: 'a@example.com' },
      /FIREBASE_PROJECT_ID/,
    ],
    [
      'firebase without an allow-list',
      { AUTH_PROVIDER: 'firebase', FIREBASE_PROJECT_ID: 'p' },
      /needs ADMIN_EMAILS/,
    ],
    [
      'A-81 emulator on a non-loopback bind',
      { ...firebase, HOST: '0.0.0.0', FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099' },
      /EMULATOR_HOST .* refused/,
    ],
    [
      'a plain-http key URL off loopback',
      { ...firebase, FIREBASE_KEYS_URL: 'http://keys.example.com/jwks' },
      /FIREBASE_KEYS_URL must be an https URL/,
    ],
    [
      'oidc without a client id',
      {
        AUTH_PROVIDER: 'oidc',
        OIDC_ISSUER: 'https://id.example.com',
        ADMIN_EMAILS: 'a@example.com',
      },
      /OIDC_CLIENT_ID/,
    ],
    [
      'an allowed origin with a path',
      { ALLOWED_ORIGINS: 'https://app.example.com/x' },
      /ALLOWED_ORIGINS entries must be origins/,
    ],
  ])('%s', (_name, env, message) => {
    expect(() => loadConfig({ env })).toThrow(message);
  });

  it.each([
    ['loopback default', {}],
    ['explicit ADMIN_TOKEN on 0.0.0.0', { HOST: '0.0.0.0', ADMIN_TOKEN: 'x'.repeat(32) }],
    ['explicit local provider on 0.0.0.0', { HOST: '0.0.0.0', AUTH_PROVIDER: 'local' }],
    ['none on loopback', { AUTH_PROVIDER: 'none', HOST: 'localhost' }],
    ['firebase with project and allow-list', { ...firebase, HOST: '0.0.0.0' }],
  ])('accepts %s', (_name, env) => {
    expect(() => loadConfig({ env })).not.toThrow();
  });

  it('createAuthProvider refuses none off loopback even when config checks were bypassed', () => {
    const config = { ...loadConfig({ env: { AUTH_PROVIDER: 'none' } }), host: '0.0.0.0' };
    const deps = {
      tokenHash: () => undefined,
      loadUsers: () => Promise.resolve(new Map()),
      logger: createLogger('silent'),
    };
    expect(() => createAuthProvider(config, deps)).toThrow(/refused on a non-loopback HOST/);
  });
});
