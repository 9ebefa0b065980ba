import { Agent, request } from 'node:http';

/**
 * Open-loop load at a fixed rate (wrk cannot hold a rate): prints p50/p99 latency in ms as
 * JSON. Usage: node fixed-rate.js <url> <ratePerSecond> <seconds>. Bounded in count and time.
 */
const [url = '', rateArg = '1000', secondsArg = '5'] = process.argv.slice(2);
const rate = Number(rateArg);
const total = Math.min(rate * Number(secondsArg), 100_000);
const target = new URL(url);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const latencies: number[] = [];
let sent = 0;
let errors = 0;
const start = performance.now();

function fire(): void {
  const t0 = performance.now();
  const req = request(
    { host: target.hostname, port: target.port, path: target.pathname, agent },
    (res) => {
      res.resume();
      res.on('end', () => latencies.push(performance.now() - t0));
    },
  );
  req.on('error', () => errors++);
  req.end();
}

const timer = setInterval(() => {
  const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
  while (sent < due) {
    fire();
    sent++;
  }
  if (sent >= total) {
    clearInterval(timer);
    setTimeout(() => {
      latencies.sort((a, b) => a - b);
      const q = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
      process.stdout.write(
        `${JSON.stringify({ count: latencies.length, errors, p50: q(0.5), p99: q(0.99) })}\n`,
      );
      agent.destroy();
    }, 1000);
  }
}, 2);
