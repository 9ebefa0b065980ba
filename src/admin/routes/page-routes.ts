import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AdminDeps } from '../admin-deps.js';
import { toLoginCsp } from '../auth/to-login-csp.js';

/** Built dashboard (web/dist), located relative to dist/src/admin/routes/. */
const WEB_DIST = new URL('../../../../web/dist/', import.meta.url);

/** Scripts only from our own origin; no inline script anywhere (RELIABILITY.md §4.6). */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/landing': 'landing.html',
  '/admin/explorer': 'explorer.html',
  '/admin/docs': 'docs.html',
  '/admin/login': 'login.html',
};

function readPage(file: string): string {
  const url = new URL(file, WEB_DIST);
  return existsSync(url)
    ? readFileSync(url, 'utf8')
    : '<!doctype html><title>Adaptive Mock</title><p>The dashboard is not built. Run <code>npm run build</code>.</p>';
}

/** The dashboard pages and their static assets, with a strict CSP. */
export async function registerPageRoutes(app: FastifyInstance, deps: AdminDeps): Promise<void> {
  // Pages are read once: they are static build output and contain no request data.
  const html = new Map(Object.entries(PAGES).map(([route, file]) => [route, readPage(file)]));
  // The login page may need the identity provider's origins (Firebase sign-in); nothing else does.
  const loginCsp = toLoginCsp(await deps.auth.provider.loginOptions());
  for (const route of Object.keys(PAGES)) {
    app.get(route, (_request, reply) =>
      reply
        .header('content-security-policy', route === '/admin/login' ? loginCsp : PAGE_CSP)
        .header('x-frame-options', 'DENY')
        // same-origin, not no-referrer: with no-referrer, same-origin fetch POSTs carry Origin: null and fail the CSRF check.
        .header('referrer-policy', 'same-origin')
        .type('text/html; charset=utf-8')
        .send(html.get(route)),
    );
  }
  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST.pathname,
      prefix: '/admin/assets/',
      index: false,
      dotfiles: 'deny',
      wildcard: true,
      cacheControl: true,
      maxAge: '1h',
    });
  }
}
