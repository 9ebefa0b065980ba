import { describe, expect, it } from 'vitest';
import { redactQuery } from './redact-query.js';

describe('redactQuery', () => {
  it.each([
    ['', ''],
    ['page=2&sort=-name', 'page=2&sort=-name'],
    ['access_token=abc&api_key=def', 'access_token=[REDACTED]&api_key=[REDACTED]'],
    [
      'apikey=1&token=2&secret=3&password=4',
      'apikey=[REDACTED]&token=[REDACTED]&secret=[REDACTED]&password=[REDACTED]',
    ],
    [
      'signature=s&sig=t&key=k&code=c',
      'signature=[REDACTED]&sig=[REDACTED]&key=[REDACTED]&code=[REDACTED]',
    ],
    [
      'X-Amz-Credential=AKIA%2F2025&X-Amz-Signature=ff&X-Amz-Expires=60',
      'X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-Expires=60',
    ],
    ['apiKey=1&API%5FKEY=2&api-key=3', 'apiKey=[REDACTED]&API%5FKEY=[REDACTED]&api-key=[REDACTED]'],
    ['q=caf%C3%A9+au+lait&x=%ZZ&&flag&=v', 'q=caf%C3%A9+au+lait&x=%ZZ&&flag&=v'],
    ['token&zip_code=1234&keyboard=q', 'token&zip_code=1234&keyboard=q'],
    ['next=%2Fhome&t=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.sig', 'next=%2Fhome&t=[REDACTED]'],
    ['card=4111+1111+1111+1111&n=1', 'card=[REDACTED]&n=1'],
  ])('%s', (raw, expected) => {
    expect(redactQuery(raw)).toBe(expected);
  });
});
