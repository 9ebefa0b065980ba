import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { platformPathOf } from './platform-path.js';
import { sendProblem } from './send-problem.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface FrontDoorOptions {
  host: string;
  port: number;
  /** When set, platform routes live on this port and `port` proxies every path. */
  adminPort: number | undefined;
  proxy: RequestHandler;
  admin: RequestHandler;
  /** WebSocket upgrades of platform paths (the live stream). */
  adminUpgrade: UpgradeHandler;
  /** Largest request body accepted, checked before `100 Continue` is sent (0 = unlimited). */
  maxRequestBytes: number;
  clientHeadersTimeoutMs: number;
  logger: Logger;
}

export interface FrontDoor {
  readonly servers: Server[];
  listen(): Promise<{ proxyPort: number; adminPort: number }>;
  /** Stops accepting, lets in-flight requests finish up to `timeoutMs`, then closes the rest. */
  close(timeoutMs: number, inFlight: () => number): Promise<void>;
}

function countHost(raw: string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.length === 4 && raw[i]!.toLowerCase() === 'host') n++;
  return n;
}

function rejectRaw(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The one node:http entry point. It applies the checks Node's parser leaves to us
 * (duplicate Host, absolute-form targets, CONNECT) and routes each request to the admin
 * app or the proxy by its normalised path. Platform requests are handed to the admin app
 * with req.url rewritten to that normalised path, so the router sees what we classified.
 */
export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const separate = options.adminPort !== undefined;

  const guard = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (countHost(req.rawHeaders) > 1) {
      res.shouldKeepAlive = false;
      sendProblem(
        res,
        new AppError('BAD_REQUEST', 'A request must carry exactly one Host header.'),
      );
      return false;
    }
    const url = req.url ?? '';
    if (!url.startsWith('/') && url !== '*') {
      res.shouldKeepAlive = false;
      sendProblem(
        res,
        new AppError('BAD_REQUEST', 'Only origin-form request targets (/path) are accepted.'),
      );
      return false;
    }
    return true;
  };

  const dispatch = (adminOnly: boolean, proxyOnly: boolean): RequestHandler => {
    return (req, res) => {
      if (!guard(req, res)) return;
      const url = req.url ?? '/';
      if (proxyOnly) return options.proxy(req, res);
      const platformPath = platformPathOf(req.method ?? 'GET', url);
      if (adminOnly || platformPath !== undefined) {
        if (platformPath !== undefined) {
          const q = url.indexOf('?');
          req.url = q === -1 ? platformPath : platformPath + url.slice(q);
        }
        return options.admin(req, res);
      }
      options.proxy(req, res);
    };
  };

  const build = (handler: RequestHandler, upgrades: boolean): Server => {
    const server = createServer(
      {
        requireHostHeader: true,
        headersTimeout: options.clientHeadersTimeoutMs,
        // Node enforces headersTimeout only when it sweeps connections (every 30 s by
        // default), which would let a slowloris client hold a socket far past the limit.
        connectionsCheckingInterval: Math.min(1000, options.clientHeadersTimeoutMs),
        requestTimeout: 0,
        keepAliveTimeout: 5000,
      },
      handler,
    );
    server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      const length = Number(req.headers['content-length'] ?? 0);
      if (options.maxRequestBytes > 0 && length > options.maxRequestBytes) {
        // Decide from the headers alone: no 100 Continue, so the client never sends the body.
        res.shouldKeepAlive = false;
        sendProblem(
          res,
          new AppError(
            'PAYLOAD_TOO_LARGE',
            `Request bodies are limited to ${options.maxRequestBytes} bytes.`,
          ),
        );
        return;
      }
      res.writeContinue();
      handler(req, res);
    });
    server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
      rejectRaw(socket, 405, 'Method Not Allowed');
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const path = platformPathOf('GET', req.url ?? '/');
      if (upgrades && path !== undefined) {
        req.url = path + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
        return options.adminUpgrade(req, socket, head);
      }
      rejectRaw(socket, 501, 'Not Implemented');
    });
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
      if (!socket.writable) return socket.destroy();
      const status =
        error.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? '408 Request Timeout'
            : '400 Bad Request';
      const [code, ...text] = status.split(' ');
      rejectRaw(socket, Number(code), text.join(' '));
    });
    return server;
  };

  const servers = separate
    ? [build(dispatch(false, true), false), build(dispatch(true, false), true)]
    : [build(dispatch(false, false), true)];

  const listenOne = (server: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.host, () => {
        server.off('error', reject);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });

  return {
    servers,
    async listen() {
      const proxyPort = await listenOne(servers[0]!, options.port);
      const adminPort = separate ? await listenOne(servers[1]!, options.adminPort ?? 0) : proxyPort;
      return { proxyPort, adminPort };
    },
    async close(timeoutMs, inFlight) {
      const closed = servers.map(
        (server) => new Promise<void>((resolve) => server.close(() => resolve())),
      );
      for (const server of servers) server.closeIdleConnections();
      const deadline = Date.now() + timeoutMs;
      while (inFlight() > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        for (const server of servers) server.closeIdleConnections();
      }
      for (const server of servers) server.closeAllConnections();
      await Promise.all(closed);
    },
  };
}
