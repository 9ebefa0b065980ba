import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers: JSON (or raw text), a status, a Cache-Control max-age; or it hangs. */
export type Reply = { status?: number; body: unknown; raw?: boolean; maxAgeS?: number } | 'hang';

export interface JsonServer {
  url: string;
  serve(path: string, reply: Reply): void;
  hits(path: string): number;
  close(): Promise<void>;
}

/**
 * A loopback JSON server for key sets, OIDC discovery and canaries (RELIABILITY.md §6
 * `jwksServer`). Every request is counted per path; unknown paths answer 404.
 */
export async function startJsonServer(host = '127.0.0.1'): Promise<JsonServer> {
  const replies = new Map<string, Reply>();
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const reply = replies.get(path);
    if (reply === 'hang') return;
    if (!reply) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (reply.maxAgeS !== undefined) headers['cache-control'] = `public, max-age=${reply.maxAgeS}`;
    res
      .writeHead(reply.status ?? 200, headers)
      .end(reply.raw ? String(reply.body) : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    serve: (path, reply) => void replies.set(path, reply),
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
