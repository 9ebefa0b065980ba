import { describe, expect, it } from 'vitest';
import { evidenceRange, RANGE_TRUST_SAMPLES } from './evidence-range.js';

describe('evidenceRange', () => {
  it.each([
    ['no range', undefined, 100, 'value', undefined],
    [
      'trusted values',
      { min: 3, max: 7 },
      RANGE_TRUST_SAMPLES,
      'value',
      { min: 3, max: 7, trusted: true },
    ],
    ['one value', { min: 42, max: 42 }, 1, 'value', { min: 21, max: 63, trusted: false }],
    [
      'small values never go negative',
      { min: 0, max: 0.25 },
      3,
      'value',
      { min: 0, max: 0.75, trusted: false },
    ],
    [
      'negative values widen both ways',
      { min: -10, max: -2 },
      3,
      'value',
      { min: -15, max: 3, trusted: false },
    ],
    [
      'wide span pads by the span',
      { min: 0, max: 100 },
      19,
      'value',
      { min: 0, max: 150, trusted: false },
    ],
    ['sizes', { min: 5, max: 9 }, 2, 'size', { min: 2, max: 20, trusted: false }],
    ['trusted sizes', { min: 5, max: 9 }, 50, 'size', { min: 5, max: 9, trusted: true }],
  ] as const)('%s', (_, observed, samples, scale, expected) => {
    expect(evidenceRange(observed, samples, scale)).toEqual(expected);
  });
});
