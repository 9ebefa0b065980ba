import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendRequest } from '../../helpers/send-request.js';
import { CLI_PATH, spawnCli } from '../../helpers/spawn-cli.js';

/** Runs `start` expecting it to refuse: resolves with the exit code and stderr. */
function startExpectingRefusal(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'start', '--port', '0', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        STORE: 'memory',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'am-cli-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the process did not refuse to start'));
    }, 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up refuses configurations that would fail open', () => {
  it.each([
    [
      'A-95 no auth configured on a non-loopback bind',
      ['--host', '0.0.0.0'],
      {},
      /exposes the admin API beyond this machine/,
    ],
    [
      'AUTH_PROVIDER=none on a non-loopback bind',
      ['--host', '0.0.0.0'],
      { AUTH_PROVIDER: 'none' },
      /AUTH_PROVIDER=none/,
    ],
    [
      'A-81 the Firebase emulator switch on a non-loopback bind',
      ['--host', '0.0.0.0'],
      {
        AUTH_PROVIDER: 'firebase',
        FIREBASE_PROJECT_ID: 'demo-proj',
        ADMIN_EMAILS: 'a@example.com',
        FIREBASE_AUTH_EMULATOR_HOST: '127.0.0.1:9099',
      },
      /FIREBASE_AUTH_EMULATOR_HOST/,
    ],
    [
      'firebase without ADMIN_EMAILS',
      [],
      { AUTH_PROVIDER: 'firebase', FIREBASE_PROJECT_ID: 'demo-proj' },
      /needs ADMIN_EMAILS/,
    ],
  ])('%s: exits non-zero with a clear message', async (_name, args, env, message) => {
    const { code, stderr } = await startExpectingRefusal(args, env);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
  });

  it('A-95 on loopback a token is generated, printed once, absent from the logs, and required everywhere', async () => {
    const cli = await spawnCli([], {
      STORE: 'memory',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'am-cli-')),
      LOG_LEVEL: 'debug',
    });
    try {
      const token = /Admin token \(shown once, stored hashed\): (\S+)/.exec(cli.stdout())?.[1];
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const host = `127.0.0.1:${cli.adminPort}`;
      const get = (authorization?: string) =>
        sendRequest(cli.adminPort, {
          path: '/admin/config',
          headers: { host, ...(authorization ? { authorization } : {}) },
        });
      expect((await get()).status).toBe(401);
      expect((await get(`Bearer ${'A'.repeat(43)}`)).status).toBe(401);
      expect((await get(`Bearer ${token!}`)).status).toBe(200);
      expect(cli.stderr()).not.toContain(token!);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });
});
