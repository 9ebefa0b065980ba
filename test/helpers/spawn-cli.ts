import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built CLI next to this compiled helper (works from dist/ and any dist-* folder). */
export const CLI_PATH = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));

export interface CliProcess {
  child: ChildProcess;
  pid: number;
  proxyPort: number;
  adminPort: number;
  stdout(): string;
  stderr(): string;
  /** Resident set size of the child in KiB, read from procfs. */
  rssKiB(): number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Spawns `node <cli> start …` and resolves once the banner shows the listening ports.
 * Rejects (and kills the child) when no banner appears within `timeoutMs`.
 */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 15_000,
): Promise<CliProcess> {
  const child = spawn(
    process.execPath,
    [CLI_PATH, 'start', '--host', '127.0.0.1', '--port', '0', ...args],
    {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${reason}\nstdout: ${out}\nstderr: ${err.slice(-2000)}`));
    };
    const timer = setTimeout(() => fail(`CLI did not start within ${timeoutMs} ms`), timeoutMs);
    void exited.then(({ code, signal }) =>
      fail(`CLI exited early (code ${code}, signal ${signal})`),
    );
    child.stdout.on('data', () => {
      const proxy = /Proxy\s+http:\/\/[^\s]+:(\d+)/.exec(out);
      const admin = /Dashboard\s+http:\/\/[^\s]+:(\d+)/.exec(out);
      if (!proxy || !admin || child.pid === undefined) return;
      clearTimeout(timer);
      const pid = child.pid;
      resolve({
        child,
        pid,
        proxyPort: Number(proxy[1]),
        adminPort: Number(admin[1]),
        stdout: () => out,
        stderr: () => err,
        rssKiB: () =>
          Number(
            /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN,
          ),
        exited,
      });
    });
  });
}
