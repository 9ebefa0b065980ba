import { addCount } from './add-count.js';
import { boundValues } from './bound-values.js';
import { HEADER_VALUES_LIMIT } from './endpoint-model.js';

/** Header values longer than this are not learned (they are payloads, not settings). */
export const HEADER_VALUE_MAX_LENGTH = 256;
/** Stands for the value of a header whose presence is learned but whose value varies. */
export const PRESENT = '[present]';

// Allow-list: headers a mock should reproduce. 'value' learns the values; 'presence' learns
// only that the header is sent, for per-response values (validators, dates, counters).
// Framing (content-length, encoding), cookies and credentials are never learned.
const LEARNED_HEADERS: ReadonlyMap<string, 'value' | 'presence'> = new Map([
  ['content-type', 'value'],
  ['content-language', 'value'],
  ['cache-control', 'value'],
  ['pragma', 'value'],
  ['vary', 'value'],
  ['allow', 'value'],
  ['accept-ranges', 'value'],
  ['retry-after', 'value'],
  ['access-control-allow-origin', 'value'],
  ['access-control-allow-credentials', 'value'],
  ['access-control-expose-headers', 'value'],
  ['x-content-type-options', 'value'],
  ['x-frame-options', 'value'],
  ['referrer-policy', 'value'],
  ['strict-transport-security', 'value'],
  ['x-ratelimit-limit', 'value'],
  ['ratelimit-limit', 'value'],
  ['etag', 'presence'],
  ['last-modified', 'presence'],
  ['expires', 'presence'],
  ['location', 'presence'],
  ['x-request-id', 'presence'],
  ['x-ratelimit-remaining', 'presence'],
  ['x-ratelimit-reset', 'presence'],
  ['ratelimit-remaining', 'presence'],
  ['ratelimit-reset', 'presence'],
]);

/**
 * Counts the allow-listed response headers into `learned` (name → value → count, mutating).
 * At most HEADER_VALUES_LIMIT values per header are kept (see boundValues).
 */
export function learnHeaders(
  learned: Record<string, Record<string, number>>,
  headers: Record<string, string>,
): void {
  for (const rawName of Object.keys(headers)) {
    const name = rawName.toLowerCase();
    const mode = LEARNED_HEADERS.get(name);
    const raw = headers[rawName];
    if (mode === undefined || raw === undefined) continue;
    const value = mode === 'presence' ? PRESENT : raw.trim();
    if (value.length > HEADER_VALUE_MAX_LENGTH) continue;
    const values = (learned[name] ??= Object.create(null) as Record<string, number>);
    const known = Object.hasOwn(values, value);
    addCount(values, value);
    // Only a new value can push the map over its bound; counting keys per exchange allocated.
    if (!known && Object.keys(values).length > HEADER_VALUES_LIMIT) {
      learned[name] = boundValues(values, HEADER_VALUES_LIMIT);
    }
  }
}
