import { describe, expect, it } from 'vitest';
import { redactHeaders } from './redact-headers.js';
import { REDACTED } from './redact-text.js';

type Case = { name: string; headers: Record<string, string>; expected: Record<string, string> };

describe('redactHeaders', () => {
  it.each<Case>([
    {
      name: 'Bearer keeps its scheme',
      headers: { authorization: 'Bearer abc' },
      expected: { authorization: `Bearer ${REDACTED}` },
    },
    {
      name: 'Basic keeps its scheme',
      headers: { 'Proxy-Authorization': 'Basic dXNlcjpwYXNz' },
      expected: { 'Proxy-Authorization': `Basic ${REDACTED}` },
    },
    {
      name: 'a bare credential',
      headers: { Authorization: 'abc123' },
      expected: { Authorization: REDACTED },
    },
    {
      name: 'cookies go whole',
      headers: { cookie: 'sid=1; theme=dark', 'set-cookie': 's=2; Path=/' },
      expected: { cookie: REDACTED, 'set-cookie': REDACTED },
    },
    {
      name: 'named credentials',
      headers: {
        'X-API-Key': 'k',
        'api-key': 'k',
        'x-auth-token': 't',
        'x-session-id': 's',
        'x-client-secret': 'c',
      },
      expected: {
        'X-API-Key': REDACTED,
        'api-key': REDACTED,
        'x-auth-token': REDACTED,
        'x-session-id': REDACTED,
        'x-client-secret': REDACTED,
      },
    },
    {
      name: 'secret-looking values under other names',
      headers: {
        'x-forwarded-jwt': 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.sig',
        'x-note': 'Bearer abcdefghij',
      },
      expected: { 'x-forwarded-jwt': REDACTED, 'x-note': `Bearer ${REDACTED}` },
    },
    {
      name: 'ordinary headers untouched',
      headers: {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer realm="api"',
        'x-keyboard': 'qwerty',
      },
      expected: {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer realm="api"',
        'x-keyboard': 'qwerty',
      },
    },
  ])('$name', ({ headers, expected }) => {
    expect(redactHeaders(headers)).toEqual(expected);
  });

  it('returns a copy and leaves the input alone', () => {
    const headers = { authorization: 'Bearer abc' };
    const copy = redactHeaders(headers);
    expect(copy).not.toBe(headers);
    expect(headers.authorization).toBe('Bearer abc');
  });
});
