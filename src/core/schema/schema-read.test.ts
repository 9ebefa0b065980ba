import { describe, expect, it } from 'vitest';
import { observeValue } from './observe-value.js';
import { createSchemaNode } from './schema-node.js';
import type { JsonKind, SchemaNode, StringFormat } from './schema-node.js';
import {
  formatOf,
  isNullable,
  isRequired,
  itemCountRange,
  kindsOf,
  numberRange,
  primaryKind,
  propertyEntries,
  stringLengthRange,
} from './schema-read.js';

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

describe('schema readers', () => {
  it.each<[unknown[], JsonKind | undefined, JsonKind[]]>([
    [
      [true, 1.5, 1, 'a', [], {}],
      'object',
      ['object', 'array', 'string', 'integer', 'number', 'boolean'],
    ],
    [[true, 1.5, 1, 'a', []], 'array', ['array', 'string', 'integer', 'number', 'boolean']],
    [[true, 1.5, 1, 'a'], 'string', ['string', 'integer', 'number', 'boolean']],
    [[true, 1.5, 1], 'integer', ['integer', 'number', 'boolean']],
    [[true, 1.5], 'number', ['number', 'boolean']],
    [[true, null], 'boolean', ['boolean']],
    [[null], undefined, []],
    [[], undefined, []],
  ])('primaryKind/kindsOf of %j', (samples, primary, kinds) => {
    const node = learn(samples);
    expect(primaryKind(node)).toBe(primary);
    expect(kindsOf(node)).toEqual(kinds);
  });

  it.each<[unknown[], boolean]>([
    [[1, null], true],
    [[1, 2], false],
    [[], false],
  ])('isNullable(%j) is %s', (samples, expected) => {
    expect(isNullable(learn(samples))).toBe(expected);
  });

  it.each<[unknown[], StringFormat | undefined]>([
    [['2024-01-01', '1999-12-31'], 'date'],
    [['2024-01-01', null], 'date'],
    [['2024-01-01', 'soon'], undefined],
    [['2024-01-01', '2024-01-01T00:00:00Z'], undefined],
    [['a@b.io', 3], 'email'],
    [[3], undefined],
  ])('formatOf(%j) is %s', (samples, expected) => {
    expect(formatOf(learn(samples))).toBe(expected);
  });

  it('tells required from optional and never requires map values', () => {
    const parent = learn([{ a: 1, b: null }, { a: 2 }, 'not an object']);
    const [a, b] = [parent.properties?.['a'], parent.properties?.['b']];
    expect(a && isRequired(parent, a)).toBe(true);
    expect(b && isRequired(parent, b)).toBe(false);
    const map = learn([Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]))]);
    expect(map.additionalProperties && isRequired(map, map.additionalProperties)).toBe(false);
  });

  it('reads observed ranges', () => {
    const node = learn(['abc', 'a', 4, -2.5, [1, 2], []]);
    expect(stringLengthRange(node)).toEqual({ min: 1, max: 3 });
    expect(numberRange(node)).toEqual({ min: -2.5, max: 4 });
    expect(itemCountRange(node)).toEqual({ min: 0, max: 2 });
    expect(stringLengthRange(learn([1]))).toBeUndefined();
  });

  it('lists properties sorted by key', () => {
    const node = learn([{ b: 1, a: 2 }, { c: 3 }]);
    expect(propertyEntries(node).map(([key, child]) => [key, child.count])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(propertyEntries(learn([1]))).toEqual([]);
  });
});
