import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_OPTIONS } from './health-options.js';
import type { SizeBaseline } from './health-state.js';
import { trackResponseSize } from './track-response-size.js';

const options = DEFAULT_HEALTH_OPTIONS;
const warm = (mean: number): SizeBaseline => ({ count: 100, mean });

describe('trackResponseSize', () => {
  it.each([
    { mean: 10_240, bytes: 100, severity: 'high' },
    { mean: 1000, bytes: 3100, severity: 'medium' },
    { mean: 1000, bytes: 2900, severity: undefined },
    { mean: 1000, bytes: 320, severity: 'medium' },
    { mean: 1000, bytes: 340, severity: undefined },
    { mean: 1000, bytes: 6000, severity: 'high' },
    { mean: 500, bytes: 0, severity: 'high' },
    { mean: 0, bytes: 100, severity: 'high' },
    { mean: 2, bytes: 11, severity: undefined },
  ])('average $mean B, body $bytes B → $severity', ({ mean, bytes, severity }) => {
    expect(trackResponseSize(warm(mean), bytes, options)?.severity).toBe(severity);
  });

  it('explains the drift', () => {
    expect(trackResponseSize(warm(10_240), 100, options)?.message).toBe(
      'Response size 100 B is 88.4× smaller than the 10.0 KB average (threshold 3×)',
    );
    expect(trackResponseSize(warm(1000), 5 * 1024 * 1024, options)?.message).toMatch(
      /^Response size 5\.0 MB is \d+\.\d× larger than the 1000 B average/,
    );
  });

  it.each([
    { samples: 9, flagged: false },
    { samples: 10, flagged: true },
  ])(
    'judges only after the warm-up ($samples samples → flagged: $flagged)',
    ({ samples, flagged }) => {
      const size: SizeBaseline = { count: 0, mean: 0 };
      for (let i = 0; i < samples; i++) trackResponseSize(size, 10_240, options);

      expect(trackResponseSize(size, 10, options) !== undefined).toBe(flagged);
    },
  );

  it('absorbs an outlier only up to the drift band, so a new size becomes normal gradually', () => {
    const size = warm(1000);
    const flagged = Array.from({ length: 40 }, () => trackResponseSize(size, 100_000, options));

    expect(flagged.slice(0, 10).every((f) => f !== undefined)).toBe(true);
    expect(flagged.at(-1)).toBeUndefined();
    const once = warm(1000);
    trackResponseSize(once, 100_000, options);
    expect(once.mean).toBeCloseTo(1000 + 0.05 * 2 * 1016, 6);
  });

  it.each([Number.NaN, -1, Number.POSITIVE_INFINITY])('ignores a size of %s', (bytes) => {
    const size = warm(1000);

    expect(trackResponseSize(size, bytes, options)).toBeUndefined();
    expect(size).toEqual(warm(1000));
  });
});
