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

/** An open raw connection a test drives step by step (write, wait for bytes, close). */
export interface RawSocket {
  write(data: string | Buffer): void;
  /** Resolves with everything received once it matches; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves true once the peer closed, false when it is still open after `timeoutMs`. */
  waitClosed(timeoutMs?: number): Promise<boolean>;
  text(): string;
  readonly closed: boolean;
  destroy(): void;
}

export function openRawSocket(port: number, host = '127.0.0.1'): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const chunks: Buffer[] = [];
    const waiters = new Set<() => void>();
    let closed = false;
    const notify = () => {
      for (const w of [...waiters]) w();
    };
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      notify();
    });
    socket.on('close', () => {
      closed = true;
      notify();
    });
    socket.on('error', () => undefined);
    const text = () => Buffer.concat(chunks).toString('latin1');
    const until = (done: () => boolean, timeoutMs: number) =>
      new Promise<boolean>((settle) => {
        const check = () => {
          if (!done()) return;
          cleanup();
          settle(true);
        };
        const timer = setTimeout(() => {
          cleanup();
          settle(false);
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        write: (data) => void socket.write(data),
        async waitFor(pattern, timeoutMs = 3000) {
          if (await until(() => pattern.test(text()), timeoutMs)) return text();
          throw new Error(
            `no ${String(pattern)} within ${timeoutMs} ms; got ${JSON.stringify(text().slice(0, 300))}`,
          );
        },
        waitClosed: (timeoutMs = 3000) => until(() => closed, timeoutMs),
        text,
        get closed() {
          return closed;
        },
        destroy: () => socket.destroy(),
      });
    });
    socket.once('error', reject);
  });
}

/** One response head parsed from raw bytes: status, header lines in order, body offset. */
export interface RawHead {
  status: number;
  headers: [string, string][];
  /** Offset in the text where the body (or the next response) starts. */
  bodyStart: number;
}

export function parseHead(text: string, from = 0): RawHead {
  const end = text.indexOf('\r\n\r\n', from);
  if (end === -1)
    throw new Error(`incomplete response head: ${JSON.stringify(text.slice(from, from + 200))}`);
  const [statusLine = '', ...lines] = text.slice(from, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { status, headers, bodyStart: end + 4 };
}

/** All values of a header (case-insensitive) in a parsed head. */
export function headValues(head: RawHead, name: string): string[] {
  return head.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}
