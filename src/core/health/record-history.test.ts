import { describe, expect, it } from 'vitest';
import { createHealthState } from './create-health-state.js';
import { listHistory } from './list-history.js';
import { HISTORY_LIMIT, recordHistory } from './record-history.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1);

describe('recordHistory and listHistory', () => {
  it('folds exchanges into one point per minute with counts, median latency and the lowest score', () => {
    const state = createHealthState();
    const samples = [
      { at: T0 + 1000, isError: false, latencyMs: 30, score: 100 },
      { at: T0 + 2000, isError: true, latencyMs: 10, score: 62.5 },
      { at: T0 + 59_999, isError: false, latencyMs: 20, score: 100 },
      { at: T0 + MINUTE, isError: false, latencyMs: 40, score: 85 },
      { at: T0 + MINUTE + 1, isError: false, latencyMs: 60, score: 100 },
      { at: T0 + 5 * MINUTE, isError: false, latencyMs: Number.NaN, score: 100 },
    ];
    for (const sample of samples) recordHistory(state, sample);

    expect(listHistory(state)).toEqual([
      { start: T0, count: 3, errorCount: 1, latencyP50Ms: 20, healthScore: 62.5 },
      { start: T0 + MINUTE, count: 2, errorCount: 0, latencyP50Ms: 50, healthScore: 85 },
      { start: T0 + 5 * MINUTE, count: 1, errorCount: 0, latencyP50Ms: null, healthScore: 100 },
    ]);
  });

  it('folds a late exchange into the open minute', () => {
    const state = createHealthState();
    recordHistory(state, { at: T0 + MINUTE, isError: false, latencyMs: 10, score: 100 });
    recordHistory(state, { at: T0, isError: true, latencyMs: 10, score: 75 });

    expect(listHistory(state)).toEqual([
      { start: T0 + MINUTE, count: 2, errorCount: 1, latencyP50Ms: 10, healthScore: 75 },
    ]);
  });

  it('stays bounded: at most HISTORY_LIMIT points and 64 latency samples a minute', () => {
    const state = createHealthState();
    for (let minute = 0; minute < 300; minute++) {
      for (let i = 0; i < 100; i++) {
        recordHistory(state, {
          at: T0 + minute * MINUTE + i,
          isError: false,
          latencyMs: i,
          score: 100,
        });
      }
    }
    const points = listHistory(state, 1000);

    expect(HISTORY_LIMIT).toBe(120);
    expect(state.history).toHaveLength(HISTORY_LIMIT);
    expect(state.openBucket?.latencies).toHaveLength(64);
    expect(points).toHaveLength(HISTORY_LIMIT);
    expect(points.at(-1)).toMatchObject({ start: T0 + 299 * MINUTE, count: 100 });
    expect(points[0]?.start).toBe(T0 + 180 * MINUTE);
  });

  it.each([
    { limit: 0, starts: [] },
    { limit: 2, starts: [2, 3] },
    { limit: 2.7, starts: [2, 3] },
    { limit: -5, starts: [] },
    { limit: Number.NaN, starts: [0, 1, 2, 3] },
  ])('returns the latest $limit points', ({ limit, starts }) => {
    const state = createHealthState();
    for (let minute = 0; minute < 4; minute++) {
      recordHistory(state, { at: T0 + minute * MINUTE, isError: false, latencyMs: 1, score: 100 });
    }

    expect(listHistory(state, limit).map((p) => (p.start - T0) / MINUTE)).toEqual(starts);
  });

  it('returns copies that cannot alter the state', () => {
    const state = createHealthState();
    recordHistory(state, { at: T0, isError: false, latencyMs: 1, score: 100 });
    recordHistory(state, { at: T0 + MINUTE, isError: false, latencyMs: 1, score: 100 });

    listHistory(state)[0]!.count = 99;

    expect(state.history[0]?.count).toBe(1);
  });
});
