import { describe, expect, it } from 'vitest';
import { HEADER_VALUES_LIMIT } from './endpoint-model.js';
import { HEADER_VALUE_MAX_LENGTH, learnHeaders, PRESENT } from './learn-headers.js';

type Learned = Record<string, Record<string, number>>;

function learn(...responses: Record<string, string>[]): Learned {
  const learned = Object.create(null) as Learned;
  for (const headers of responses) learnHeaders(learned, headers);
  return learned;
}

describe('learnHeaders', () => {
  it('learns allow-listed values, the presence of per-response ones, and nothing else', () => {
    const learned = learn(
      {
        'content-type': 'application/json; charset=utf-8',
        'Cache-Control': ' no-store ',
        etag: 'W/"abc"',
        'x-ratelimit-limit': '100',
        'x-ratelimit-remaining': '99',
        'set-cookie': 'sid=[REDACTED]',
        authorization: 'Bearer [REDACTED]',
        'x-api-key': '[REDACTED]',
        'x-session-token': '[REDACTED]',
        'content-length': '42',
        'content-encoding': 'gzip',
        date: 'Wed, 01 Jan 2025 00:00:00 GMT',
        server: 'nginx',
      },
      {
        'content-type': 'application/json; charset=utf-8',
        etag: 'W/"def"',
        'x-ratelimit-remaining': '98',
      },
    );

    expect(learned).toEqual({
      'content-type': { 'application/json; charset=utf-8': 2 },
      'cache-control': { 'no-store': 1 },
      etag: { [PRESENT]: 2 },
      'x-ratelimit-limit': { '100': 1 },
      'x-ratelimit-remaining': { [PRESENT]: 2 },
    });
  });

  it(`keeps the ${HEADER_VALUES_LIMIT} lexically smallest values with exact counts`, () => {
    const languages = ['nl', 'de', 'it', 'fr', 'es', 'en', 'pt', 'pl', 'sv', 'da', 'cs', 'fi'];
    const learned = learn(
      ...languages.map((lang) => ({ 'content-language': lang })),
      { 'content-language': 'de' },
      { 'content-language': 'zz' },
      { 'content-language': 'aa' },
    );
    const values = learned['content-language'] ?? {};

    expect(Object.keys(values)).toEqual(['aa', 'cs', 'da', 'de', 'en', 'es', 'fi', 'fr']);
    expect(values['de']).toBe(2);
    expect(Object.values(values).reduce((a, b) => a + b)).toBe(HEADER_VALUES_LIMIT + 1);
  });

  it('skips over-long values and keeps odd values as plain data', () => {
    const learned = learn(
      { vary: 'x'.repeat(HEADER_VALUE_MAX_LENGTH + 1) },
      { vary: '__proto__' },
      { vary: '__proto__' },
    );
    expect(Object.keys(learned['vary'] ?? {})).toEqual(['__proto__']);
    expect(learned['vary']?.['__proto__']).toBe(2);
  });
});
