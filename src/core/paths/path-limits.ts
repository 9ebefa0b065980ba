/**
 * Hard limits of path templating. They run before any classification, so no input can make
 * templating slow or its memory unbounded (RELIABILITY: cardinality explosion, ReDoS).
 */

/** Paths longer than this (query excluded) are never examined: they map to OVERFLOW_TEMPLATE. */
export const MAX_PATH_LENGTH = 2048;

/**
 * Segments longer than this are never scanned: they are opaque and always `{token}`, because
 * an over-long segment is far more likely to be a credential than a route name.
 */
export const MAX_SEGMENT_LENGTH = 256;

/** Paths with more non-empty segments than this map to OVERFLOW_TEMPLATE; it caps trie depth. */
export const MAX_SEGMENTS = 32;

/**
 * The one bucket for everything that cannot get its own template: over-long paths, invalid
 * methods, and new paths once the template table is full. One endpoint per method.
 */
export const OVERFLOW_TEMPLATE = '/{overflow}';

/** Stands in for the value of a `{token}` segment wherever a raw value would be reported. */
export const TOKEN_MASK = '{token}';
