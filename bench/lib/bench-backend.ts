import { createServer } from 'node:http';

/** A small backend answering ~1 KB of JSON (run as its own process by the benchmarks). */
const items = Array.from({ length: 8 }, (_, i) => ({
  id: i + 1,
  name: `Item number ${i + 1}`,
  email: `user${i + 1}@example.com`,
  active: i % 2 === 0,
  score: 3.5 + i,
  created_at: '2026-01-01T10:00:00Z',
}));
const body = Buffer.from(JSON.stringify({ items, total: items.length, page: 1 }));

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
