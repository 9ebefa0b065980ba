import { MAX_PATH_LENGTH, MAX_SEGMENTS } from './path-limits.js';

/**
 * Splits a raw path into the segments templating works on. This is the single normalisation
 * rule of the learner:
 * - anything from the first `?` on is a query and is ignored;
 * - empty segments are dropped, so a trailing slash and `//` never matter: `/users`,
 *   `/users/` and `//users` are one endpoint (templates never end with `/`, root is `/`);
 * - segments are kept byte for byte: no percent-decoding and no case folding, since paths
 *   are case-sensitive (`/Users` and `/users` are different literals).
 *
 * Returns undefined, without scanning, for paths longer than `maxLength` characters, and for
 * paths with more than MAX_SEGMENTS segments.
 */
export function splitPath(path: string, maxLength = MAX_PATH_LENGTH): string[] | undefined {
  if (path.length > maxLength) return undefined;
  const queryStart = path.indexOf('?');
  const end = queryStart === -1 ? path.length : queryStart;
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i <= end; i++) {
    if (i < end && path.charCodeAt(i) !== 0x2f) continue;
    if (i > start) {
      if (segments.length === MAX_SEGMENTS) return undefined;
      segments.push(path.slice(start, i));
    }
    start = i + 1;
  }
  return segments;
}
