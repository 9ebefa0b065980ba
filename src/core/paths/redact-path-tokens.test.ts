import { describe, expect, it } from 'vitest';
import { OVERFLOW_TEMPLATE } from './path-limits.js';
import { redactPathTokens } from './redact-path-tokens.js';

describe('redactPathTokens', () => {
  it.each([
    ['/confirm/eyJhbGciOiJIUzI1NiJ9.x.y', '/confirm/{token}'],
    ['/dl/dGhpcyBpcyBhIHJhbmRvbSB0b2tlbjEyMw==/file', '/dl/{token}/file'],
    [`/t/${'k'.repeat(300)}`, '/t/{token}'],
    ['/users/42', '/users/42'],
    ['/users/42/?q=secret', '/users/42'],
    ['/', '/'],
    [`/${'a'.repeat(5000)}`, OVERFLOW_TEMPLATE],
  ])('%s → %s', (path, redacted) => {
    expect(redactPathTokens(path)).toBe(redacted);
  });
});
