import { isLoopbackHost, type Config } from '../../config/load-config.js';
import type { Logger } from '../../logger.js';
import type { AuthProvider } from './auth-provider.js';
import { createFirebaseProvider } from './create-firebase-provider.js';
import { createKeyFetcher } from './create-key-fetcher.js';
import { checkAdminToken, createLocalProvider } from './create-local-provider.js';
import { createNoneProvider } from './create-none-provider.js';
import { createOidcProvider } from './create-oidc-provider.js';
import type { LocalUser } from './local-users.js';

export type AuthConfig = Pick<
  Config,
  | 'authProvider'
  | 'host'
  | 'adminEmails'
  | 'firebaseProjectId'
  | 'firebaseApiKey'
  | 'firebaseAuthDomain'
  | 'firebaseAppId'
  | 'firebaseKeysUrl'
  | 'firebaseAuthEmulatorHost'
  | 'oidcIssuer'
  | 'oidcClientId'
>;

export interface AuthProviderDeps {
  /** SHA-256 of the admin token; undefined when there is none (firebase/oidc without ADMIN_TOKEN). */
  tokenHash: () => string | undefined;
  loadUsers: () => Promise<Map<string, LocalUser>>;
  logger: Logger;
  now?: () => number;
  /** Key and discovery fetch timeout (tests use 300 ms). */
  fetchTimeoutMs?: number;
  /** Smallest gap between refetches for unknown kids or after failures. */
  fetchCooldownMs?: number;
}

/**
 * With an identity provider, an explicitly configured ADMIN_TOKEN stays valid as a
 * service token for scripts and CI; none is ever generated in those modes.
 */
function withServiceToken(
  provider: AuthProvider,
  tokenHash: () => string | undefined,
): AuthProvider {
  return {
    ...provider,
    verifyBearer(token) {
      const hash = tokenHash();
      if (hash !== undefined) {
        const verdict = checkAdminToken(token, hash);
        if (verdict.ok) return Promise.resolve(verdict);
      }
      return provider.verifyBearer(token);
    },
  };
}

/** Chooses and builds the provider named by AUTH_PROVIDER. Throws on a configuration that would fail open. */
export function createAuthProvider(config: AuthConfig, deps: AuthProviderDeps): AuthProvider {
  const fetching = {
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.fetchTimeoutMs ? { timeoutMs: deps.fetchTimeoutMs } : {}),
    ...(deps.fetchCooldownMs !== undefined ? { cooldownMs: deps.fetchCooldownMs } : {}),
  };
  switch (config.authProvider) {
    case 'local':
      return createLocalProvider({
        tokenHash: () => {
          const hash = deps.tokenHash();
          if (hash === undefined) throw new Error('the local provider needs an admin token');
          return hash;
        },
        loadUsers: deps.loadUsers,
      });
    case 'none':
      if (!isLoopbackHost(config.host))
        throw new Error(`AUTH_PROVIDER=none is refused on a non-loopback HOST (${config.host})`);
      deps.logger.warn(
        'AUTH_PROVIDER=none: the dashboard and /admin API accept every local request without credentials',
      );
      return createNoneProvider();
    case 'firebase': {
      const projectId = config.firebaseProjectId;
      if (!projectId || config.adminEmails.length === 0)
        throw new Error('AUTH_PROVIDER=firebase needs FIREBASE_PROJECT_ID and ADMIN_EMAILS');
      const emulatorHost = config.firebaseAuthEmulatorHost;
      if (emulatorHost) {
        if (!isLoopbackHost(config.host))
          throw new Error('FIREBASE_AUTH_EMULATOR_HOST is refused on a non-loopback HOST');
        deps.logger.warn(
          { emulatorHost },
          'FIREBASE AUTH EMULATOR MODE: unsigned ID tokens are accepted (loopback only)',
        );
      }
      const provider = createFirebaseProvider({
        projectId,
        adminEmails: config.adminEmails,
        keys: createKeyFetcher({ url: config.firebaseKeysUrl, ...fetching }),
        ...(config.firebaseApiKey ? { apiKey: config.firebaseApiKey } : {}),
        ...(config.firebaseAuthDomain ? { authDomain: config.firebaseAuthDomain } : {}),
        ...(config.firebaseAppId ? { appId: config.firebaseAppId } : {}),
        ...(emulatorHost ? { emulatorHost } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      });
      if (!config.firebaseApiKey)
        deps.logger.warn(
          'FIREBASE_API_KEY is not set: the login page cannot sign in (bearer tokens still work)',
        );
      return withServiceToken(provider, deps.tokenHash);
    }
    case 'oidc': {
      if (!config.oidcIssuer || !config.oidcClientId || config.adminEmails.length === 0) {
        throw new Error('AUTH_PROVIDER=oidc needs OIDC_ISSUER, OIDC_CLIENT_ID and ADMIN_EMAILS');
      }
      const provider = createOidcProvider({
        issuer: config.oidcIssuer,
        clientId: config.oidcClientId,
        adminEmails: config.adminEmails,
        ...fetching,
      });
      return withServiceToken(provider, deps.tokenHash);
    }
  }
}
