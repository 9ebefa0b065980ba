import { hashString } from '../random.js';

/**
 * Cardinality evidence for one segment position: the literal values seen as children of one
 * trie node (one parent prefix, all methods). Values are kept as 32-bit hashes, at most
 * TRACKED_LITERALS_LIMIT of them, so no raw value is retained and memory stays bounded; once
 * the table is full, every unseen value counts as a new singleton (`untracked`).
 */
export interface LiteralTracker {
  /** Literal observations at this position (pinned literals excluded). */
  observations: number;
  /** hashString(literal) → hits. */
  hits: Map<number, number>;
  /** Distinct values seen after `hits` was full. */
  untracked: number;
  /** Cached: hits.size + untracked. */
  distinct: number;
  /** Cached: values seen exactly once, untracked ones included. */
  singletons: number;
}

/**
 * When a literal position becomes a parameter (never at the root segment: one flood of scanner
 * paths must not fold a whole API into `/{param}`). Either
 * - at least `minDistinct` distinct values over at least `minObservations` observations, and at
 *   least `minSingletonShare` of the distinct values seen only once: ids arrive as a stream of
 *   new values, while an API's 30 resource names under `/api/v1` are each hit again and again;
 * - or at least `maxDistinct` distinct values, whatever their hits: no real route has that
 *   many literal siblings, and ids that are each requested several times end up here.
 */
export interface PromotionPolicy {
  minDistinct: number;
  minObservations: number;
  minSingletonShare: number;
  maxDistinct: number;
}

export const DEFAULT_PROMOTION_POLICY: Readonly<PromotionPolicy> = {
  minDistinct: 20,
  minObservations: 50,
  minSingletonShare: 0.75,
  maxDistinct: 128,
};

/** Hashes kept per position; beyond it values are only counted. */
export const TRACKED_LITERALS_LIMIT = 128;

/**
 * A literal with at least this many hits, and at least HOT_LITERAL_SHARE of its position's
 * observations, stays literal when the position is promoted: `/api/v1` next to a flood of
 * junk under `/api`, or `/users/me` next to user names.
 */
export const HOT_LITERAL_MIN_HITS = 10;
export const HOT_LITERAL_SHARE = 0.05;

export function createLiteralTracker(): LiteralTracker {
  return { observations: 0, hits: new Map(), untracked: 0, distinct: 0, singletons: 0 };
}

/** Counts one observation of `literal` at the tracked position. */
export function recordLiteral(tracker: LiteralTracker, literal: string): void {
  tracker.observations++;
  const key = hashString(literal);
  const hits = tracker.hits.get(key);
  if (hits === undefined) {
    tracker.distinct++;
    tracker.singletons++;
    if (tracker.hits.size < TRACKED_LITERALS_LIMIT) tracker.hits.set(key, 1);
    else tracker.untracked++;
    return;
  }
  if (hits === 1) tracker.singletons--;
  tracker.hits.set(key, hits + 1);
}

/** Applies the promotion policy to a tracked position. */
export function shouldPromote(tracker: LiteralTracker, policy: PromotionPolicy): boolean {
  if (tracker.distinct >= policy.maxDistinct) return true;
  return (
    tracker.distinct >= policy.minDistinct &&
    tracker.observations >= policy.minObservations &&
    tracker.singletons >= policy.minSingletonShare * tracker.distinct
  );
}

/** True when `literal` is hot enough to survive its position's promotion. */
export function isHotLiteral(tracker: LiteralTracker, literal: string): boolean {
  const hits = tracker.hits.get(hashString(literal)) ?? 0;
  return hits >= HOT_LITERAL_MIN_HITS && hits >= HOT_LITERAL_SHARE * tracker.observations;
}

/** Adds `from`'s evidence to `into` (two positions that became one); stays bounded. */
export function mergeLiteralTrackers(into: LiteralTracker, from: LiteralTracker): void {
  into.observations += from.observations;
  into.untracked += from.untracked;
  for (const [key, hits] of from.hits) {
    const mine = into.hits.get(key);
    if (mine !== undefined) into.hits.set(key, mine + hits);
    else if (into.hits.size < TRACKED_LITERALS_LIMIT) into.hits.set(key, hits);
    else into.untracked++;
  }
  refreshTrackerCounts(into);
}

/** Recomputes the cached counts from `hits` and `untracked`. */
export function refreshTrackerCounts(tracker: LiteralTracker): void {
  let singletons = tracker.untracked;
  for (const hits of tracker.hits.values()) if (hits === 1) singletons++;
  tracker.distinct = tracker.hits.size + tracker.untracked;
  tracker.singletons = singletons;
}
