/** A same-origin path: no scheme, no `//` or `/\` (protocol-relative), no query, no markup. */
const SAFE_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~/%]{0,511}$/;

/**
 * Where to go after signing in. Only a plain path on this server is kept; anything else
 * (absolute URLs, `//evil.test`, markup, the login page itself) becomes `/`, so `next` can
 * be neither an open redirect nor an injection into the page that redirects.
 */
export function toSafeNext(value: unknown): string {
  if (typeof value !== 'string' || !SAFE_PATH.test(value)) return '/';
  if (value === '/admin/login' || value.startsWith('/admin/login/') || value === '/admin/logout')
    return '/';
  return value;
}
