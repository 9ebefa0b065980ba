import { tokenizeName } from './tokenize-name.js';

// Whole words only, so `monkey`, `keyboard`, `passage` and `tokenizer` never match.
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'passcode',
  'secret',
  'secrets',
  'token',
  'apikey',
  'apitoken',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authtoken',
  'sessiontoken',
  'accesskey',
  'secretkey',
  'privatekey',
  'session',
  'sessionid',
  'sessid',
  'phpsessid',
  'jsessionid',
  'authorization',
  'cookie',
  'cookies',
  'credential',
  'credentials',
  'jwt',
  'csrf',
  'xsrf',
  'otp',
  'cvv',
  'cvv2',
  'cvc',
  'cvc2',
  'ssn',
  'creditcard',
  'cardnumber',
]);

// Two adjacent words that are secret together but harmless apart (`key`, `card`, `number`).
const SECRET_PAIRS = new Set([
  'api key',
  'access key',
  'private key',
  'auth key',
  'credit card',
  'card number',
  'card no',
  'security code',
  'social security',
]);

// A descriptor after the secret word names data *about* the secret, not the secret itself:
// `token_type`, `token_count`, `password_hint`, `session_expires_at`, `card_number_last4`.
const DESCRIPTORS = new Set([
  'type',
  'kind',
  'count',
  'length',
  'expires',
  'expiry',
  'expiration',
  'ttl',
  'lifetime',
  'timeout',
  'url',
  'uri',
  'endpoint',
  'hint',
  'policy',
  'strength',
  'enabled',
  'required',
  'version',
  'format',
  'scheme',
  'method',
  'status',
  'name',
  'label',
  'updated',
  'created',
  'changed',
  'last4',
  'brand',
  'masked',
]);

// Every secret term's words appear in the lower-cased name, so a name containing none of them
// (most JSON keys) is rejected without tokenising: redaction runs on every key of every body.
const CANDIDATE = new RegExp(
  [...SECRET_WORDS, ...[...SECRET_PAIRS].map((pair) => pair.split(' ')[0])].join('|'),
  'i',
);

/** Length (1 or 2 words) of the secret term starting at `i`, or 0. */
function secretTermAt(words: readonly string[], i: number): number {
  const word = words[i] ?? '';
  if (SECRET_WORDS.has(word)) return 1;
  return SECRET_PAIRS.has(`${word} ${words[i + 1] ?? ''}`) ? 2 : 0;
}

/**
 * Whether a field, header or parameter name denotes a secret: its words (see tokenizeName)
 * contain a secret term (password, token, api key, session, card number, cvv, ssn, …) and
 * no descriptor word (type, count, expires, hint, …) follows the last such term.
 */
export function isSecretName(name: string): boolean {
  // JSON keys repeat across every body of an API, so verdicts are memoised (bounded).
  const known = verdicts.get(name);
  if (known !== undefined) return known;
  const verdict = judge(name);
  if (verdicts.size >= VERDICT_CACHE_LIMIT) verdicts.clear();
  verdicts.set(name, verdict);
  return verdict;
}

const VERDICT_CACHE_LIMIT = 4096;
const verdicts = new Map<string, boolean>();

function judge(name: string): boolean {
  if (!CANDIDATE.test(name)) return false;
  const words = tokenizeName(name);
  let afterLastTerm = -1;
  for (let i = 0; i < words.length; i++) {
    const length = secretTermAt(words, i);
    if (length > 0) afterLastTerm = i + length;
  }
  if (afterLastTerm < 0) return false;
  return !words.slice(afterLastTerm).some((word) => DESCRIPTORS.has(word));
}
