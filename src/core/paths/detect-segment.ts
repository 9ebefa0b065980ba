import { MAX_SEGMENT_LENGTH } from './path-limits.js';

/**
 * Segment detectors. Each one matches a whole segment (never a substring) with one
 * left-to-right character scan, so detection is linear in the segment length, and no regular
 * expression ever runs on a path. First match wins:
 *
 * | kind    | rule                                                                          |
 * |---------|-------------------------------------------------------------------------------|
 * | `id`    | ASCII digits only (`42`); a segment with a letter is never numeric (`2fa`, `v2`) |
 * | `id`    | UUID 8-4-4-4-12 hex, any case, any version                                    |
 * | `id`    | prefixed id (Stripe style `cus_NffrFeUfNV2Hib`): ≥ 14 chars; a prefix of      |
 * |         | lowercase words joined by `_` (≤ 16 chars), `_`, then ≥ 10 alphanumerics that  |
 * |         | hold a digit and a letter, or both cases                                       |
 * | `hash`  | ≥ 16 hex chars, any case, not all digits                                      |
 * | `slug`  | lowercase letters/digits in ≥ 3 hyphen-joined parts, longer than 8 chars       |
 * |         | (`my-first-blog-post`; also `user-profile-settings` and dates `2024-01-15`)   |
 * | `token` | ≥ 20 chars of base64/base64url (`A-Z a-z 0-9 + _ -`, `%2B %2F %3D`, up to two |
 * |         | trailing `=`), holding a digit, `+`, `=` or an encoded char; lowercase names   |
 * |         | with `-`/`_` separators are not tokens (`payment_method_configurations`)       |
 * | `token` | JWT/JWE: ≥ 20 chars, starts with `eyJ`, 3 or 5 dot-separated base64url parts  |
 * | `token` | anything longer than MAX_SEGMENT_LENGTH (never scanned)                       |
 *
 * Percent-encoded segments are examined as they are, without decoding.
 */

/** The shape of a dynamic segment; it is also the parameter's default name. */
export type ParamKind = 'id' | 'hash' | 'slug' | 'token';

/** A detected segment: its kind plus a file extension that stays literal (`.json`). */
export interface DetectedParam {
  kind: ParamKind;
  /** '' or a dot and 1–5 lowercase letters/digits with a letter, e.g. `.json`. */
  suffix: string;
}

const MIN_HASH_LENGTH = 16;
const MIN_SLUG_LENGTH = 9;
const MIN_SLUG_HYPHENS = 2;
const MIN_TOKEN_LENGTH = 20;
const MIN_PREFIXED_ID_LENGTH = 14;
const MIN_PREFIXED_ID_TAIL = 10;
const MAX_ID_PREFIX = 16;
const MAX_EXTENSION = 5;
const UUID_LENGTH = 36;

const HYPHEN = 0x2d;
const UNDERSCORE = 0x5f;
const DOT = 0x2e;
const PLUS = 0x2b;
const EQUALS = 0x3d;
const PERCENT = 0x25;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isHex = (c: number): boolean =>
  isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const isBase64Url = (c: number): boolean =>
  isDigit(c) || isLower(c) || isUpper(c) || c === HYPHEN || c === UNDERSCORE;

/** True for the four kinds; used to validate stored state. */
export function isParamKind(value: string): value is ParamKind {
  return value === 'id' || value === 'hash' || value === 'slug' || value === 'token';
}

/** Classifies a whole segment, or returns undefined for a literal. */
export function detectSegment(segment: string): ParamKind | undefined {
  if (segment.length > MAX_SEGMENT_LENGTH) return 'token';
  if (segment.length === 0) return undefined;
  if (isNumeric(segment) || isUuid(segment) || isPrefixedId(segment)) return 'id';
  if (isHexHash(segment)) return 'hash';
  if (isSlug(segment)) return 'slug';
  if (isToken(segment)) return 'token';
  return undefined;
}

/**
 * Like detectSegment, but a detected value followed by a short extension keeps the extension
 * literal: Shopify's `632910392.json` is `{id}.json`, while `index.html` stays a literal.
 */
