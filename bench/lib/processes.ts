import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const distRoot = new URL('../../', import.meta.url);

/** Starts a node script and resolves with the first line it prints (a port, usually). */
export function startNode(
  script: URL,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; line: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script.pathname, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline !== -1) resolve({ child, line: out.slice(0, newline).trim() });
    });
    child.once('exit', (code) => reject(new Error(`${script.pathname} exited with ${code}`)));
  });
}

/** The admin token every benchmark proxy starts with (loopback only). */
export const BENCH_TOKEN = 'bench-token-0123456789';

/**
 * Exchanges the proxy on `port` dropped from its capture queue so far. A benchmark reports it:
 * the pipeline must keep up with saturation, not shed it to look faster.
 */
export async function captureDrops(port: number): Promise<string> {
  const read = () =>
    fetch(`http://127.0.0.1:${port}/admin/metrics`, {
      headers: { authorization: `Bearer ${BENCH_TOKEN}` },
    }).then((response) => response.text());
  // A keep-alive connection idle since the set-up may be closed by now: one retry opens a fresh one.
  const text = await read().catch(read);
  return /^adaptive_mock_capture_dropped (\d+)/m.exec(text)?.[1] ?? '?';
}

/** Starts the built CLI on a free port and resolves once it prints its banner. */
export async function startProxy(
  target: string,
  port: number,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'am-bench-'));
  const child = spawn(
    process.execPath,
    [
      new URL('src/cli/main.js', distRoot).pathname,
      'start',
      '--target',
      target,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--log-level',
      'warn',
    ],
    {
      env: { ...process.env, ADMIN_TOKEN: BENCH_TOKEN, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Adaptive Mock is running')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
  });
  return child;
}

/** What one bounded wrk run measured. */
export interface WrkResult {
  requestsPerSec: number;
  /** 99th percentile latency in ms (wrk --latency). */
  p99Ms: number;
  /** Socket errors and non-2xx/3xx answers wrk counted. */
  errors: number;
}

const WRK_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

/** Runs wrk (bounded: -d seconds, killed 20 s after) with its latency distribution. */
export function runWrk(url: string, seconds: number, connections = 50): WrkResult {
  const result = spawnSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', url], {
    encoding: 'utf8',
    timeout: (seconds + 20) * 1000,
  });
  const out = result.stdout ?? '';
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(out);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(out);
  if (!rps || !p99) throw new Error(`wrk failed: ${result.stderr || out}`);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    out,
  );
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {
    requestsPerSec: Number(rps[1]),
    p99Ms: Number(p99[1]) * (WRK_UNITS[p99[2]!] ?? 1),
    errors:
      (socketErrors ? socketErrors.slice(1).reduce((n, v) => n + Number(v), 0) : 0) +
      Number(non2xx?.[1] ?? 0),
  };
}

/** Runs wrk (bounded: -d seconds) and returns requests per second. */
export function wrk(url: string, seconds: number, connections = 50): number {
  return runWrk(url, seconds, connections).requestsPerSec;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

export function freePortBase(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

/**
 * Runs one round's measurements, in the given order on odd rounds and reversed on even
 * ones, so no variant always runs first or always right after the same other one.
 */
export function measureRound<K extends string, T>(
  round: number,
  runs: Record<K, () => T>,
): Record<K, T> {
  const keys = Object.keys(runs) as K[];
  if (round % 2 === 0) keys.reverse();
  const out = {} as Record<K, T>;
  for (const key of keys) out[key] = runs[key]();
  return out;
}
