import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EchoRecord {
  method: string;
  url: string;
  rawHeaders: string[];
  bodyLen: number;
  bodySha256: string;
}

export interface EchoOrigin {
  url: string;
  port: number;
  server: Server;
  connections: number;
  requests: EchoRecord[];
  /** Replace the default echo with a custom handler (body already read). */
  handler: ((req: IncomingMessage, res: ServerResponse, body: Buffer) => void) | undefined;
  close(): Promise<void>;
}

/** A loopback origin that answers JSON describing exactly what it received. */
export async function startEchoOrigin(host = '127.0.0.1'): Promise<EchoOrigin> {
  const sockets = new Set<Socket>();
  const origin: EchoOrigin = {
    url: '',
    port: 0,
    server: undefined as unknown as Server,
    connections: 0,
    requests: [],
    handler: undefined,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => origin.server.close(() => resolve()));
    },
  };
  origin.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const record: EchoRecord = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders: req.rawHeaders,
        bodyLen: body.length,
        bodySha256: createHash('sha256').update(body).digest('hex'),
      };
      origin.requests.push(record);
      if (origin.handler) return origin.handler(req, res, body);
      const json = JSON.stringify(record);
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    });
  });
  origin.server.on('connection', (socket: Socket) => {
    origin.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => origin.server.listen(0, host, resolve));
  origin.port = (origin.server.address() as AddressInfo).port;
  origin.url = `http://${host}:${origin.port}`;
  return origin;
}

/** Reads a header (case-insensitive) from a raw header list; all values in order. */
export function rawValues(raw: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.toLowerCase() === name.toLowerCase()) out.push(raw[i + 1]!);
  return out;
}
