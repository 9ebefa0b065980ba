/** A JSON document fetched from an identity provider, with how long it may be cached. */
export interface FetchedJson {
  body: unknown;
  /** Cache-Control max-age in seconds; 0 for no-store/no-cache; undefined when absent. */
  maxAgeS: number | undefined;
}

const MAX_BYTES = 1024 * 1024;

/** Reads `max-age` from a Cache-Control value (RFC 9111 §5.2.2.1). */
export function parseMaxAge(cacheControl: string | null): number | undefined {
  if (!cacheControl) return undefined;
  if (/(^|[\s,])(no-store|no-cache)([\s,=]|$)/i.test(cacheControl)) return 0;
  const match = /(?:^|[\s,])max-age\s*=\s*"?(\d{1,10})"?/i.exec(cacheControl);
  return match ? Number(match[1]) : undefined;
}

/**
 * GETs a small JSON document with a hard timeout and size cap. Redirects are refused: keys
 * come only from the configured URL. Every failure throws, and callers treat a throw as
 * "cannot verify", never as "allowed".
 */
export async function fetchJson(url: string, timeoutMs: number): Promise<FetchedJson> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BYTES) throw new Error(`${url} sent more than ${MAX_BYTES} bytes`);
  const text = await response.text();
  if (text.length > MAX_BYTES) throw new Error(`${url} sent more than ${MAX_BYTES} bytes`);
  return {
    body: JSON.parse(text) as unknown,
    maxAgeS: parseMaxAge(response.headers.get('cache-control')),
  };
}
