import { createServer, type AddressInfo, type Socket } from 'node:net';

export interface Canary {
  host: string;
  port: number;
  /** Connections accepted so far; SSRF tests expect this to stay 0. */
  connections: number;
  close(): Promise<void>;
}

/** A TCP listener that only counts connections (the "must never be reached" host). */
export async function startCanary(host = '127.0.0.3', port = 0): Promise<Canary> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    canary.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const canary: Canary = {
    host,
    port: 0,
    connections: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  canary.port = (server.address() as AddressInfo).port;
  return canary;
}
