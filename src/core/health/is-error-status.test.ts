import { describe, expect, it } from 'vitest';
import { isErrorStatus } from './is-error-status.js';

describe('isErrorStatus', () => {
  it.each([
    { status: 0, error: true },
    { status: 200, error: false },
    { status: 304, error: false },
    { status: 404, error: false },
    { status: 429, error: false },
    { status: 500, error: true },
    { status: 504, error: true },
  ])('$status → $error', ({ status, error }) => {
    expect(isErrorStatus(status)).toBe(error);
  });
});
