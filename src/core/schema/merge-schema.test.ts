import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer-schema.js';
import { mergeSchema } from './merge-schema.js';
import { observeValue } from './observe-value.js';
import { createSchemaNode, ENUM_TRACK_LIMIT, MAX_DEPTH, MAX_PROPERTIES } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

function keyedObject(prefix: string, count: number): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, i]));
}

const sample = {
  id: 7,
  email: 'a@b.io',
  tags: ['x', 'y'],
  profile: { bio: null, score: 9.5 },
};

describe('mergeSchema', () => {
  it('is pure: inputs are not mutated and share nothing with the result', () => {
    const a = deepFreeze(inferSchema(sample));
    const b = deepFreeze(inferSchema({ id: 8, tags: [], profile: { bio: 'hi' }, extra: true }));
    const before = JSON.stringify([a, b]);
    const merged = mergeSchema(a, b);
    observeValue(merged, { ...sample, extra: false, tags: ['z'] });
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it.each<[string, unknown[]]>([
    ['an object', [sample]],
    ['scalars and nulls', [1, 'a', null, true, 2.5]],
    ['nothing', []],
  ])('has the empty node as identity (%s)', (_name, samples) => {
    const node = learn(samples);
    expect(mergeSchema(createSchemaNode(), node)).toStrictEqual(node);
    expect(mergeSchema(node, createSchemaNode())).toStrictEqual(node);
  });

  it('emits maps with sorted keys whatever the merge order', () => {
    const a = inferSchema({ zeta: 'z', alpha: 1, '10': true, '9': null });
    const b = inferSchema({ mid: [1.5], alpha: 'x' });
    const ab = JSON.stringify(mergeSchema(a, b));
    expect(ab).toBe(JSON.stringify(mergeSchema(b, a)));
    expect(Object.keys(mergeSchema(a, b).properties ?? {})).toEqual([
      '9',
      '10',
      'alpha',
      'mid',
      'zeta',
    ]);
  });

  it.each<[string, unknown[], unknown[], unknown[]]>([
    [
      'value overflow',
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      ['h', 'i', 'j', 'k', 'l', 'm', 'n'],
      ['o', 'p', 'q', 'r', 's', 't', 'u'],
    ],
    [
      'property collapse',
      [keyedObject('a', 100)],
      [keyedObject('b', 100)],
      [keyedObject('c', 100)],
    ],
    ['mixed kinds', [{ a: 1 }, [1]], ['x', null], [{ a: 'y', b: [] }]],
  ])('is associative and commutative on %s', (_name, first, second, third) => {
    const [a, b, c] = [learn(first), learn(second), learn(third)];
    const left = mergeSchema(mergeSchema(a, b), c);
    expect(mergeSchema(a, mergeSchema(b, c))).toStrictEqual(left);
    expect(mergeSchema(c, mergeSchema(b, a))).toStrictEqual(left);
    expect(left).toStrictEqual(learn([...first, ...second, ...third]));
  });

  it('overflows values and collapses properties only past the limits', () => {
    const values = mergeSchema(learn(['a', 'b']), learn(Array.from({ length: 18 }, (_, i) => i)));
    expect(Object.keys(values.values ?? {})).toHaveLength(ENUM_TRACK_LIMIT);
    expect(mergeSchema(values, inferSchema('c')).values).toBeNull();

    const half = MAX_PROPERTIES / 2;
    const wide = mergeSchema(
      inferSchema(keyedObject('a', half)),
      inferSchema(keyedObject('b', half)),
    );
    expect(Object.keys(wide.properties ?? {})).toHaveLength(MAX_PROPERTIES);
    const collapsed = mergeSchema(wide, inferSchema({ c: 'x' }));
    expect(collapsed.properties).toBeUndefined();
    expect(collapsed.additionalProperties?.count).toBe(MAX_PROPERTIES + 1);
  });

  it('revives nodes parsed from storage into null-prototype maps', () => {
    const stored = inferSchema(JSON.parse('{"__proto__":{"a":1},"x":[1]}'));
    const parsed = JSON.parse(JSON.stringify(stored)) as SchemaNode;
    const revived = mergeSchema(createSchemaNode(), parsed);
    expect(revived).toStrictEqual(stored);
    expect(Object.getPrototypeOf(revived.properties)).toBeNull();
    // `constructor` missing on the parsed side must not resolve to Object.prototype's.
    const merged = mergeSchema(parsed, inferSchema(JSON.parse('{"constructor":1}')));
    expect(merged.properties?.['constructor']).toStrictEqual(inferSchema(1));
  });

  it('caps depth on untrusted, deeply nested nodes without RangeError', () => {
    const root = createSchemaNode();
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      node.count = 1;
      node.types.array = 1;
      node.items = createSchemaNode();
      node = node.items;
    }
    let merged: SchemaNode | undefined = mergeSchema(root, root);
    for (let depth = 0; depth < MAX_DEPTH; depth++) merged = merged?.items;
    expect(merged).toMatchObject({ count: 2, types: { array: 2 }, depthLimited: true });
    expect(merged?.items).toBeUndefined();
  });
});
