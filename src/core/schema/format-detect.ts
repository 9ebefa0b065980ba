import type { StringFormat } from './schema-node.js';

/*
 * Every pattern below is anchored and unambiguous (each repetition is delimited by a
 * character its body cannot match), so matching is linear; inputs are also length-capped
 * per format. Each accepted language is a subset of what ajv-formats ("full" mode)
 * accepts for the same format name, so a learned `format` never rejects learned data.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const EMAIL =
  /^[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*@[a-z0-9]+(?:-+[a-z0-9]+)*(?:\.[a-z0-9]+(?:-+[a-z0-9]+)*)+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Absolute `scheme://host[:port][/path][?query][#fragment]`; no userinfo, no IP literals.
const URI =
  /^[a-z][a-z0-9+.-]*:\/\/[a-z0-9._~-]+(?::\d{1,5})?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^(?:${OCTET}\\.){3}${OCTET}$`);
// At least one dot and a last label starting with a letter: excludes dotted quads and
// version numbers, which are far more common in payloads than bare numeric hosts.
const HOSTNAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const NO_FORMATS: readonly StringFormat[] = Object.freeze([]);

/** Longest input any format can match (URIs); longer strings are never matched. */
const MAX_FORMAT_INPUT = 2048;
const MAX_DATE_TIME = 64;
const MAX_EMAIL = 254;
const MAX_HOSTNAME = 253;

function isValidDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m] ?? 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, year = '', month = '', day = '', hour, minute, second, zoneHour, zoneMinute] = m;
  // Leap seconds (:60) are rejected: valid only at 23:59 UTC, too rare to be worth it.
  return (
    isValidDate(year, month, day) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(zoneHour ?? 0) <= 23 &&
    Number(zoneMinute ?? 0) <= 59
  );
}

function append(list: StringFormat[] | undefined, format: StringFormat): StringFormat[] {
  if (list === undefined) return [format];
  list.push(format);
  return list;
}

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isValidDate(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}

/**
 * Returns the formats a string matches (usually none or one; the formats are nearly
 * disjoint): RFC 3339 date-time and full-date, practical email, UUID of any version and
 * case, absolute URI with `scheme://host`, dotted-quad IPv4, dotted hostname whose last
 * label starts with a letter. The result may be a shared frozen array: do not mutate it.
 */
export function detectFormats(value: string): readonly StringFormat[] {
  const length = value.length;
  if (length < 3 || length > MAX_FORMAT_INPUT) return NO_FORMATS;
  // Cheap character gates first: most strings are plain text and skip every regex.
  const first = value.charCodeAt(0);
  const digitFirst = first >= 0x30 && first <= 0x39;
  const dateLike = digitFirst && value.charCodeAt(4) === 0x2d;
  const dotted = value.includes('.');
  let found: StringFormat[] | undefined;
  if (dateLike && length <= MAX_DATE_TIME && isDateTime(value)) found = append(found, 'date-time');
  if (dateLike && length === 10 && isDate(value)) found = append(found, 'date');
  if (dotted && length <= MAX_EMAIL && value.includes('@') && EMAIL.test(value)) {
    found = append(found, 'email');
  }
  if (length === 36 && value.charCodeAt(8) === 0x2d && UUID.test(value))
    found = append(found, 'uuid');
  if (value.includes('://') && URI.test(value)) found = append(found, 'uri');
  if (dotted && digitFirst && length <= 15 && IPV4.test(value)) found = append(found, 'ipv4');
  if (dotted && length <= MAX_HOSTNAME && HOSTNAME.test(value)) found = append(found, 'hostname');
  return found ?? NO_FORMATS;
}
