import { createServer } from 'node:http';
import { Pool } from 'undici';

/**
 * The reference point for bench/proxy-overhead: the smallest keep-alive proxy Node can run
 * on the same undici client (no header rewriting, capture, learning or error handling).
 * Usage: node bare-proxy.js <targetPort>; prints its own port.
 */
const pool = new Pool(`http://127.0.0.1:${process.argv[2] ?? ''}`, { connections: 128 });
const server = createServer((req, res) => {
  const headers: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    if (name !== 'connection' && name !== 'keep-alive') headers.push(name, req.rawHeaders[i + 1]!);
  }
  pool.dispatch(
    { path: req.url ?? '/', method: req.method ?? 'GET', headers },
    {
      onConnect: () => undefined,
      onHeaders(status, raw) {
        const out: string[] = [];
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i]!.toString('latin1');
          const lower = name.toLowerCase();
          if (lower !== 'connection' && lower !== 'keep-alive')
            out.push(name, raw[i + 1]!.toString('latin1'));
        }
        res.writeHead(status, out);
        return true;
      },
      onData: (chunk) => res.write(chunk),
      onComplete: () => res.end(),
      onError: () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      },
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
