import { describe, expect, it } from 'vitest';
import {
  createLiteralTracker,
  DEFAULT_PROMOTION_POLICY,
  isHotLiteral,
  mergeLiteralTrackers,
  recordLiteral,
  shouldPromote,
  TRACKED_LITERALS_LIMIT,
  type LiteralTracker,
} from './literal-tracker.js';

/** A tracker that saw `distinct` values, the first `repeated` of them `hits` times, the rest once. */
function trackerWith(distinct: number, repeated = 0, hits = 1): LiteralTracker {
  const tracker = createLiteralTracker();
  for (let i = 0; i < distinct; i++) {
    const times = i < repeated ? hits : 1;
    for (let n = 0; n < times; n++) recordLiteral(tracker, `value${i}`);
  }
  return tracker;
}

describe('shouldPromote', () => {
  it.each([
    ['19 singletons over 50 observations', trackerWith(19, 1, 32), false],
    ['50 singletons', trackerWith(50), true],
    ['49 singletons (under minObservations)', trackerWith(49), false],
    ['30 names hit 5 times each', trackerWith(30, 30, 5), false],
    ['40 values, 10 repeated 3 times (75% singletons)', trackerWith(40, 10, 3), true],
    ['40 values, 11 repeated 3 times', trackerWith(40, 11, 3), false],
    ['127 values hit 3 times each', trackerWith(127, 127, 3), false],
    ['128 values hit 3 times each', trackerWith(128, 128, 3), true],
  ])('%s → %s', (_label, tracker, expected) => {
    expect(shouldPromote(tracker, DEFAULT_PROMOTION_POLICY)).toBe(expected);
  });
});

describe('literal tracker', () => {
  it('keeps at most TRACKED_LITERALS_LIMIT hashes and counts the rest', () => {
    const tracker = trackerWith(TRACKED_LITERALS_LIMIT + 72);
    expect(tracker.hits.size).toBe(TRACKED_LITERALS_LIMIT);
    expect(tracker.untracked).toBe(72);
    expect(tracker.distinct).toBe(TRACKED_LITERALS_LIMIT + 72);
    expect(tracker.singletons).toBe(TRACKED_LITERALS_LIMIT + 72);
  });

  it('marks only frequent literals hot', () => {
    const tracker = trackerWith(60, 1, 10);
    expect(isHotLiteral(tracker, 'value0')).toBe(true);
    expect(isHotLiteral(tracker, 'value1')).toBe(false);
    const diluted = trackerWith(300, 1, 10);
    expect(isHotLiteral(diluted, 'value0')).toBe(false);
  });

  it('merges evidence and recomputes the counts', () => {
    const into = trackerWith(3);
    const from = createLiteralTracker();
    recordLiteral(from, 'value0');
    recordLiteral(from, 'other');
    mergeLiteralTrackers(into, from);
    expect(into).toMatchObject({ observations: 5, distinct: 4, singletons: 3 });
  });
});
