/**
 * What one committed write tells the other instances, as a NOTIFY payload. Kept terse:
 * PostgreSQL caps a payload at 8000 bytes, so ids travel as lists split over several
 * notices and traffic as one id range (the receiver reads the rows).
 */
export interface PostgresNotice {
  /** Writer's instance id. */
  i: string;
  /** Settings keys written. */
  s?: string[];
  /** Endpoint ids merged or replaced. */
  e?: number[];
  /** Endpoint ids deleted. */
  r?: number[];
  /** First and last traffic row id this writer inserted. */
  t?: [number, number];
}

/** Largest payload we send (PostgreSQL's limit is 8000 bytes). */
export const MAX_NOTICE_BYTES = 7900;
const LIST_KEYS = ['s', 'e', 'r'] as const;

const bytes = (notice: PostgresNotice) => Buffer.byteLength(JSON.stringify(notice));

/** Serialises a notice into as many payloads as needed to stay under `maxBytes` each. */
export function encodeNotice(notice: PostgresNotice, maxBytes = MAX_NOTICE_BYTES): string[] {
  if (bytes(notice) <= maxBytes) return [JSON.stringify(notice)];
  // Split the longest list in two halves, each travelling with everything else once.
  const key = LIST_KEYS.reduce((best, k) =>
    (notice[k]?.length ?? 0) > (notice[best]?.length ?? 0) ? k : best,
  );
  const list = notice[key] ?? [];
  if (list.length < 2) throw new RangeError('a single notice entry exceeds the payload limit');
  const half = Math.ceil(list.length / 2);
  const { [key]: _dropped, ...rest } = notice;
  return [
    ...encodeNotice({ ...rest, [key]: list.slice(0, half) }, maxBytes),
    ...encodeNotice({ i: notice.i, [key]: list.slice(half) }, maxBytes),
  ];
}

const isIdList = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((n) => Number.isSafeInteger(n) && (n as number) > 0);

/** Parses a payload; anything malformed (another client may NOTIFY on the channel) is undefined. */
export function decodeNotice(payload: string): PostgresNotice | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.i !== 'string' || v.i === '') return undefined;
  const notice: PostgresNotice = { i: v.i };
  if (v.s !== undefined) {
    if (!Array.isArray(v.s) || !v.s.every((k) => typeof k === 'string')) return undefined;
    notice.s = v.s;
  }
  for (const key of ['e', 'r'] as const) {
    if (v[key] === undefined) continue;
    if (!isIdList(v[key])) return undefined;
    notice[key] = v[key];
  }
  if (v.t !== undefined) {
    if (!isIdList(v.t) || v.t.length !== 2 || v.t[0]! > v.t[1]!) return undefined;
    notice.t = [v.t[0]!, v.t[1]!];
  }
  return notice;
}
