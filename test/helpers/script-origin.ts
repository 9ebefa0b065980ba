import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ScriptOrigin {
  url: string;
  port: number;
  connections: number;
  bytesReceived: number;
  close(): Promise<void>;
}

/**
 * A raw TCP origin: `onRequest(socket, bytes)` is called when a request head has arrived
 * and may write any bytes, stall, reset or close (faults a real HTTP server cannot make).
 */
export async function startScriptOrigin(
  onRequest: (socket: Socket, head: string, index: number) => void,
): Promise<ScriptOrigin> {
  const sockets = new Set<Socket>();
  let requestIndex = 0;
  const origin: ScriptOrigin = {
    url: '',
    port: 0,
    connections: 0,
    bytesReceived: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: Server = createServer((socket) => {
    origin.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      origin.bytesReceived += chunk.length;
      buffer += chunk.toString('latin1');
      let end: number;
      while ((end = buffer.indexOf('\r\n\r\n')) !== -1) {
        const head = buffer.slice(0, end);
        buffer = buffer.slice(end + 4);
        const length = /content-length:\s*(\d+)/i.exec(head);
        if (length) buffer = buffer.slice(Number(length[1]));
        onRequest(socket, head, requestIndex++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin.port = (server.address() as AddressInfo).port;
  origin.url = `http://127.0.0.1:${origin.port}`;
  return origin;
}
