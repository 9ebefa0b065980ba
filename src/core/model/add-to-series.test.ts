import { describe, expect, it } from 'vitest';
import { addToSeries } from './add-to-series.js';
import { SERIES_LIMIT, type TimeBucket } from './endpoint-model.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 0, 1);

function seriesOf(events: readonly [at: number, status: number, latency: number][]): TimeBucket[] {
  const series: TimeBucket[] = [];
  for (const [at, status, latency] of events) addToSeries(series, at, status, latency);
  return series;
}

describe('addToSeries', () => {
  it('files exchanges per minute with counts, errors (5xx and no response) and latencies', () => {
    const series = seriesOf([
      [T0 + 1, 200, 10],
      [T0 + 59_999, 500, 30],
      [T0 + MINUTE, 404, 20],
      [T0 + 5 * MINUTE + 7, 0, 0],
      [T0 + 2, 200, 10],
    ]);

    expect(series.map((b) => [b.start, b.count, b.errorCount, b.latency.count])).toEqual([
      [T0, 3, 1, 3],
      [T0 + MINUTE, 1, 0, 1],
      [T0 + 5 * MINUTE, 1, 1, 1],
    ]);
    expect(series[0]?.statusCounts).toEqual({ '200': 2, '500': 1 });
    expect(series[0]?.latency.max).toBe(30);
  });

  it('inserts a late minute in order', () => {
    const series = seriesOf([
      [T0 + 3 * MINUTE, 200, 1],
      [T0 + MINUTE, 200, 1],
      [T0 + 2 * MINUTE, 200, 1],
    ]);
    expect(series.map((b) => b.start)).toEqual([T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE]);
  });

  it(`keeps the newest ${SERIES_LIMIT} minutes`, () => {
    const series = seriesOf(
      Array.from({ length: 200 }, (_, i) => [T0 + i * MINUTE, 200, 1] as [number, number, number]),
    );
    expect(series).toHaveLength(SERIES_LIMIT);
    expect(series[0]?.start).toBe(T0 + 80 * MINUTE);

    // A minute older than every kept one is not recorded; a kept minute still counts.
    addToSeries(series, T0 + 10 * MINUTE, 200, 1);
    addToSeries(series, T0 + 80 * MINUTE, 200, 1);
    expect(series[0]).toMatchObject({ start: T0 + 80 * MINUTE, count: 2 });

    // A newer minute evicts the oldest.
    addToSeries(series, T0 + 500 * MINUTE, 200, 1);
    expect(series).toHaveLength(SERIES_LIMIT);
    expect([series[0]?.start, series.at(-1)?.start]).toEqual([T0 + 81 * MINUTE, T0 + 500 * MINUTE]);
  });
});
