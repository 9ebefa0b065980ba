import { connect } from 'node:net';

export interface RawResponse {
  text: string;
  closed: boolean;
  statusCodes: number[];
}

/**
 * Writes exact bytes to a port and collects the answer until the socket closes or stays
 * idle for `idleMs` (undici and fetch would normalise what these tests must send raw).
 */
export function rawRequest(
  port: number,
  payload: string | Buffer | (string | Buffer)[],
  options: { idleMs?: number; gapMs?: number; host?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, options.host ?? '127.0.0.1');
    const chunks: Buffer[] = [];
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const statusCodes = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1]));
      socket.destroy();
      resolve({ text, closed, statusCodes });
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, options.idleMs ?? 400);
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      arm();
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', (e) => (chunks.length ? finish() : reject(e)));
    socket.on('connect', () => {
      const parts = Array.isArray(payload) ? payload : [payload];
      let i = 0;
      const writeNext = () => {
        if (i >= parts.length) return arm();
        socket.write(parts[i++]!);
        if (options.gapMs) setTimeout(writeNext, options.gapMs);
        else writeNext();
      };
      writeNext();
    });
  });
}
