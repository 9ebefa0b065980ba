import { decodeQueryComponent } from './decode-query-component.js';
import { isSecretName } from './is-secret-name.js';
import { tokenizeName } from './tokenize-name.js';
import { redactText, REDACTED } from './redact-text.js';

// Names that are credentials in a URL (OAuth `code`, Google `key`, signed-URL `sig`) but
// ordinary data in a JSON body, so they are not secret names in general.
const QUERY_SECRET_NAMES = new Set(['key', 'code', 'sig']);
const QUERY_SECRET_WORDS = new Set(['signature', 'credential']);

function isSecretParameter(name: string): boolean {
  if (isSecretName(name)) return true;
  const words = tokenizeName(name);
  return (
    QUERY_SECRET_NAMES.has(words.join(' ')) || words.some((word) => QUERY_SECRET_WORDS.has(word))
  );
}

function redactPair(pair: string): string {
  const eq = pair.indexOf('=');
  if (eq < 0) return pair;
  const rawName = pair.slice(0, eq);
  const value = decodeQueryComponent(pair.slice(eq + 1));
  const secret = isSecretParameter(decodeQueryComponent(rawName)) || redactText(value) !== value;
  return secret ? `${rawName}=${REDACTED}` : pair;
}

/**
 * Redacts a raw query string (no leading `?`): the value of a secret parameter (access_token,
 * api_key, apikey, token, secret, password, signature, sig, key, code, X-Amz-Credential, any
 * secret-like name) or of a value holding a secret-looking span becomes "[REDACTED]"; every
 * other byte, encoding and order included, is kept as it was.
 */
export function redactQuery(raw: string): string {
  if (raw === '') return raw;
  return raw.split('&').map(redactPair).join('&');
}
