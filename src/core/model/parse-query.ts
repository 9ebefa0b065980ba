import { decodeQueryComponent } from '../redact/decode-query-component.js';

/** Pairs read from one query string; the rest is ignored (the learner needs no more). */
export const QUERY_PAIRS_LIMIT = 256;

// Leading zeros ("007", zip codes) and "-0" stay strings: they are not clearly numbers.
const INTEGER = /^(?:0|-?[1-9]\d*)$/;
const DECIMAL = /^-?(?:0|[1-9]\d*)\.\d+$/;

function typeValue(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (INTEGER.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : text;
  }
  if (DECIMAL.test(text)) {
    const value = Number(text);
    return Number.isFinite(value) ? value : text;
  }
  return text;
}

/**
 * Decodes a raw query string (no `?`) into a null-prototype object for schema learning:
 * `a=1&b=x&b=y&flag` → { a: 1, b: ['x', 'y'], flag: true }. Values are typed where
 * unambiguous ("42" → 42, "1.5" → 1.5, "true"/"false" → booleans, else strings); a name
 * without `=` is a presence flag (true); repeated names collect into an array in order.
 */
export function parseQuery(raw: string): Record<string, unknown> {
  const params = Object.create(null) as Record<string, unknown>;
  if (raw === '') return params;
  for (const pair of raw.split('&', QUERY_PAIRS_LIMIT)) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? true : typeValue(decodeQueryComponent(pair.slice(eq + 1)));
    const existing = params[name];
    if (existing === undefined) params[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else params[name] = [existing, value];
  }
  return params;
}
