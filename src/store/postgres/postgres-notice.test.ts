import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decodeNotice,
  encodeNotice,
  MAX_NOTICE_BYTES,
  type PostgresNotice,
} from './postgres-notice.js';

const id = fc.integer({ min: 1, max: 2 ** 40 });
const notice: fc.Arbitrary<PostgresNotice> = fc.record(
  {
    i: fc.stringMatching(/^[0-9a-f]{8}$/),
    s: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 50 }),
    e: fc.array(id, { minLength: 1, maxLength: 3000 }),
    r: fc.array(id, { minLength: 1, maxLength: 50 }),
    t: fc.tuple(id, id).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
  },
  { requiredKeys: ['i'] },
);

describe('encodeNotice / decodeNotice', () => {
  it('splits large notices under the payload limit without losing or duplicating anything', () => {
    fc.assert(
      fc.property(notice, (input) => {
        const payloads = encodeNotice(input);
        const decoded = payloads.map((p) => decodeNotice(p)!);
        expect(payloads.every((p) => Buffer.byteLength(p) <= MAX_NOTICE_BYTES)).toBe(true);
        expect(decoded.every((d) => d.i === input.i)).toBe(true);
        expect(decoded.flatMap((d) => d.s ?? [])).toEqual(input.s ?? []);
        expect(decoded.flatMap((d) => d.e ?? [])).toEqual(input.e ?? []);
        expect(decoded.flatMap((d) => d.r ?? [])).toEqual(input.r ?? []);
        expect(decoded.filter((d) => d.t).map((d) => d.t)).toEqual(input.t ? [input.t] : []);
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it.each([
    ['not json', '{'],
    ['an array', '[1]'],
    ['no instance', '{"s":["a"]}'],
    ['keys that are not strings', '{"i":"a","s":[1]}'],
    ['negative ids', '{"i":"a","e":[-1]}'],
    ['fractional ids', '{"i":"a","r":[1.5]}'],
    ['a reversed range', '{"i":"a","t":[5,2]}'],
    ['a range of three', '{"i":"a","t":[1,2,3]}'],
  ])('ignores %s', (_what, payload) => {
    expect(decodeNotice(payload)).toBeUndefined();
  });

  it('keeps __proto__ as a plain settings key', () => {
    expect(decodeNotice('{"i":"a","s":["__proto__"]}')).toEqual({ i: 'a', s: ['__proto__'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
