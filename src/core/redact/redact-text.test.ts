import { describe, expect, it } from 'vitest';
import { redactText, REDACTED } from './redact-text.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTRUNSRVQxMSJ9.SECRET11sig';

describe('redactText', () => {
  it.each([
    { name: 'a JWT', text: JWT, expected: REDACTED },
    {
      name: 'a JWT inside text',
      text: `token is ${JWT}, keep it`,
      expected: `token is ${REDACTED}, keep it`,
    },
    {
      name: 'a Bearer credential (scheme kept)',
      text: 'Bearer abc.DEF-123_xyz',
      expected: `Bearer ${REDACTED}`,
    },
    { name: 'an AWS access key id', text: 'AKIAIOSFODNN7EXAMPLE', expected: REDACTED },
    {
      name: 'a GitHub token',
      text: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      expected: REDACTED,
    },
    {
      name: 'a fine-grained GitHub token',
      text: 'github_pat_11ABCDEFG0123456789_abcdefghijk',
      expected: REDACTED,
    },
    { name: 'a Slack token', text: 'xoxb-1234567890-abcdefghij', expected: REDACTED },
    { name: 'a Stripe key', text: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', expected: REDACTED },
    {
      name: 'a Google API key',
      text: 'AIzaSyA1234567890abcdefghijklmnopqrstuv',
      expected: REDACTED,
    },
    {
      name: 'a PEM private key',
      text: 'k=-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----!',
      expected: `k=${REDACTED}!`,
    },
    { name: 'a Visa number', text: '4111111111111111', expected: REDACTED },
    {
      name: 'a spaced Mastercard number',
      text: 'card 5555 5555 5555 4444 ok',
      expected: `card ${REDACTED} ok`,
    },
    { name: 'a dashed Amex number', text: '3782-822463-10005', expected: REDACTED },
    {
      name: 'a card-like number failing Luhn',
      text: '4111111111111112',
      expected: '4111111111111112',
    },
    { name: 'an epoch-ms timestamp', text: '1735689600000', expected: '1735689600000' },
    { name: 'a snowflake id', text: '1234567890123456789', expected: '1234567890123456789' },
    { name: 'a 20-digit number', text: '41111111111111111111', expected: '41111111111111111111' },
    {
      name: 'a UUID',
      text: '123e4567-e89b-12d3-a456-426614174000',
      expected: '123e4567-e89b-12d3-a456-426614174000',
    },
    { name: 'plain prose', text: 'Bearer of good news', expected: 'Bearer of good news' },
    { name: 'a short string', text: 'eyJ', expected: 'eyJ' },
  ])('$name', ({ text, expected }) => {
    expect(redactText(text)).toBe(expected);
  });
});
