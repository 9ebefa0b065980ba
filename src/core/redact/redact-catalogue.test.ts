import { describe, expect, it } from 'vitest';
import { redactHeaders } from './redact-headers.js';
import { redactJson } from './redact-json.js';
import { redactQuery } from './redact-query.js';

// The reliability catalogue's secret-leak case: every secret in a request and its response.
describe('redaction of the reliability catalogue exchange', () => {
  const redacted = {
    requestHeaders: redactHeaders({
      Authorization: 'Bearer SECRET1',
      Cookie: 'sid=SECRET2',
      'X-API-Key': 'SECRET3',
      'Proxy-Authorization': 'Basic SECRET4',
      'Content-Type': 'application/json',
    }),
    query: redactQuery('access_token=SECRET5&api_key=SECRET6'),
    requestBody: redactJson(
      JSON.parse(
        '{"password":"SECRET7","token":"SECRET8","card":"4111111111111111","nested":{"apiKey":"SECRET9"}}',
      ),
    ),
    responseHeaders: redactHeaders({
      'Set-Cookie': 's=SECRET10',
      'Content-Type': 'application/json',
    }),
    responseBody: redactJson(
      JSON.parse('{"jwt":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVQxMSJ9.SECRET11sig"}'),
    ),
  };
  const text = JSON.stringify(redacted);

  it.each(Array.from({ length: 11 }, (_, i) => `SECRET${i + 1}`))(
    '%s does not survive',
    (secret) => {
      expect(text).not.toContain(secret);
    },
  );

  it('keeps the keys, the auth schemes and the ordinary values', () => {
    expect(text).not.toContain('4111111111111111');
    expect(redacted.requestHeaders).toEqual({
      Authorization: 'Bearer [REDACTED]',
      Cookie: '[REDACTED]',
      'X-API-Key': '[REDACTED]',
      'Proxy-Authorization': 'Basic [REDACTED]',
      'Content-Type': 'application/json',
    });
    expect(redacted.query).toBe('access_token=[REDACTED]&api_key=[REDACTED]');
    expect(redacted.requestBody).toEqual({
      password: '[REDACTED]',
      token: '[REDACTED]',
      card: '[REDACTED]',
      nested: { apiKey: '[REDACTED]' },
    });
    expect(redacted.responseHeaders).toEqual({
      'Set-Cookie': '[REDACTED]',
      'Content-Type': 'application/json',
    });
    expect(redacted.responseBody).toEqual({ jwt: '[REDACTED]' });
  });
});
