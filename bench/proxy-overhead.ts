import type { ChildProcess } from 'node:child_process';
import {
  distRoot,
  freePortBase,
  hasWrk,
  measureRound,
  median,
  startNode,
  startProxy,
  wrk,
  captureDrops,
} from './lib/processes.js';

/**
 * bench/proxy-overhead: the same bounded wrk load direct to a ~1 KB JSON backend, through a
 * bare undici proxy (bench/lib/bare-proxy: what Node itself costs) and through the proxy
 * (learning on, and learning off), interleaved over ROUNDS rounds in one run; then
 * the added p50/p99 latency at a fixed 1,000 req/s. Only same-run ratios are meaningful.
 */
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 5);

async function main(): Promise<void> {
  if (!hasWrk()) {
    console.log('wrk is not installed (apt-get install wrk); skipping.');
    return;
  }
  const children: ChildProcess[] = [];
  try {
    const backend = await startNode(new URL('bench/lib/bench-backend.js', distRoot), ['0']);
    children.push(backend.child);
    const direct = `http://127.0.0.1:${backend.line}/items`;
    const base = freePortBase();
    children.push(await startProxy(`http://127.0.0.1:${backend.line}`, base));
    // COMPARE=health compares health scoring on vs off instead of learning on vs off.
    const feature = process.env.COMPARE === 'health' ? 'health' : 'learning';
    children.push(
      await startProxy(
        `http://127.0.0.1:${backend.line}`,
        base + 1,
        feature === 'health' ? { HEALTH: 'false' } : { LEARNING: 'false' },
      ),
    );
    const bare = await startNode(new URL('bench/lib/bare-proxy.js', distRoot), [backend.line]);
    children.push(bare.child);
    const bareProxy = `http://127.0.0.1:${bare.line}/items`;
    const learningOn = `http://127.0.0.1:${base}/items`;
    const learningOff = `http://127.0.0.1:${base + 1}/items`;
    // Warm up connections, the JIT and the learned endpoint.
    for (const url of [direct, bareProxy, learningOn, learningOff]) wrk(url, 2);
    const rows: { direct: number; bare: number; on: number; off: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const row = measureRound(round, {
        direct: () => wrk(direct, SECONDS),
        bare: () => wrk(bareProxy, SECONDS),
        on: () => wrk(learningOn, SECONDS),
        off: () => wrk(learningOff, SECONDS),
      });
      rows.push(row);
      console.log(
        `round ${round}: direct ${row.direct.toFixed(0)} req/s, bare undici proxy ${row.bare.toFixed(0)} (${(row.bare / row.direct).toFixed(2)}×), proxy ${row.on.toFixed(0)} (${(row.on / row.direct).toFixed(2)}×), proxy without ${feature} ${row.off.toFixed(0)} (${(row.off / row.direct).toFixed(2)}×)`,
      );
    }
    const fixed = async (url: string) =>
      JSON.parse(
        (
          await startNode(new URL('bench/lib/fixed-rate.js', distRoot), [
            url,
            '1000',
            String(SECONDS),
          ])
        ).line,
      ) as {
        p50: number;
        p99: number;
        errors: number;
      };
    const latencyRows: { p50: number; p99: number }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const d = await fixed(direct);
      const p = await fixed(learningOn);
      latencyRows.push({ p50: p.p50 - d.p50, p99: p.p99 - d.p99 });
      console.log(
        `round ${round} @1000 req/s: direct p50 ${d.p50.toFixed(2)} p99 ${d.p99.toFixed(2)} ms; proxy p50 ${p.p50.toFixed(2)} p99 ${p.p99.toFixed(2)} ms`,
      );
    }
    const ratioOn = median(rows.map((r) => r.on / r.direct));
    const ratioOff = median(rows.map((r) => r.off / r.direct));
    console.log('\nmedian of', ROUNDS, 'interleaved rounds:');
    console.log(`  direct                  ${median(rows.map((r) => r.direct)).toFixed(0)} req/s`);
    console.log(
      `  bare undici proxy       ${median(rows.map((r) => r.bare)).toFixed(0)} req/s  ratio ${median(rows.map((r) => r.bare / r.direct)).toFixed(3)}×  (the ceiling for a Node proxy here)`,
    );
    console.log(`  proxy / bare proxy      ${median(rows.map((r) => r.on / r.bare)).toFixed(3)}`);
    console.log(
      `  proxy                   ${median(rows.map((r) => r.on)).toFixed(0)} req/s  ratio ${ratioOn.toFixed(3)}×`,
    );
    console.log(
      `  proxy without ${feature.padEnd(9)} ${median(rows.map((r) => r.off)).toFixed(0)} req/s  ratio ${ratioOff.toFixed(3)}×`,
    );
    console.log(`  ${feature} on / off     ${median(rows.map((r) => r.on / r.off)).toFixed(3)}`);
    console.log(
      `  capture queue drops: proxy ${await captureDrops(base)}, proxy without ${feature} ${await captureDrops(base + 1)}`,
    );
    console.log(
      `  added latency @1000 req/s: p50 ${median(latencyRows.map((r) => r.p50)).toFixed(2)} ms, p99 ${median(latencyRows.map((r) => r.p99)).toFixed(2)} ms`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

void main();
