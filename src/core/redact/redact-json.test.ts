import { describe, expect, it } from 'vitest';
import { redactJson, REDACT_MAX_DEPTH } from './redact-json.js';
import { REDACTED } from './redact-text.js';

describe('redactJson', () => {
  it.each([
    { name: 'scalars pass', value: 42, expected: 42 },
    { name: 'null passes', value: null, expected: null },
    {
      name: 'a secret string scalar',
      value: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
      expected: REDACTED,
    },
    {
      name: 'secret keys, any casing',
      value: { password: 'p', apiKey: 'k', API_KEY: 'k2', 'x-api-key': 'k3', user: 'ann' },
      expected: {
        password: REDACTED,
        apiKey: REDACTED,
        API_KEY: REDACTED,
        'x-api-key': REDACTED,
        user: 'ann',
      },
    },
    {
      name: 'numbers under secret keys, booleans and null kept',
      value: { cvv: 123, pin_set: true, password: null, password_enabled: false, count: 3 },
      expected: { cvv: REDACTED, pin_set: true, password: null, password_enabled: false, count: 3 },
    },
    {
      name: 'the shape under a secret key stays, its values do not',
      value: { session: { id: 'abc', user: { name: 'ann', age: 3, admin: true } }, tags: ['x'] },
      expected: {
        session: { id: REDACTED, user: { name: REDACTED, age: REDACTED, admin: true } },
        tags: ['x'],
      },
    },
    {
      name: 'descriptors are data',
      value: { token_type: 'Bearer', expires_in: 3600, token_count: 12, access_token: 'abc' },
      expected: { token_type: 'Bearer', expires_in: 3600, token_count: 12, access_token: REDACTED },
    },
    {
      name: 'value patterns under any key, in arrays too',
      value: { note: 'card 4111 1111 1111 1111', list: ['AKIAIOSFODNN7EXAMPLE', 'ok'] },
      expected: { note: `card ${REDACTED}`, list: [REDACTED, 'ok'] },
    },
    {
      name: 'harmless look-alikes untouched',
      value: {
        monkey: 'm',
        keyboard: 'k',
        passage: 'p',
        tokenizer_version: 'v1',
        id: '1735689600000',
      },
      expected: {
        monkey: 'm',
        keyboard: 'k',
        passage: 'p',
        tokenizer_version: 'v1',
        id: '1735689600000',
      },
    },
  ])('$name', ({ value, expected }) => {
    expect(redactJson(value)).toEqual(expected);
  });

  it('returns a null-prototype deep copy and keeps __proto__ as data', () => {
    const input = JSON.parse('{"__proto__":{"password":"x","polluted":1},"a":{"b":1}}') as Record<
      string,
      unknown
    >;
    const copy = redactJson(input) as Record<string, Record<string, unknown>>;

    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(copy['__proto__']).toEqual({ password: REDACTED, polluted: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(copy['a']).not.toBe(input['a']);
  });

  it(`replaces what lies deeper than ${REDACT_MAX_DEPTH} levels without recursing further`, () => {
    let deep: unknown = 'AKIA-not-a-key-but-unchecked';
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    let node = redactJson(deep);
    let depth = 0;
    while (typeof node === 'object' && node !== null) {
      node = (node as { next: unknown }).next;
      depth++;
    }
    expect([depth, node]).toEqual([REDACT_MAX_DEPTH, REDACTED]);
  });
});
