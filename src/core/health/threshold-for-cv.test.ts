import { describe, expect, it } from 'vitest';
import { thresholdForCv } from './threshold-for-cv.js';

describe('thresholdForCv', () => {
  it.each([
    { cv: 0, threshold: 2 },
    { cv: 0.05, threshold: 2.2 },
    { cv: 0.25, threshold: 3 },
    { cv: 0.5, threshold: 4 },
    { cv: 1, threshold: 6 },
    { cv: 3, threshold: 6 },
    { cv: -1, threshold: 2 },
    { cv: Number.POSITIVE_INFINITY, threshold: 6 },
    { cv: Number.NaN, threshold: 6 },
  ])('maps CV $cv to $threshold σ', ({ cv, threshold }) => {
    expect(thresholdForCv(cv)).toBeCloseTo(threshold, 10);
  });
});
