import { describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_OPTIONS } from './health-options.js';
import type { ErrorBaseline } from './health-state.js';
import { trackErrorRate } from './track-error-rate.js';

const options = DEFAULT_HEALTH_OPTIONS;
const SECOND = 1000;

/** Feeds outcomes one second apart (true = error); returns whether each fired. */
function feed(errors: ErrorBaseline, outcomes: boolean[], from = 0): boolean[] {
  return outcomes.map(
    (e, i) => trackErrorRate(errors, from + i * SECOND, e, options) !== undefined,
  );
}

const repeat = (value: boolean, n: number): boolean[] => Array.from({ length: n }, () => value);

/** A baseline with the given learned rate and a window holding `windowErrors` errors of 19. */
function createBaseline(rate: number, windowErrors: number): ErrorBaseline {
  const recent = Array.from({ length: 19 }, (_, i) => ({
    at: i * SECOND,
    error: i < windowErrors,
  }));
  return { recent, rate, count: 1000 };
}

describe('trackErrorRate', () => {
  it('fires from the third error of an outage and keeps firing for as long as it lasts', () => {
    const errors: ErrorBaseline = { recent: [], rate: 0, count: 0 };
    feed(errors, repeat(false, 100));
    const fired = feed(errors, repeat(true, 300), 100 * SECOND);

    expect(fired.slice(0, 2)).toEqual([false, false]);
    expect(fired.slice(2).every(Boolean)).toBe(true);
    expect(errors.rate).toBeLessThan(0.03);
  });

  it('stops firing once the window has drained after the outage', () => {
    const errors: ErrorBaseline = { recent: [], rate: 0, count: 0 };
    feed(errors, repeat(false, 100));
    feed(errors, repeat(true, 30), 100 * SECOND);
    const fired = feed(errors, repeat(false, 40), 130 * SECOND);

    expect(fired.slice(0, 10).every(Boolean)).toBe(true);
    expect(fired.slice(-20).some(Boolean)).toBe(false);
  });

  it.each([
    // learned rate, errors already in the window of 19, outcome, expected severity
    { rate: 0, windowErrors: 1, error: true, severity: undefined }, // 2 errors < minimum 3
    { rate: 0, windowErrors: 2, error: true, severity: 'high' }, // 15 % vs the 1 % floor
    { rate: 0.1, windowErrors: 5, error: true, severity: undefined }, // 30 % = 3× is not above
    { rate: 0.1, windowErrors: 6, error: true, severity: 'medium' }, // 35 % = 3.5×
    { rate: 0.1, windowErrors: 10, error: false, severity: 'medium' }, // 50 % = 5× is not above 5×
    { rate: 0.1, windowErrors: 10, error: true, severity: 'high' }, // 55 % = 5.5×
    { rate: 0.5, windowErrors: 19, error: true, severity: undefined }, // 100 % = 2×
  ])(
    'rate $rate, $windowErrors+$error errors in the window → $severity',
    ({ rate, windowErrors, error, severity }) => {
      const errors = createBaseline(rate, windowErrors);

      expect(trackErrorRate(errors, 19 * SECOND, error, options)?.severity).toBe(severity);
    },
  );

  it('explains a spike against a floored baseline', () => {
    const finding = trackErrorRate(createBaseline(0, 2), 19 * SECOND, true, options);

    expect(finding?.message).toBe(
      'Error rate 15.0% (3 of the last 20 requests) is 15.0× the 0.0% baseline (floored at 1.0%); threshold 3×',
    );
  });

  it('does not judge before the window holds enough outcomes', () => {
    const errors: ErrorBaseline = { recent: [], rate: 0, count: 0 };

    expect(feed(errors, repeat(true, 9)).some(Boolean)).toBe(false);
  });

  it('freezes the learned rate while in spike and learns again afterwards', () => {
    const errors = createBaseline(0.01, 5);
    trackErrorRate(errors, 19 * SECOND, true, options);
    expect(errors.rate).toBe(0.01);

    const calm = createBaseline(0.01, 0);
    trackErrorRate(calm, 19 * SECOND, true, options);
    expect(calm.rate).toBeCloseTo(0.0199, 10);
  });

  it('drops outcomes older than the window age and keeps at most the window size', () => {
    const errors = createBaseline(0, 19);
    trackErrorRate(errors, 18 * SECOND + options.errorWindowMs, false, options);
    expect(errors.recent).toHaveLength(1);

    const full: ErrorBaseline = { recent: [], rate: 0, count: 0 };
    feed(full, repeat(false, 100));
    expect(full.recent).toHaveLength(options.errorWindowSize);
  });
});
