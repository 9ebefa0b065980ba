import { describe, expect, it } from 'vitest';
import { parseQuery, QUERY_PAIRS_LIMIT } from './parse-query.js';

describe('parseQuery', () => {
  it.each([
    { raw: '', expected: {} },
    { raw: 'a=1&b=x&b=y&flag', expected: { a: 1, b: ['x', 'y'], flag: true } },
    {
      raw: 'n=-3&f=1.5&g=-0.25&t=true&F=false',
      expected: { n: -3, f: 1.5, g: -0.25, t: true, F: false },
    },
    {
      name: 'ambiguous numbers stay strings',
      raw: 'zip=007&neg0=-0&exp=1e5&big=12345678901234567890&dot=1.&hex=0x10&sp=%201',
      expected: {
        zip: '007',
        neg0: '-0',
        exp: '1e5',
        big: '12345678901234567890',
        dot: '1.',
        hex: '0x10',
        sp: ' 1',
      },
    },
    { raw: 'TRUE=True&empty=', expected: { TRUE: 'True', empty: '' } },
    {
      raw: 'q=hello+world&check=%E2%9C%93&bad=%E0%A4%A',
      expected: { q: 'hello world', check: '✓', bad: '%E0%A4%A' },
    },
    { raw: 'a=1&a=2&a=x', expected: { a: [1, 2, 'x'] } },
    { raw: 'flag&flag=2', expected: { flag: [true, 2] } },
    { raw: '=v&&x=&%5Bk%5D=1', expected: { '': 'v', x: '', '[k]': 1 } },
    { raw: 'token=[REDACTED]', expected: { token: '[REDACTED]' } },
  ])('$raw', ({ raw, expected }) => {
    expect(parseQuery(raw)).toEqual(expected);
  });

  it('keeps __proto__ and constructor as plain data', () => {
    const params = parseQuery('__proto__=1&constructor=x&toString=2');
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(Object.entries(params)).toEqual([
      ['__proto__', 1],
      ['constructor', 'x'],
      ['toString', 2],
    ]);
  });

  it(`reads at most ${QUERY_PAIRS_LIMIT} pairs`, () => {
    const raw = Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&');
    const params = parseQuery(raw);
    expect(Object.keys(params)).toHaveLength(QUERY_PAIRS_LIMIT);
    expect(params[`p${QUERY_PAIRS_LIMIT - 1}`]).toBe(QUERY_PAIRS_LIMIT - 1);
  });
});
