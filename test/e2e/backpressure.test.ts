import { mkdtempSync } from 'node:fs';
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCli, type CliProcess } from '../helpers/spawn-cli.js';

const MiB = 1024 * 1024;
/** Uploaded through the proxy (the catalogue's 1 GiB, scaled to keep the test short). */
const UPLOAD_TOTAL = 256 * MiB;
/** Offered by the origin for download; the client aborts long before the end. */
const DOWNLOAD_TOTAL = 1024 * MiB;
/** The catalogue's memory bound for the proxy process while it relays a large body. */
const RSS_GROWTH_LIMIT = 64 * MiB;
const SLOW_PHASE_MS = 3000;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Samples the child's RSS every 50 ms; `stop()` returns the peak in bytes. */
function sampleRss(cli: CliProcess): { stop(): number } {
  let peak = cli.rssKiB();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, cli.rssKiB());
    } catch {
      // The process is gone; the last peak stands.
    }
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return peak * 1024;
    },
  };
}

/** A sink that consumes about 1 MiB/s until `slowUntil`, then as fast as it can. */
function throttledSink(slowUntil: number, counter: { bytes: number }): Writable {
  return new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (performance.now() < slowUntil) setTimeout(callback, chunk.length / 1024);
      else callback();
    },
  });
}

async function startProxy(target: string): Promise<CliProcess> {
  const cli = await spawnCli(
    [
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'am-bp-')),
      '--target',
      target,
      '--log-level',
      'warn',
      '--max-request-bytes',
      '0',
    ],
    { ADMIN_TOKEN: 'backpressure-token-0123456789' },
  );
  // Warm up (first request, pool, worker) so the baseline RSS is the steady state.
  await new Promise<void>((resolve, reject) => {
    request({ host: '127.0.0.1', port: cli.proxyPort, path: '/warmup' }, (res) => {
      res.resume();
      res.on('end', resolve);
    })
      .on('error', reject)
      .end();
  });
  await sleep(300);
  return cli;
}

describe('e2e: streaming with backpressure (child-process proxy, RSS from procfs)', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('P0-29 a 256 MiB upload to a slow origin: proxy RSS grows < 64 MiB, the client sees backpressure', async () => {
    const received = { bytes: 0 };
    let slowUntil = Infinity;
    const origin = await listen((req, res) => {
      if (req.url === '/warmup') return void res.end('ok');
      slowUntil = performance.now() + SLOW_PHASE_MS;
      req
        .pipe(throttledSink(slowUntil, received))
        .on('finish', () => res.end(String(received.bytes)));
    });
    cleanups.push(
      () => void origin.closeAllConnections(),
      () => new Promise<void>((r) => origin.close(() => r())),
    );
    const cli = await startProxy(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`);
    cleanups.push(() => void cli.child.kill('SIGKILL'));
    const baseline = cli.rssKiB() * 1024;
    const rss = sampleRss(cli);

    let sent = 0;
    let drains = 0;
    let sentDuringSlowPhase = 0;
    const answer = await new Promise<string>((resolve, reject) => {
      const upload = request(
        {
          host: '127.0.0.1',
          port: cli.proxyPort,
          method: 'POST',
          path: '/upload',
          headers: { 'content-type': 'application/octet-stream', 'content-length': UPLOAD_TOTAL },
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        },
      );
      upload.on('error', reject);
      const pump = () => {
        while (sent < UPLOAD_TOTAL) {
          sent += CHUNK.length;
          if (performance.now() < slowUntil) sentDuringSlowPhase = sent;
          if (!upload.write(CHUNK)) {
            drains++;
            upload.once('drain', pump);
            return;
          }
        }
        upload.end();
      };
      pump();
    });
    const peak = rss.stop();
    expect(answer).toBe(String(UPLOAD_TOTAL));
    expect(drains).toBeGreaterThan(0);
    // Without backpressure the client would push everything during the slow phase.
    expect(sentDuringSlowPhase).toBeLessThan(64 * MiB);
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_LIMIT);
  }, 30_000);

  it('P0-30 a 1 GiB download read at 1 MiB/s then aborted: proxy RSS grows < 64 MiB, the origin waits for drain', async () => {
    const stats = { written: 0, falseWrites: 0, closed: false };
    const origin = await listen((req, res) => {
      if (req.url === '/warmup') return void res.end('ok');
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': DOWNLOAD_TOTAL,
      });
      res.on('close', () => (stats.closed = true));
      const pump = () => {
        while (stats.written < DOWNLOAD_TOTAL && !res.destroyed) {
          stats.written += CHUNK.length;
          if (!res.write(CHUNK)) {
            stats.falseWrites++;
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    cleanups.push(
      () => void origin.closeAllConnections(),
      () => new Promise<void>((r) => origin.close(() => r())),
    );
    const cli = await startProxy(`http://127.0.0.1:${(origin.address() as AddressInfo).port}`);
    cleanups.push(() => void cli.child.kill('SIGKILL'));
    const baseline = cli.rssKiB() * 1024;
    const rss = sampleRss(cli);

    const read = { bytes: 0 };
    await new Promise<void>((resolve, reject) => {
      const download = request(
        { host: '127.0.0.1', port: cli.proxyPort, path: '/download' },
        (res) => {
          res.pipe(throttledSink(performance.now() + SLOW_PHASE_MS + 60_000, read));
          setTimeout(() => {
            download.destroy();
            resolve();
          }, SLOW_PHASE_MS);
        },
      );
      download.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      download.end();
    });
    const deadline = Date.now() + 3000;
    while (!stats.closed && Date.now() < deadline) await sleep(20);
    const peak = rss.stop();
    expect(read.bytes).toBeLessThan(8 * MiB);
    expect(stats.falseWrites).toBeGreaterThan(0);
    expect(stats.written).toBeLessThan(64 * MiB);
    expect(stats.closed).toBe(true);
    expect(peak - baseline).toBeLessThan(RSS_GROWTH_LIMIT);
  }, 30_000);
});
