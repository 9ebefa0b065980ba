import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';
import type { LoginForm } from '../auth/auth-provider.js';
import type { AuthFailure, AuthSuccess } from '../auth/authenticator.js';
import { SingleUseBook } from '../auth/single-use-book.js';
import { toSafeNext } from '../auth/to-safe-next.js';

const FORM = 'application/x-www-form-urlencoded';
const FIELD = { type: 'string', maxLength: 16384 } as const;
const LOGIN_BODY = {
  type: 'object',
  properties: { token: FIELD, username: FIELD, password: FIELD, idToken: FIELD },
} as const;

/** The login page shows a fixed message per key; nothing the client sent is ever echoed. */
function errorKey(failure: AuthFailure): string {
  return failure.status === 429 ? 'rate' : failure.status === 403 ? 'forbidden' : 'denied';
}

function principalView(auth: AuthSuccess) {
  return {
    principal: auth.principal,
    via: auth.via,
    expires_at: auth.expiresAt === undefined ? null : new Date(auth.expiresAt).toISOString(),
  };
}

function isForm(request: FastifyRequest): boolean {
  return request.headers['content-type']?.toLowerCase().startsWith(FORM) === true;
}

/** The login page's `?next=`, read from the Referer of its form post (same-origin by then). */
function nextFromReferer(request: FastifyRequest): string {
  try {
    return toSafeNext(new URL(request.headers.referer ?? '').searchParams.get('next'));
  } catch {
    return '/';
  }
}

function failWith(reply: FastifyReply, failure: AuthFailure): never {
  if (failure.retryAfterS !== undefined)
    void reply.header('retry-after', String(failure.retryAfterS));
  throw new AppError(failure.code, failure.detail);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * After the issuer's cross-site form_post a SameSite=Strict cookie would not ride on a 303
 * redirect, so the browser is moved on by the page itself (same-site navigation). `next` was
 * validated when the sign-in began and is escaped anyway; the page runs no script.
 */
function continuePage(next: string): string {
  const url = escapeHtml(next);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${url}"><title>Signed in</title></head><body><p><a href="${url}">Continue</a></p></body></html>`;
}

/**
 * Sign-in, sign-out, the current session, and WebSocket tickets. Login accepts JSON (the
 * login page's script, API clients) and plain HTML form posts (works without JavaScript).
 */
export async function registerAuthRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  const auth = deps.auth;
  const oidcStates = new SingleUseBook<{ nonce: string; next: string }>(10 * 60_000);

  await app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      FORM,
      { parseAs: 'string', bodyLimit: 32 * 1024 },
      (_request, body, parsed) => {
        parsed(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );

    scope.get('/admin/login/options', () => auth.provider.loginOptions());

    scope.post('/admin/login', { schema: { body: LOGIN_BODY } }, async (request, reply) => {
      const body = request.body as LoginForm;
      const result = await auth.login(request.raw, {
        ...(body.token === undefined ? {} : { token: body.token }),
        ...(body.username === undefined ? {} : { username: body.username }),
        ...(body.password === undefined ? {} : { password: body.password }),
        ...(body.idToken === undefined ? {} : { idToken: body.idToken }),
      });
      if (isForm(request)) {
        const next = nextFromReferer(request);
        if (!result.ok) {
          const back = next === '/' ? '' : `&next=${encodeURIComponent(next)}`;
          return reply.redirect(`/admin/login?error=${errorKey(result)}${back}`, 303);
        }
        return reply.header('set-cookie', result.cookie).redirect(next, 303);
      }
      if (!result.ok) return failWith(reply, result);
      return reply
        .header('set-cookie', result.cookie)
        .send({ status: 'success', ...principalView(result) });
    });

    scope.get('/admin/login/oidc', async (request, reply) => {
      if (!auth.provider.authorizationUrl)
        throw new AppError('NOT_FOUND', 'This server does not sign in through OpenID Connect.');
      const next = toSafeNext((request.query as Record<string, unknown>).next);
      const nonce = randomBytes(24).toString('base64url');
      const { key: state } = oidcStates.issue({ nonce, next });
      const origin = `${auth.policy.isSecure(request.raw) ? 'https' : 'http'}://${request.headers.host ?? ''}`;
      const url = await auth.provider.authorizationUrl({
        state,
        nonce,
        redirectUri: `${origin}/admin/login/oidc`,
      });
      return reply.redirect(url ?? '/admin/login?error=unavailable', 302);
    });

    scope.post('/admin/login/oidc', async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const pending = typeof body.state === 'string' ? oidcStates.redeem(body.state) : undefined;
      if (!pending || typeof body.id_token !== 'string')
        return reply.redirect('/admin/login?error=denied', 303);
      const result = await auth.login(request.raw, {
        idToken: body.id_token,
        nonce: pending.nonce,
      });
      if (!result.ok) return reply.redirect(`/admin/login?error=${errorKey(result)}`, 303);
      return reply
        .header('set-cookie', result.cookie)
        .header(
          'content-security-policy',
          "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        )
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(continuePage(pending.next));
    });

    scope.post('/admin/logout', (request, reply) => {
      void reply.header('set-cookie', auth.logout(request.raw));
      return isForm(request)
        ? reply.redirect('/admin/login', 303)
        : reply.send({ status: 'success' });
    });
    done();
  });

  app.get('/admin/session', (request) => ({
    provider: auth.provider.kind,
    ...principalView(requireAuth(request)),
  }));

  app.post('/admin/ws-ticket', (request) => {
    const { ticket, expiresAt } = auth.issueTicket(requireAuth(request));
    return { ticket, expires_at: new Date(expiresAt).toISOString() };
  });
}

/** The hook sets request.auth on protected routes; its absence would be a wiring bug. */
function requireAuth(request: FastifyRequest): AuthSuccess {
  if (!request.auth)
    throw new AppError('UNAUTHORIZED', 'Sign in, or send Authorization: Bearer <token>.');
  return request.auth;
}
