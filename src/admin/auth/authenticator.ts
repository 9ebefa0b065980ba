import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../../errors.js';
import type { AuthProvider, LoginForm, Principal } from './auth-provider.js';
import type { RequestPolicy } from './create-request-policy.js';
import { RateLimiter, type RateLimitOptions } from './rate-limiter.js';
import { readSessionId, toClearedCookie, toSessionCookie } from './session-cookie.js';
import { SessionStore } from './session-store.js';
import { SingleUseBook } from './single-use-book.js';

/** An authenticated request: who, by which means, and until when. */
export interface AuthSuccess {
  ok: true;
  principal: Principal;
  via: 'bearer' | 'session' | 'open';
  /** Epoch ms when the credential ends (session end, ID token exp); absent for tokens. */
  expiresAt?: number;
}

export interface AuthFailure {
  ok: false;
  status: 401 | 403 | 429;
  code: ErrorCode;
  detail: string;
  retryAfterS?: number;
}

export type AuthOutcome = AuthSuccess | AuthFailure;

export interface AuthenticatorOptions {
  provider: AuthProvider;
  policy: RequestPolicy;
  sessionTtlMs: number;
  rateLimit: RateLimitOptions;
  ticketTtlMs?: number;
  now?: () => number;
}

/**
 * The admin surface's single authority on who is calling: bearer tokens (API clients),
 * session cookies (the dashboard), WebSocket tickets, plus the login and logout steps and
 * the per-client rate limit on guessing. The provider behind it is chosen by config.
 */
export interface Authenticator {
  readonly provider: AuthProvider;
  readonly policy: RequestPolicy;
  /** Bearer first (an invalid one is never rescued by a cookie), then the session cookie. */
  authenticate(req: IncomingMessage): Promise<AuthOutcome>;
  /** Checks a login form; on success returns the Set-Cookie value of a new session. */
  login(
    req: IncomingMessage,
    form: LoginForm,
  ): Promise<(AuthSuccess & { cookie: string }) | AuthFailure>;
  /** Ends the request's session; returns the Set-Cookie value that clears it. */
  logout(req: IncomingMessage): string;
  /** A 30-second single-use ticket for the live WebSocket, carrying the credential's end. */
  issueTicket(auth: AuthSuccess): { ticket: string; expiresAt: number };
  /** The live WebSocket's gate: Host, Origin, then a ticket, the cookie or a bearer token. */
  authorizeUpgrade(
    req: IncomingMessage,
  ): Promise<{ ok: true; expiresAt?: number } | { ok: false; status: number }>;
}

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i;

function deny(
  status: 401 | 403 | 429,
  code: ErrorCode,
  detail: string,
  retryAfterS?: number,
): AuthFailure {
  return { ok: false, status, code, detail, ...(retryAfterS === undefined ? {} : { retryAfterS }) };
}

const rateLimited = (retryAfterS: number) =>
  deny(
    429,
    'RATE_LIMITED',
    `Too many failed sign-in attempts from this address; retry in ${retryAfterS} s.`,
    retryAfterS,
  );

export function createAuthenticator(options: AuthenticatorOptions): Authenticator {
  const { provider, policy } = options;
  const now = options.now ?? Date.now;
  const sessions = new SessionStore(options.sessionTtlMs, now);
  const limiter = new RateLimiter(options.rateLimit, now);
  const tickets = new SingleUseBook<{ expiresAt: number | undefined }>(
    options.ticketTtlMs ?? 30_000,
    now,
  );

  const checkBearer = async (req: IncomingMessage, header: string): Promise<AuthOutcome> => {
    const ip = policy.clientIp(req);
    const allowed = limiter.check(ip);
    if (!allowed.ok) return rateLimited(allowed.retryAfterS);
    const token = BEARER.exec(header.trim())?.[1];
    const verdict = token ? await provider.verifyBearer(token) : undefined;
    if (verdict?.ok) {
      return {
        ok: true,
        principal: verdict.principal,
        via: 'bearer',
        ...(verdict.expiresAt === undefined ? {} : { expiresAt: verdict.expiresAt }),
      };
    }
    limiter.take(ip);
    if (!verdict) return deny(401, 'UNAUTHORIZED', 'Send Authorization: Bearer <token>.');
    return deny(
      verdict.status,
      verdict.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED',
      verdict.reason,
    );
  };

  const authenticate = async (req: IncomingMessage): Promise<AuthOutcome> => {
    const header = req.headers.authorization;
    if (typeof header === 'string') return checkBearer(req, header);
    const id = readSessionId(req);
    const session = id === undefined ? undefined : sessions.get(id);
    if (session)
      return {
        ok: true,
        principal: session.principal,
        via: 'session',
        expiresAt: session.expiresAt,
      };
    if (provider.kind === 'none')
      return { ok: true, principal: { id: 'anonymous', kind: 'anonymous' }, via: 'open' };
    return deny(401, 'UNAUTHORIZED', 'Sign in, or send Authorization: Bearer <token>.');
  };

  return {
    provider,
    policy,
    authenticate,
    async login(req, form) {
      const allowed = limiter.take(policy.clientIp(req));
      if (!allowed.ok) return rateLimited(allowed.retryAfterS);
      const verdict = await provider.verifyLogin(form);
      if (!verdict.ok)
        return deny(
          verdict.status,
          verdict.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED',
          verdict.reason,
        );
      const session = sessions.create(verdict.principal);
      return {
        ok: true,
        principal: session.principal,
        via: 'session',
        expiresAt: session.expiresAt,
        cookie: toSessionCookie(session.id, session.expiresAt - now(), policy.isSecure(req)),
      };
    },
    logout(req) {
      const id = readSessionId(req);
      if (id !== undefined) sessions.delete(id);
      return toClearedCookie(policy.isSecure(req));
    },
    issueTicket(auth) {
      const { key, expiresAt } = tickets.issue({ expiresAt: auth.expiresAt });
      return { ticket: key, expiresAt };
    },
    async authorizeUpgrade(req) {
      if (!policy.isHostAllowed(req)) return { ok: false, status: 403 };
      // Browsers apply no CORS to WebSockets: the Origin check is what stops cross-site
      // hijacking (RFC 6455 §10.2). Non-browser clients send no Origin and need a credential.
      if (policy.originOf(req) === 'cross') return { ok: false, status: 403 };
      const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket');
      if (ticket !== null) {
        const entry = tickets.redeem(ticket);
        if (!entry) return { ok: false, status: 401 };
        return entry.expiresAt === undefined
          ? { ok: true }
          : { ok: true, expiresAt: entry.expiresAt };
      }
      const outcome = await authenticate(req);
      if (!outcome.ok) return { ok: false, status: outcome.status };
      return outcome.expiresAt === undefined
        ? { ok: true }
        : { ok: true, expiresAt: outcome.expiresAt };
    },
  };
}