export function detectParamSegment(segment: string): DetectedParam | undefined {
  const kind = detectSegment(segment);
  if (kind !== undefined) return { kind, suffix: '' };
  const dot = segment.lastIndexOf('.');
  if (dot < 1 || !isExtension(segment, dot + 1)) return undefined;
  const base = detectSegment(segment.slice(0, dot));
  return base === undefined ? undefined : { kind: base, suffix: segment.slice(dot) };
}

function isExtension(segment: string, start: number): boolean {
  const length = segment.length - start;
  if (length < 1 || length > MAX_EXTENSION) return false;
  let letter = false;
  for (let i = start; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (isLower(c)) letter = true;
    else if (!isDigit(c)) return false;
  }
  return letter;
}

function isNumeric(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

function isUuid(s: string): boolean {
  if (s.length !== UUID_LENGTH) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const hyphenPlace = i === 8 || i === 13 || i === 18 || i === 23;
    if (hyphenPlace ? c !== HYPHEN : !isHex(c)) return false;
  }
  return true;
}

function isPrefixedId(s: string): boolean {
  if (s.length < MIN_PREFIXED_ID_LENGTH) return false;
  const cut = s.lastIndexOf('_');
  if (cut < 1 || cut > MAX_ID_PREFIX || s.length - cut - 1 < MIN_PREFIXED_ID_TAIL) return false;
  // Starting as if after a separator rejects a leading `_`; the check below rejects `__`.
  let previous = UNDERSCORE;
  for (let i = 0; i < cut; i++) {
    const c = s.charCodeAt(i);
    if (c === UNDERSCORE ? previous === UNDERSCORE : !isLower(c)) return false;
    previous = c;
  }
  if (previous === UNDERSCORE) return false;
  let digit = false;
  let lower = false;
  let upper = false;
  for (let i = cut + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) digit = true;
    else if (isLower(c)) lower = true;
    else if (isUpper(c)) upper = true;
    else return false;
  }
  return (digit && (lower || upper)) || (lower && upper);
}

function isHexHash(s: string): boolean {
  if (s.length < MIN_HASH_LENGTH) return false;
  let letter = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isHex(c)) return false;
    if (!isDigit(c)) letter = true;
  }
  return letter;
}

function isSlug(s: string): boolean {
  if (s.length < MIN_SLUG_LENGTH) return false;
  let hyphens = 0;
  let previous = HYPHEN;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === HYPHEN) {
      if (previous === HYPHEN) return false;
      hyphens++;
    } else if (!isLower(c) && !isDigit(c)) {
      return false;
    }
    previous = c;
  }
  return previous !== HYPHEN && hyphens >= MIN_SLUG_HYPHENS;
}

function isToken(s: string): boolean {
  if (s.length < MIN_TOKEN_LENGTH) return false;
  return s.includes('.') ? isJwt(s) : isPlainToken(s);
}

function isJwt(s: string): boolean {
  if (!s.startsWith('eyJ')) return false;
  let parts = 1;
  let partLength = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === DOT) {
      if (partLength === 0) return false;
      parts++;
      partLength = 0;
    } else if (isBase64Url(c)) {
      partLength++;
    } else {
      return false;
    }
  }
  // An unsecured JWS ends with an empty signature part (`header.payload.`).
  return parts === 3 || parts === 5;
}

function isPlainToken(s: string): boolean {
  let evidence = false;
  let upper = false;
  let separator = false;
  let padding = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === EQUALS) {
      if (++padding > 2) return false;
      evidence = true;
    } else if (padding > 0) {
      return false;
    } else if (isDigit(c) || c === PLUS) {
      evidence = true;
    } else if (isUpper(c)) {
      upper = true;
    } else if (c === HYPHEN || c === UNDERSCORE) {
      separator = true;
    } else if (c === PERCENT) {
      if (!isEncodedBase64Char(s, i)) return false;
      evidence = true;
      i += 2;
    } else if (!isLower(c)) {
      return false;
    }
  }
  // Lowercase words joined by separators are names (`release_notes_2024_01_archive`).
  return evidence && (upper || !separator);
}

/** `%2B`, `%2F` or `%3D` (any case): standard base64's `+`, `/` and `=` in a path. */
function isEncodedBase64Char(s: string, at: number): boolean {
  const high = s.charCodeAt(at + 1);
  const low = s.charCodeAt(at + 2) | 0x20;
  if (high === 0x32) return low === 0x62 || low === 0x66;
  return high === 0x33 && low === 0x64;
}
