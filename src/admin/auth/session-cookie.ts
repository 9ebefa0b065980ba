import type { IncomingMessage } from 'node:http';

/** The platform's session cookie; the proxy strips it by this name before forwarding. */
export const SESSION_COOKIE = '__am_session';

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** The session id from the Cookie header, when it is well-formed. */
export function readSessionId(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (SESSION_ID.test(value)) return value;
  }
  return undefined;
}

/** HttpOnly, SameSite=Strict, whole-site path (the Control Deck is at `/`), Secure under TLS. */
export function toSessionCookie(id: string, maxAgeMs: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor(maxAgeMs / 1000));
  return `${SESSION_COOKIE}=${id}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** A Set-Cookie value that removes the session cookie. */
export function toClearedCookie(secure: boolean): string {
  return toSessionCookie('', 0, secure);
}
