import { importJWK, importX509, type JWK } from 'jose';
import { fetchJson } from './fetch-json.js';

/** A public key as jose's verify functions take it. */
export type VerifyKey = Awaited<ReturnType<typeof importX509>>;

export interface KeyFetcherOptions {
  /** A JWKS (`{keys: [...]}`) or an X.509 map (`{kid: "-----BEGIN CERTIFICATE-----…"}`). */
  url: string;
  /** Per fetch. */
  timeoutMs?: number;
  /** Smallest gap between fetches caused by an unknown kid or by a failed fetch. */
  cooldownMs?: number;
  /** Cache life when the response has no Cache-Control max-age. */
  defaultMaxAgeMs?: number;
  now?: () => number;
}

export interface KeyFetcher {
  /**
   * The RS256 key published under `kid`, or undefined when none is. Throws when no valid
   * key set can be had (fetch failed and nothing unexpired is cached).
   */
  keyFor(kid: string): Promise<VerifyKey | undefined>;
  /** Fetches made so far (for tests and metrics). */
  fetchCount(): number;
}

/** Cache life is clamped: a max-age of 0 must not turn every request into a fetch. */
const MIN_CACHE_MS = 1000;
const MAX_CACHE_MS = 24 * 3600 * 1000;

function isCertificateMap(body: object): body is Record<string, string> {
  const values = Object.values(body);
  return (
    values.length > 0 &&
    values.every((v) => typeof v === 'string' && v.includes('-----BEGIN CERTIFICATE-----'))
  );
}

/** Parses either key-set format; keys that are not usable for RS256 signatures are skipped. */
async function parseKeySet(body: unknown): Promise<Map<string, VerifyKey>> {
  const keys = new Map<string, VerifyKey>();
  if (typeof body !== 'object' || body === null) return keys;
  const list = (body as { keys?: unknown }).keys;
  if (Array.isArray(list)) {
    for (const jwk of list as Partial<JWK>[]) {
      if (
        typeof jwk !== 'object' ||
        jwk === null ||
        jwk.kty !== 'RSA' ||
        typeof jwk.kid !== 'string'
      )
        continue;
      if (
        (jwk.alg !== undefined && jwk.alg !== 'RS256') ||
        (jwk.use !== undefined && jwk.use !== 'sig')
      )
        continue;
      try {
        const key = await importJWK({ kty: jwk.kty, n: jwk.n, e: jwk.e }, 'RS256');
        if (typeof key === 'object' && !(key instanceof Uint8Array)) keys.set(jwk.kid, key);
      } catch {
        // One malformed key must not hide the others.
      }
    }
  } else if (isCertificateMap(body)) {
    for (const [kid, pem] of Object.entries(body)) {
      try {
        keys.set(kid, await importX509(pem, 'RS256'));
      } catch {
        // As above.
      }
    }
  }
  return keys;
}

/**
 * Token-signing keys from one configured URL, cached for the response's Cache-Control
 * max-age (as firebase-admin's UrlKeyFetcher does). An unknown kid causes at most one refetch
 * per cooldown, so random kids cannot make us hammer the key server (the prototype refetched
 * on every unknown kid). Headers such as jku/x5u/jwk are never consulted: only this URL is.
 */
export function createKeyFetcher(options: KeyFetcherOptions): KeyFetcher {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 3000;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const defaultMaxAgeMs = options.defaultMaxAgeMs ?? 10 * 60_000;
  let keys: Map<string, VerifyKey> | undefined;
  let expiresAt = 0;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let lastFailed = false;
  let fetches = 0;
  let inflight: Promise<void> | undefined;

  const refresh = () => {
    inflight ??= (async () => {
      lastAttemptAt = now();
      fetches++;
      try {
        const fetched = await fetchJson(options.url, timeoutMs);
        const parsed = await parseKeySet(fetched.body);
        if (parsed.size === 0) throw new Error(`${options.url} published no usable RS256 key`);
        const life = fetched.maxAgeS === undefined ? defaultMaxAgeMs : fetched.maxAgeS * 1000;
        keys = parsed;
        expiresAt = now() + Math.min(MAX_CACHE_MS, Math.max(MIN_CACHE_MS, life));
        lastFailed = false;
      } catch (error) {
        lastFailed = true;
        if (now() >= expiresAt) keys = undefined;
        throw error;
      }
    })().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  return {
    async keyFor(kid) {
      const coolingDown = now() - lastAttemptAt < cooldownMs;
      if (keys && now() < expiresAt) {
        if (keys.has(kid) || coolingDown) return keys.get(kid);
        // A kid we have not seen may be a fresh rotation; a failed refetch keeps the valid cache.
        await refresh().catch(() => undefined);
        return keys?.get(kid);
      }
      if (lastFailed && coolingDown)
        throw new Error('signing keys are unavailable (last fetch failed)');
      await refresh();
      return keys?.get(kid);
    },
    fetchCount: () => fetches,
  };
}
