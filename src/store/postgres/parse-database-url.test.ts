import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './parse-database-url.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['postgres://u@h/db', undefined, { connectionString: 'postgres://u@h/db', schema: 'public' }],
    [
      'postgres://u@h/db?schema=team_a',
      undefined,
      { connectionString: 'postgres://u@h/db', schema: 'team_a' },
    ],
    [
      'postgresql://h/db?sslmode=disable&schema=b',
      undefined,
      { connectionString: 'postgresql://h/db?sslmode=disable', schema: 'b' },
    ],
    [
      'postgres://h/db?schema=from_url',
      'explicit',
      { connectionString: 'postgres://h/db', schema: 'explicit' },
    ],
  ])('%s (schema option %s)', (url, schema, expected) => {
    expect(parseDatabaseUrl(url, schema)).toEqual(expected);
  });

  it.each([
    ['mysql://h/db', /must start with postgres/],
    ['nonsense', /not a valid URL/],
    ['postgres://h/db?schema=Team', /lowercase identifier/],
    ['postgres://h/db?schema=a;drop', /lowercase identifier/],
    [`postgres://h/db?schema=${'a'.repeat(49)}`, /at most 48/],
  ])('rejects %s', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });
});
