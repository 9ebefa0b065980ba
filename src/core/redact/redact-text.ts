/** What every redacted value becomes. */
export const REDACTED = '[REDACTED]';

// Shorter strings cannot hold any of the patterns below (the shortest is a 13-digit card).
const MIN_SECRET_LENGTH = 13;

// One pass over the text; an alternative wins at the leftmost position it matches.
const SECRET_SPANS = new RegExp(
  [
    // JWT: the header is base64url JSON, so it always starts with `eyJ` ('{"').
    String.raw`\beyJ[\w-]+\.[\w-]+\.[\w-]*`,
    String.raw`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`,
    String.raw`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,})`,
    String.raw`\bxox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`\bAIza[\w-]{35}`,
    String.raw`-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)`,
    String.raw`\b(?<scheme>Bearer)\s+[\w~+/.=-]{8,}`,
    String.raw`(?<!\d)(?<card>\d(?:[ -]?\d){12,18})(?!\d)`,
  ].join('|'),
  'g',
);

// Issuer prefixes (Visa, Mastercard, Amex, Diners/JCB, Discover/UnionPay/Maestro): digit runs
// such as snowflake ids and epoch-ms timestamps start with 1 and are never taken for cards.
const CARD_PREFIX = /^(?:4|5[1-5]|2[2-7]|3[0-9]|6)/;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return CARD_PREFIX.test(digits) && passesLuhn(digits);
}

interface SpanGroups {
  scheme?: string;
  card?: string;
}

/**
 * Replaces secret-looking spans inside free text: JWTs, `Bearer` credentials (the scheme is
 * kept), AWS access key ids, GitHub, Slack, Stripe and Google API tokens, PEM private keys,
 * and card numbers (13–19 digits, spaces or dashes allowed, a known issuer prefix, valid
 * Luhn checksum). Everything else is returned unchanged.
 */
export function redactText(text: string): string {
  if (text.length < MIN_SECRET_LENGTH) return text;
  return text.replace(SECRET_SPANS, (match: string, ...rest: unknown[]) => {
    const groups = rest.at(-1) as SpanGroups;
    if (groups.card !== undefined) return isCardNumber(groups.card) ? REDACTED : match;
    if (groups.scheme !== undefined) return `${groups.scheme} ${REDACTED}`;
    return REDACTED;
  });
}
