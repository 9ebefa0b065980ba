import type { IncomingMessage } from 'node:http';

/**
 * Header rewriting for both directions (RFC 9110 §7.6.1). We work on rawHeaders so repeated
 * fields (every Set-Cookie line, two X-Multi lines) keep their order and multiplicity.
 */

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
  'proxy-authorization',
  'proxy-authenticate',
  'trailer',
]);

/** Request headers this hop consumes: they steer the platform and never reach the backend. */
export const CONTROL_HEADERS = new Set([
  'x-mock-enabled',
  'x-mock-status',
  'x-mock-seed',
  'x-chaos-level',
]);

/** The platform's own session cookie; stripped from proxied requests (see admin/auth). */
export const PLATFORM_COOKIE = '__am_session';

/** Names listed in Connection headers: they are hop-by-hop too. */
function connectionTokens(raw: string[]): Set<string> {
  const tokens = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    // The length test spares lower-casing every other header name.
    if (raw[i]!.length !== 10 || raw[i]!.toLowerCase() !== 'connection') continue;
    for (const token of raw[i + 1]!.split(',')) {
      const t = token.trim().toLowerCase();
      if (t) tokens.add(t);
    }
  }
  return tokens;
}

function stripPlatformCookie(value: string): string {
  return value
    .split(';')
    .filter((part) => part.trim().split('=')[0] !== PLATFORM_COOKIE)
    .join(';')
    .trim();
}

export interface UpstreamHeaderContext {
  /** Host header to send (target authority, or the client's with preserveHost). */
  host: string;
  clientIp: string;
  proto: 'http' | 'https';
  via: string;
}

/**
 * Builds the upstream request's raw header list. Fields named in Connection are removed
 * before the proxy adds its own, so `Connection: X-Forwarded-For` cannot delete ours.
 */
export function toUpstreamHeaders(req: IncomingMessage, ctx: UpstreamHeaderContext): string[] {
  const raw = req.rawHeaders;
  const named = connectionTokens(raw);
  const out: string[] = [];
  let forwardedFor = '';
  let via = '';
  let clientHost = '';
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower) || CONTROL_HEADERS.has(lower)) continue;
    switch (lower) {
      case 'host':
        clientHost = value;
        continue;
      case 'expect':
        continue;
      case 'x-forwarded-for':
        forwardedFor = forwardedFor ? `${forwardedFor}, ${value}` : value;
        continue;
      case 'x-forwarded-host':
      case 'x-forwarded-proto':
        continue;
      case 'via':
        via = via ? `${via}, ${value}` : value;
        continue;
      case 'cookie': {
        const kept = value.includes(PLATFORM_COOKIE) ? stripPlatformCookie(value) : value;
        if (kept) out.push(name, kept);
        continue;
      }
      default:
        out.push(name, value);
    }
  }
  out.push('Host', ctx.host);
  out.push('X-Forwarded-For', forwardedFor ? `${forwardedFor}, ${ctx.clientIp}` : ctx.clientIp);
  out.push('X-Forwarded-Proto', ctx.proto);
  if (clientHost) out.push('X-Forwarded-Host', clientHost);
  out.push('Via', via ? `${via}, ${ctx.via}` : ctx.via);
  return out;
}

/** The upstream response's headers, as relayed to the client and as recorded. */
export interface ResponseHeaders {
  /** Raw list minus hop-by-hop fields (the proxy re-frames), names and order as received. */
  downstream: string[];
  /** Lower-cased names, repeated fields joined as Node does (Set-Cookie kept as a list). */
  record: Record<string, string | string[]>;
}

/** Splits an upstream response's raw headers in one pass (one lower-casing per name). */
export function toResponseHeaders(raw: string[]): ResponseHeaders {
  const named = connectionTokens(raw);
  const downstream: string[] = [];
  const record: Record<string, string | string[]> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    const lower = name.toLowerCase();
    const existing = record[lower];
    if (existing === undefined) record[lower] = lower === 'set-cookie' ? [value] : value;
    else if (Array.isArray(existing)) existing.push(value);
    else record[lower] = `${existing}, ${value}`;
    if (!HOP_BY_HOP.has(lower) && !named.has(lower)) downstream.push(name, value);
  }
  return { downstream, record };
}
