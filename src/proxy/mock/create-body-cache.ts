import type { EndpointModel } from '../../core/model/endpoint-model.js';

export interface BodyCacheOptions {
  /** Most bodies kept; the oldest one goes first. */
  maxEntries: number;
  /** Most bytes kept across all bodies. */
  maxBytes: number;
}

export interface BodyCache {
  /**
   * The body for `key` generated from `model`: the cached bytes when the same key was
   * generated from the same model object, otherwise `produce()` (then cached).
   */
  get(model: EndpointModel, key: string, produce: () => string): Buffer;
  readonly size: number;
}

interface Entry {
  model: EndpointModel;
  bytes: Buffer;
}

/**
 * Generating a body walks the schema, classifies fields and seeds faker: hundreds of
 * microseconds for a 1 KB body, while sending cached bytes costs a few. A generated body is
 * a pure function of (model, key), and every learning batch publishes new model objects, so
 * an entry is valid exactly while its model is the one in the snapshot. Eviction is
 * first-in first-out: a hit is one map lookup, with no reordering on the hot path.
 */
export function createBodyCache(options: BodyCacheOptions): BodyCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const evict = () => {
    for (const [key, entry] of entries) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) return;
      entries.delete(key);
      bytes -= entry.bytes.length;
    }
  };

  return {
    get(model, key, produce) {
      const hit = entries.get(key);
      if (hit) {
        if (hit.model === model) return hit.bytes;
        entries.delete(key);
        bytes -= hit.bytes.length;
      }
      const entry = { model, bytes: Buffer.from(produce()) };
      // A body larger than the whole budget is served but never kept.
      if (entry.bytes.length > options.maxBytes) return entry.bytes;
      entries.set(key, entry);
      bytes += entry.bytes.length;
      evict();
      return entry.bytes;
    },
    get size() {
      return entries.size;
    },
  };
}
