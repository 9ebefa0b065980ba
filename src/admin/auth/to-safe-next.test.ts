import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSafeNext } from './to-safe-next.js';

describe('toSafeNext', () => {
  it.each([
    ['/admin/explorer', '/admin/explorer'],
    ['/admin/docs', '/admin/docs'],
    ['/', '/'],
    ['//evil.test', '/'],
    ['/\\evil.test', '/'],
    ['https://evil.test/', '/'],
    ['javascript:alert(1)', '/'],
    ['/admin/docs?x=1', '/'],
    ['/"><script>alert(1)</script>', '/'],
    ['/admin/login', '/'],
    ['/admin/login/oidc', '/'],
    [undefined, '/'],
    [42, '/'],
    [`/${'a'.repeat(600)}`, '/'],
  ])('%j → %j', (input, expected) => {
    expect(toSafeNext(input)).toBe(expected);
  });

  it('only ever yields a plain same-origin path', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const next = toSafeNext(input);
        expect(next).toMatch(/^\/(?![/\\])[A-Za-z0-9\-._~/%]*$/);
        expect(new URL(next, 'http://host.test').host).toBe('host.test');
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });
});
