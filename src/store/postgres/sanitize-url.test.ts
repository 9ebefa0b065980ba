import { describe, expect, it } from 'vitest';
import { sanitizeUrl } from './sanitize-url.js';

describe('sanitizeUrl', () => {
  it.each([
    ['postgres://app:s3cret@db.internal:5432/mock', 'postgres://app:***@db.internal:5432/mock'],
    ['postgres://app@db/mock?schema=team_a', 'postgres://app@db/mock?schema=team_a'],
    [
      'postgresql://u:p%40ss@h/d?sslpassword=x&application_name=a',
      'postgresql://u:***@h/d?sslpassword=***&application_name=a',
    ],
    ['postgres://h/d?PASSWORD=hunter2', 'postgres://h/d?PASSWORD=***'],
    ['postgres://u:hunter2@', '(unparsable database URL)'],
    ['not a url with hunter2', '(unparsable database URL)'],
  ])('%s → %s', (input, expected) => {
    expect(sanitizeUrl(input)).toBe(expected);
    expect(sanitizeUrl(input)).not.toMatch(/s3cret|p%40ss|hunter2/);
  });
});
