import { isSecretName } from './is-secret-name.js';
import { redactText, REDACTED } from './redact-text.js';

/**
 * Nesting examined; a deeper subtree is replaced whole, since what is not inspected must not
 * pass. Deeper than the schema learner's cap (MAX_DEPTH 32), so learning never sees the marker.
 */
export const REDACT_MAX_DEPTH = 64;

function redactNode(value: unknown, secret: boolean, depth: number): unknown {
  if (typeof value === 'string') return secret ? REDACTED : redactText(value);
  // Numbers are secrets too under a secret key (PINs, CVVs, card numbers sent as numbers).
  if (typeof value === 'number' || typeof value === 'bigint') return secret ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth >= REDACT_MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactNode(item, secret, depth + 1));
  const source = value as Record<string, unknown>;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    copy[key] = redactNode(source[key], secret || isSecretName(key), depth + 1);
  }
  return copy;
}

/**
 * Returns a redacted deep copy of a parsed JSON value (objects with a null prototype, so a
 * `__proto__` key stays plain data). Under a secret-named key (see isSecretName) every string
 * and number, however deeply nested, becomes "[REDACTED]" while the keys and the shape stay
 * learnable; elsewhere strings lose secret-looking spans (see redactText). Booleans and null
 * are kept.
 */
export function redactJson(value: unknown): unknown {
  return redactNode(value, false, 0);
}
