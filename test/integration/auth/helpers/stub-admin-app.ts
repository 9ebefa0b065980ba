import type { AdminDeps } from '../../../../src/admin/admin-deps.js';
import { hashToken } from '../../../../src/admin/auth/admin-token.js';
import { createAuthenticator } from '../../../../src/admin/auth/authenticator.js';
import { createLocalProvider } from '../../../../src/admin/auth/create-local-provider.js';
import { createRequestPolicy } from '../../../../src/admin/auth/create-request-policy.js';
import { createAdminApp, type AdminApp } from '../../../../src/admin/create-admin-app.js';
import { loadConfig } from '../../../../src/config/load-config.js';
import { createLogger } from '../../../../src/logger.js';
import type { EngineApi } from '../../../../src/pipeline/engine-api.js';
import { RuntimeState } from '../../../../src/state/runtime-state.js';

export const STUB_TOKEN = 'stub-admin-token-0123456789abcdef';

/** Stands in for any collaborator this helper does not know (new deps keep the test running). */
function inert(): unknown {
  const target = function () {} as unknown as object;
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => (key === 'then' ? undefined : proxy),
    apply: () => proxy,
  });
  return proxy;
}

/**
 * The real admin app (every route, the real auth hook, the local provider) over stub
 * collaborators: an unauthenticated request never reaches a handler, so none is needed.
 */
export function createStubAdminApp(): Promise<AdminApp> {
  const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
  const engine = new Proxy({} as EngineApi, {
    get: () => () => Promise.reject(new Error('the engine is not part of this test')),
  });
  const known: Partial<AdminDeps> = {
    config,
    state: new RuntimeState({ target: undefined, mode: 'proxy', learning: true }),
    engine,
    auth: createAuthenticator({
      provider: createLocalProvider({
        tokenHash: () => hashToken(STUB_TOKEN),
        loadUsers: () => Promise.resolve(new Map()),
      }),
      policy: createRequestPolicy(config),
      sessionTtlMs: 60_000,
      rateLimit: { perMinute: 1000, burst: 1000 },
    }),
    logger: createLogger('silent'),
    version: 'test',
    store: { kind: 'memory', location: 'memory' },
    counters: () => ({ queued: 0, dropped: 0, enqueued: 0, pendingBatches: 0 }),
    validateTarget: () => Promise.reject(new Error('not used')),
  };
  const deps = new Proxy(known, {
    get: (target, key: string) => (key in target ? target[key as keyof AdminDeps] : inert()),
  });
  return createAdminApp(deps as AdminDeps);
}
