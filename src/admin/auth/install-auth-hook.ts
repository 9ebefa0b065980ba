import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { AuthFailure, AuthSuccess, Authenticator } from './authenticator.js';
import { toSafeNext } from './to-safe-next.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by the auth hook on every protected route (null on public ones). */
    auth: AuthSuccess | null;
  }
}

export interface AuthHookOptions {
  /** Paths reachable without credentials. */
  publicPaths: readonly RegExp[];
  /** Paths that take cross-site POSTs by design (the OIDC form_post answer). */
  crossSitePaths: readonly string[];
  /** Dashboard pages: without credentials they redirect to the login page instead of 401. */
  pagePaths: readonly string[];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function prefersHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return (
    typeof accept === 'string' &&
    accept.split(',')[0]?.trim().toLowerCase().startsWith('text/html') === true
  );
}

function toAppError(failure: AuthFailure): AppError {
  return new AppError(failure.code, failure.detail);
}

/** Answers a CORS preflight at the admin surface; nothing is ever forwarded upstream. */
function answerPreflight(
  auth: Authenticator,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const origin = auth.policy.corsOrigin(request.raw);
  if (origin) {
    void reply
      .header('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE')
      .header('access-control-allow-headers', 'authorization, content-type')
      .header('access-control-max-age', '600');
  }
  return reply.status(204).send();
}

/**
 * The gate in front of every admin route and page: Host allow-list, CORS, cross-site
 * request rejection, then credentials. Pages without credentials redirect to the login page;
 * API calls get 401 (with WWW-Authenticate), 403, or 429 with Retry-After. The sign-in link
 * printed at start (`GET /admin/login?token=…`) is exchanged here for a session cookie and
 * redirected at once, so the token leaves the address bar and is never put in a page.
 */
export function installAuthHook(
  app: FastifyInstance,
  auth: Authenticator,
  options: AuthHookOptions,
): void {
  const pages = new Set(options.pagePaths);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request, reply) => {
    const req = request.raw;
    if (!auth.policy.isHostAllowed(req)) {
      throw new AppError('FORBIDDEN', 'This Host is not served here; add it to ALLOWED_HOSTS.');
    }
    if (auth.policy.cors) {
      void reply.header('vary', 'Origin');
      const origin = auth.policy.corsOrigin(req);
      if (origin) void reply.header('access-control-allow-origin', origin);
      if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
        return answerPreflight(auth, request, reply);
      }
    }
    const path = request.url.split('?')[0] ?? '/';
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !options.crossSitePaths.includes(path) && auth.policy.originOf(req) === 'cross') {
      throw new AppError('CSRF_REJECTED', 'Cross-site requests to the admin API are refused.');
    }
    const query = request.query as Record<string, unknown> | undefined;
    if (request.method === 'GET' && path === '/admin/login' && typeof query?.token === 'string') {
      const result = await auth.login(req, { token: query.token });
      if (result.ok) void reply.header('set-cookie', result.cookie);
      return reply.redirect(
        result.ok ? '/' : `/admin/login?error=${result.status === 429 ? 'rate' : 'denied'}`,
        303,
      );
    }
    if (options.publicPaths.some((p) => p.test(path))) return;

    const outcome = await auth.authenticate(req);
    if (!outcome.ok) {
      if (
        outcome.status === 401 &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        (pages.has(path) || prefersHtml(request))
      ) {
        const next = toSafeNext(path);
        return reply.redirect(
          next === '/' ? '/admin/login' : `/admin/login?next=${encodeURIComponent(next)}`,
          302,
        );
      }
      if (outcome.retryAfterS !== undefined)
        void reply.header('retry-after', String(outcome.retryAfterS));
      if (outcome.status === 401)
        void reply.header('www-authenticate', 'Bearer realm="adaptive-mock"');
      throw toAppError(outcome);
    }
    // Browsers always send Origin on unsafe requests; a cookie without one is not trusted.
    if (unsafe && outcome.via === 'session' && auth.policy.originOf(req) !== 'same') {
      throw new AppError(
        'CSRF_REJECTED',
        'A signed-in browser request must come from this site (Origin header).',
      );
    }
    request.auth = outcome;
  });
}
