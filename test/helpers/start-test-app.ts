import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type RunningApp } from '../../src/app/create-app.js';
import { loadConfig, type Config } from '../../src/config/load-config.js';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface TestApp extends RunningApp {
  /** fetch against the admin port with the bearer token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  dataDir: string;
}

/** Starts the real app in-process on loopback port 0 with a temp SQLite file (or memory). */
export async function startTestApp(overrides: Partial<Omit<Config, 'explicit'>> = {}): Promise<TestApp> {
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
      connectTimeoutMs: 500,
      headersTimeoutMs: 1500,
      bodyTimeoutMs: 1500,
      drainTimeoutMs: 2000,
      ...overrides,
    },
  });
  const app = await createApp({ config });
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
