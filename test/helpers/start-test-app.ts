import { mkdtempSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type RunningApp } from '../../src/app/create-app.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import type { LookupAll } from '../../src/net/validate-target.js';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface TestApp extends RunningApp {
  /** fetch against the admin port with the bearer token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  dataDir: string;
}

/** Collaborators a test can swap in: resolvers (no real DNS) and the log sink. */
export interface TestAppInjections {
  /** Resolver used when a target is validated. */
  lookupAll?: LookupAll;
  /** Resolver used on every new upstream connection (DNS-rebinding tests). */
  lookup?: LookupFunction;
  logDestination?: NodeJS.WritableStream;
}

/** Starts the real app in-process on loopback port 0 with a temp SQLite file (or memory). */
export async function startTestApp(
  overrides: Partial<Omit<Config, 'explicit'>> = {},
  injections: TestAppInjections = {},
): Promise<TestApp> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'am-test-'));
  const config = loadConfig({
    env: {},
    overrides: {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logLevel: 'silent',
      adminToken: TEST_TOKEN,
      flushIntervalMs: 10,
      // Generous: on a loaded 2-CPU runner the event loop can stall past a short timer.
      connectTimeoutMs: 2000,
      headersTimeoutMs: 1500,
      bodyTimeoutMs: 1500,
      drainTimeoutMs: 2000,
      ...overrides,
    },
  });
  const app = await createApp({ config, ...injections });
  return Object.assign(app, {
    dataDir,
    admin: (path: string, init: RequestInit = {}) =>
      fetch(`${app.adminUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${TEST_TOKEN}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
  });
}
