import type { AuthProvider, Verdict } from './auth-provider.js';

const ANONYMOUS: Verdict = { ok: true, principal: { id: 'anonymous', kind: 'anonymous' } };

/**
 * No authentication. Only for a loopback bind and only when chosen explicitly
 * (AUTH_PROVIDER=none); config loading and createAuthProvider both refuse it otherwise.
 */
export function createNoneProvider(): AuthProvider {
  return {
    kind: 'none',
    verifyBearer: () => Promise.resolve(ANONYMOUS),
    verifyLogin: () => Promise.resolve(ANONYMOUS),
    loginOptions: () => Promise.resolve({ provider: 'none' }),
  };
}
