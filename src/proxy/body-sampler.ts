import type { ModelSnapshot } from '../state/model-snapshot.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Most endpoints tracked; beyond it new endpoints share one bucket (the learner bounds them anyway). */
const MAX_BUCKETS = 4096;

/**
 * Decides which exchanges carry their bodies to the learner: per endpoint, a token bucket of
 * `perSecond` bodies (burst `burst`). Every exchange still reaches the pipeline and counts in
 * the statistics; only the body copy, parse and schema work is sampled under heavy load, so
 * learning cannot eat the proxy's CPU at saturation.
 */
export function createBodySampler(
  snapshot: ModelSnapshot,
  perSecond: number,
  burst: number,
  now: () => number = performance.now.bind(performance),
): (method: string, path: string) => boolean {
  const buckets = new Map<string, Bucket>();
  return (method, path) => {
    if (perSecond <= 0) return true;
    let key = `${method} ${snapshot.match(method, path).template}`;
    if (!buckets.has(key) && buckets.size >= MAX_BUCKETS) key = '*';
    const t = now();
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tokens: burst, at: t };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}
