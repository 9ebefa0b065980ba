import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectParamSegment, detectSegment, type ParamKind } from './detect-segment.js';
import { MAX_SEGMENT_LENGTH } from './path-limits.js';

describe('detectSegment', () => {
  it.each<[string, ParamKind]>([
    ['42', 'id'],
    ['0', 'id'],
    ['550e8400-e29b-41d4-a716-446655440000', 'id'],
    ['550E8400-E29B-41D4-A716-446655440000', 'id'],
    ['01890a5d-ac96-774b-bcce-b302099a8057', 'id'], // v7
    ['cus_NffrFeUfNV2Hib', 'id'],
    ['pi_3MtwBwLkdIwHu7ix28a3tqPa', 'id'],
    ['cs_test_a1b2C3d4E5f6G7h8I9j0', 'id'],
    ['prod_NWjsKbJWmuucAb', 'id'], // mixed case, no digit
    ['a1b2c3d4e5f6a7b8c9d0', 'hash'],
    ['a1b2c3d4e5f6a7b8', 'hash'],
    ['D41D8CD98F00B204E9800998ECF8427E', 'hash'],
    ['my-first-blog-post', 'slug'],
    ['user-profile-settings', 'slug'],
    ['2024-01-15', 'slug'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc_DEF-123', 'token'],
    ['eyJhbGciOiJIUzI1NiJ9.x.y', 'token'],
    ['eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.', 'token'],
    ['eyJhbGciOiJIUzI1NiJ9', 'token'],
    ['dGhpcyBpcyBhIHJhbmRvbSB0b2tlbjEyMw==', 'token'],
    ['aGVsbG8%2Fd29ybGQ%3D%3Dxyz', 'token'],
    ['abcdefghij0123456789klmn', 'token'],
    ['x'.repeat(MAX_SEGMENT_LENGTH + 1), 'token'],
  ])('%s is %s', (segment, kind) => {
    expect(detectSegment(segment)).toBe(kind);
  });

  it.each([
    'v2',
    'v1beta',
    'oauth2',
    'me',
    '2fa',
    'settings',
    'profile',
    'api',
    'graphql',
    'index.html',
    'favicon.ico',
    '.well-known',
    'openid-configuration',
    'payment_method_configurations',
    'release_notes_2024_01_archive',
    'subscription_schedules',
    'external_accounts',
    'a1b2c3d4e5f6a7b', // 15 hex
    'ab-cd-ef', // 8 chars
    'My-First-Post',
    'my--first-post',
    'abcdefghijklmnopqrstuvwxyz',
    'getAllUsersByOrganization',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', // two parts
    'abc.def.ghi.jkl.mno.pqr.stu',
    'user01',
    '12.5',
    '-5',
    '%7Bid%7D',
    '',
    'x'.repeat(MAX_SEGMENT_LENGTH),
  ])('%s stays literal', (segment) => {
    expect(detectSegment(segment)).toBeUndefined();
  });

  it('never scans a segment over the length cap', () => {
    const huge = {
      length: 64 * 1024,
      charCodeAt: () => {
        throw new Error('scanned');
      },
    } as unknown as string;
    expect(detectSegment(huge)).toBe('token');
  });

  it.each([
    `${'a-'.repeat(32 * 1024)}!`,
    `${'a'.repeat(64 * 1024)}!`,
    `${'QUJD'.repeat(16 * 1024)}!`,
    `${'0123abcd-'.repeat(910)}!`,
  ])('an adversarial 64 KiB-class segment is an opaque token (#%#)', (segment) => {
    expect(detectSegment(segment)).toBe('token');
  });
});

describe('detectParamSegment', () => {
  it.each([
    ['632910392.json', { kind: 'id', suffix: '.json' }],
    ['d41d8cd98f00b204e9800998ecf8427e.png', { kind: 'hash', suffix: '.png' }],
    ['my-first-blog-post.html', { kind: 'slug', suffix: '.html' }],
    ['42', { kind: 'id', suffix: '' }],
    ['index.html', undefined],
    ['fulfillments.json', undefined],
    ['12.5', undefined],
    ['v1.0.0', undefined],
    ['42.JSON', undefined],
    ['42.toolong', undefined],
    ['.json', undefined],
  ])('%s → %j', (segment, expected) => {
    expect(detectParamSegment(segment)).toEqual(expected);
  });
});

/** The documented rules as plain regexes (test-only), to check the character scanners. */
function referenceDetect(s: string): ParamKind | undefined {
  if (s.length > MAX_SEGMENT_LENGTH) return 'token';
  if (/^[0-9]+$/.test(s)) return 'id';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) return 'id';
  const prefixed = /^([a-z]+(?:_[a-z]+)*)_([A-Za-z0-9]{10,})$/.exec(s);
  if (prefixed && s.length >= 14 && (prefixed[1] ?? '').length <= 16) {
    const tail = prefixed[2] ?? '';
    const digit = /[0-9]/.test(tail);
    const lower = /[a-z]/.test(tail);
    const upper = /[A-Z]/.test(tail);
    if ((digit && (lower || upper)) || (lower && upper)) return 'id';
  }
  if (/^[0-9a-fA-F]{16,}$/.test(s) && /[a-fA-F]/.test(s)) return 'hash';
  if (s.length > 8 && /^[a-z0-9]+(?:-[a-z0-9]+){2,}$/.test(s)) return 'slug';
  if (s.length < 20) return undefined;
  if (s.includes('.')) {
    const parts = s.split('.');
    const valid =
      s.startsWith('eyJ') &&
      (parts.length === 3 || parts.length === 5) &&
      parts.every(
        (part, i) => /^[A-Za-z0-9_-]*$/.test(part) && (part !== '' || i === parts.length - 1),
      );
    return valid ? 'token' : undefined;
  }
  if (!/^(?:[A-Za-z0-9+_-]|%2[BbFf]|%3[Dd])+={0,2}$/.test(s)) return undefined;
  const evidence = /[0-9+=%]/.test(s);
  return evidence && (/[A-Z]/.test(s) || !/[-_]/.test(s)) ? 'token' : undefined;
}

describe('detectSegment agrees with the documented rules', () => {
  const unit = fc.constantFrom(...'0123456789abcdefxyzABCFXYZ-_.+=%23DeyJ'.split(''));
  const shapes = fc.oneof(
    fc.string({ unit, maxLength: 60 }),
    fc.uuid().map((u) => u.toUpperCase()),
    fc.uuid(),
    fc.stringMatching(/^[a-z]{1,5}(_[a-z]{1,4})?_[A-Za-z0-9]{8,16}$/),
    fc.stringMatching(/^[0-9a-f]{14,20}$/),
    fc.stringMatching(/^[a-z0-9]{1,4}(-[a-z0-9]{1,4}){1,4}$/),
    fc.stringMatching(/^eyJ[A-Za-z0-9_-]{4,12}(\.[A-Za-z0-9_-]{0,8}){1,4}$/),
    fc.stringMatching(/^[A-Za-z0-9+_-]{18,24}={0,3}$/),
  );

  it('for random and near-miss segments', () => {
    fc.assert(
      fc.property(shapes, (segment) => {
        expect(detectSegment(segment)).toBe(referenceDetect(segment));
      }),
      { seed: 20240117, numRuns: 4000 },
    );
  });
});
