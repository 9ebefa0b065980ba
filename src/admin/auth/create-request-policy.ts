import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface RequestPolicyOptions {
  /** The address the server binds (HOST); a name here is an allowed Host too. */
  host: string;
  allowedHosts: readonly string[];
  allowedOrigins: readonly string[];
  trustProxy: boolean;
  cookieSecure: 'auto' | 'always' | 'never';
}

/** Where a browser request came from, judged by its Origin (or, lacking one, its Referer). */
export type OriginVerdict = 'same' | 'cross' | 'absent';

export interface RequestPolicy {
  /** DNS-rebinding defence (Vite `server.allowedHosts`): IP literals, localhost, HOST, ALLOWED_HOSTS. */
  isHostAllowed(req: IncomingMessage): boolean;
  /** Whether the request's origin is this server (its Host) or one of ALLOWED_ORIGINS. */
  originOf(req: IncomingMessage): OriginVerdict;
  /** The Origin to echo in Access-Control-Allow-Origin, only when it is allow-listed. */
  corsOrigin(req: IncomingMessage): string | undefined;
  /** Whether CORS is configured at all (then responses vary by Origin). */
  readonly cors: boolean;
  /** Whether the session cookie should be marked Secure for this request. */
  isSecure(req: IncomingMessage): boolean;
  /** The client address used for rate limits. */
  clientIp(req: IncomingMessage): string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The host name of a Host header value, lower-cased, without port or IPv6 brackets. */
function hostName(hostHeader: string): string {
  const lower = hostHeader.trim().toLowerCase();
  if (lower.startsWith('['))
    return lower.slice(1, lower.indexOf(']') === -1 ? undefined : lower.indexOf(']'));
  return lower.replace(/:\d*$/, '');
}

function toOrigin(text: string | undefined): string | undefined {
  if (!text || text === 'null') return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function authorityOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined;
  try {
    return new URL(`http://${hostHeader}`).host;
  } catch {
    return undefined;
  }
}

/** Builds the Host, Origin, TLS and client-address rules of the admin surface from config. */
export function createRequestPolicy(options: RequestPolicyOptions): RequestPolicy {
  const allowedOrigins = new Set(
    options.allowedOrigins.map((o) => toOrigin(o)).filter((o) => o !== undefined),
  );
  const bindName = hostName(options.host);
  const names = options.allowedHosts.map((h) => h.trim().toLowerCase()).filter(Boolean);

  const isSecure = (req: IncomingMessage): boolean => {
    if (options.cookieSecure !== 'auto') return options.cookieSecure === 'always';
    if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
    return (
      options.trustProxy &&
      header(req, 'x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
    );
  };

  return {
    cors: allowedOrigins.size > 0,
    isHostAllowed(req) {
      const raw = header(req, 'host');
      if (!raw) return false;
      const name = hostName(raw);
      if (
        isIP(name) !== 0 ||
        name === 'localhost' ||
        name.endsWith('.localhost') ||
        name === bindName
      )
        return true;
      return names.some((entry) =>
        entry.startsWith('.') ? name.endsWith(entry) || name === entry.slice(1) : name === entry,
      );
    },
    originOf(req) {
      const sent = header(req, 'origin') ?? header(req, 'referer');
      if (sent === undefined) return 'absent';
      const origin = toOrigin(sent);
      if (!origin) return 'cross';
      if (allowedOrigins.has(origin)) return 'same';
      // Same server = same authority as the Host header. The scheme is not compared: behind a
      // TLS-terminating proxy we see http while the browser says https, for the same site.
      return new URL(origin).host === authorityOf(header(req, 'host')) ? 'same' : 'cross';
    },
    corsOrigin(req) {
      const origin = toOrigin(header(req, 'origin'));
      return origin && allowedOrigins.has(origin) ? origin : undefined;
    },
    isSecure,
    clientIp(req) {
      if (options.trustProxy) {
        const forwarded = header(req, 'x-forwarded-for')?.split(',').pop()?.trim();
        if (forwarded) return forwarded;
      }
      return req.socket.remoteAddress ?? 'unknown';
    },
  };
}
