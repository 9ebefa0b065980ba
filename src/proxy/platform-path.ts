/**
 * Decides whether a request belongs to the platform (dashboard and /admin API) or to the
 * proxied API. The decision is made on a normalised path and the admin router is then
 * handed exactly that normalised path, so what we classify and what the router matches
 * can never disagree (Hono GHSA-q5qw-h33p-qvwr, CVE-2026-39407 were such disagreements).
 */

export const ADMIN_PREFIX = '/admin';

/**
 * Percent-decodes, drops `;params`, collapses repeated slashes and resolves dot segments.
 * Returns undefined for undecodable input (such paths are never platform paths).
 */
export function normalizePath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const out: string[] = [];
  for (const rawSegment of decoded.replaceAll('\\', '/').split('/')) {
    const segment = rawSegment.split(';')[0]!;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** Characters that can make a raw path normalise to something else. */
const NEEDS_NORMALISING = /[%;\\]|\/\/|\/\.|^\/?$/;

/**
 * Returns the normalised path when `rawUrl` (path + optional query, as received) is a
 * platform route, or undefined when it must be proxied. Platform routes: `/admin` and
 * everything under it, and `GET`/`HEAD` of `/` and `/landing` (the dashboard pages).
 */
export function platformPathOf(method: string, rawUrl: string): string | undefined {
  const q = rawUrl.indexOf('?');
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  // Fast path for the proxy: a plain path that does not start with /admin or name a page.
  if (
    !NEEDS_NORMALISING.test(pathname) &&
    !pathname.startsWith(ADMIN_PREFIX) &&
    pathname !== '/landing'
  ) {
    return undefined;
  }
  const path = normalizePath(pathname);
  if (path === undefined) return undefined;
  if (path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`)) return path;
  if ((method === 'GET' || method === 'HEAD') && (path === '/' || path === '/landing')) return path;
  return undefined;
}
