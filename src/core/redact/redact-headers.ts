import { isSecretName } from './is-secret-name.js';
import { redactText, REDACTED } from './redact-text.js';

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);

// Headers whose value is `<scheme> <credentials>`: the scheme tells how the API authenticates.
const SCHEME_HEADERS = new Set(['authorization', 'proxy-authorization']);
const SCHEME = /^([A-Za-z][\w.+-]*)\s+\S/;

function redactSecretValue(name: string, value: string): string {
  const scheme = SCHEME_HEADERS.has(name) ? SCHEME.exec(value)?.[1] : undefined;
  return scheme === undefined ? REDACTED : `${scheme} ${REDACTED}`;
}

/**
 * Returns a copy of the headers (null prototype, names as given) where credentials are
 * "[REDACTED]": Authorization and Proxy-Authorization keep their scheme ("Bearer [REDACTED]"),
 * Cookie, Set-Cookie, X-API-Key, Api-Key, X-Auth-Token and any secret-like name (token,
 * secret, password, session, api key…) are replaced whole, and other values lose
 * secret-looking spans (see redactText).
 */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const copy = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(headers)) {
    const value = headers[name] ?? '';
    const lower = name.toLowerCase();
    copy[name] =
      SECRET_HEADERS.has(lower) || isSecretName(lower)
        ? redactSecretValue(lower, value)
        : redactText(value);
  }
  return copy;
}
