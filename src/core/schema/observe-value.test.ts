import { describe, expect, it } from 'vitest';
import { inferSchema } from './infer-schema.js';
import { mergeSchema } from './merge-schema.js';
import { observeValue } from './observe-value.js';
import {
  createSchemaNode,
  ENUM_TRACK_LIMIT,
  ENUM_VALUE_MAX_LENGTH,
  MAX_DEPTH,
  MAX_PROPERTIES,
} from './schema-node.js';
import type { SchemaNode } from './schema-node.js';

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

/** Plain-object view (null-prototype maps print and compare like ordinary ones). */
function plain(node: object): unknown {
  return JSON.parse(JSON.stringify(node)) as unknown;
}

function uuidKey(i: number): string {
  return `${i.toString(16).padStart(8, '0')}-7d3c-4a1b-9f00-0123456789ab`;
}

describe('observeValue: scalars', () => {
  it.each<[string, unknown[], Record<string, unknown>]>([
    ['integers', [1, -4, 7], { count: 3, types: { integer: 3 }, minimum: -4, maximum: 7 }],
    ['integer vs number', [1, 1.5], { types: { integer: 1, number: 1 }, minimum: 1, maximum: 1.5 }],
    ['large integers stay integers', [1e21], { types: { integer: 1 } }],
    ['nullable string', [null, 'ab', null], { count: 3, nullCount: 2, types: { string: 1 } }],
    ['only null', [null], { count: 1, nullCount: 1, types: {} }],
    ['booleans', [true, false, true], { types: { boolean: 3 }, values: { true: 2, false: 1 } }],
    ['string lengths', ['', 'abcd', 'ab'], { minLength: 0, maxLength: 4 }],
    ['lengths count code points', ['😀a'], { minLength: 2, maxLength: 2 }],
  ])('%s', (_name, samples, expected) => {
    expect(plain(learn(samples))).toMatchObject(expected);
  });

  it('counts every kind of a union separately', () => {
    const node = learn(['a', 1, 2.5, true, [], {}, null]);
    expect(plain(node.types)).toEqual({
      string: 1,
      integer: 1,
      number: 1,
      boolean: 1,
      array: 1,
      object: 1,
    });
    expect(node.nullCount).toBe(1);
  });

  it.each<[string, unknown[], Record<string, number> | null | undefined]>([
    ['strings by JSON text', ['a', 'b', 'a'], { '"a"': 2, '"b"': 1 }],
    ['integers', [3, 3, -1], { '3': 2, '-1': 1 }],
    ['floats are not tracked', [1.5, 2.5], undefined],
    ['overflow is sticky', [...Array.from({ length: ENUM_TRACK_LIMIT + 1 }, (_, i) => i), 0], null],
    ['free text is never an enum', ['x'.repeat(ENUM_VALUE_MAX_LENGTH + 1), 'a'], null],
  ])('tracks distinct values: %s', (_name, samples, expected) => {
    const values = learn(samples).values;
    expect(values === null || values === undefined ? values : { ...values }).toEqual(expected);
  });

  it('keeps up to ENUM_TRACK_LIMIT distinct values', () => {
    const values = learn(Array.from({ length: ENUM_TRACK_LIMIT }, (_, i) => `v${i}`)).values;
    expect(Object.keys(values ?? {})).toHaveLength(ENUM_TRACK_LIMIT);
  });

  it('counts formats per sample', () => {
    const node = learn(['2024-01-01', 'a@b.io', '2024-01-02']);
    expect(plain(node)).toMatchObject({ types: { string: 3 }, formats: { date: 2, email: 1 } });
  });

  it.each([undefined, Number.NaN, Infinity, () => 1, Symbol('s'), 10n])(
    'ignores non-JSON value %s',
    (value) => {
      expect(plain(learn([value]))).toEqual({ count: 0, nullCount: 0, types: {} });
    },
  );
});

describe('observeValue: objects and arrays', () => {
  it('tells required from optional keys over several samples', () => {
    const node = learn([{ a: 1, b: 'x' }, { a: 2 }, { a: null, b: 'y', c: undefined }]);
    expect(node.types.object).toBe(3);
    expect(Object.keys(node.properties ?? {}).sort()).toEqual(['a', 'b']);
    expect(node.properties?.a).toMatchObject({ count: 3, nullCount: 1 });
    expect(node.properties?.b).toMatchObject({ count: 2, nullCount: 0 });
  });

  it.each<[string, unknown[][], { minItems: number; maxItems: number; items?: number }]>([
    ['several arrays', [[1], [1, 2, 3], []], { minItems: 0, maxItems: 3, items: 4 }],
    ['only empty arrays', [[], []], { minItems: 0, maxItems: 0 }],
    ['one array', [['a', 'b']], { minItems: 2, maxItems: 2, items: 2 }],
  ])('merges array items and item counts: %s', (_name, arrays, expected) => {
    const node = learn(arrays);
    expect({ minItems: node.minItems, maxItems: node.maxItems, items: node.items?.count }).toEqual(
      expected,
    );
  });

  it('merges object elements of arrays into one items node', () => {
    const node = learn([[{ id: 1 }, { id: 2, tag: 'x' }], [{ id: 3 }]]);
    expect(node.items?.types.object).toBe(3);
    expect(node.items?.properties?.id?.count).toBe(3);
    expect(node.items?.properties?.tag?.count).toBe(1);
  });
});

describe('observeValue: bounds', () => {
  it.each<[string, (inner: unknown) => unknown]>([
    ['arrays', (inner) => [inner]],
    ['objects', (inner) => ({ next: inner })],
  ])('caps depth on 100,000 nested %s without RangeError', (_name, wrap) => {
    let doc: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) doc = wrap(doc);
    const root = learn([doc, doc]);
    let node: SchemaNode | undefined = root;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      expect(node?.depthLimited).toBeUndefined();
      node = node?.items ?? node?.properties?.next;
    }
    expect(node).toMatchObject({ count: 2, depthLimited: true });
    expect(node?.items ?? node?.properties).toBeUndefined();
  });

  it('collapses a 100,000-key object (a map keyed by UUIDs) to additionalProperties', () => {
    const wide: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) wide[uuidKey(i)] = { qty: i };
    const node = inferSchema(wide);
    expect(node.properties).toBeUndefined();
    expect(node.additionalProperties?.count).toBe(100_000);
    expect(node.additionalProperties?.properties?.qty?.maximum).toBe(99_999);
  });

  it('collapses once the union of keys exceeds MAX_PROPERTIES and stays collapsed', () => {
    const first = Object.fromEntries(
      Array.from({ length: MAX_PROPERTIES }, (_, i) => [uuidKey(i), i]),
    );
    const node = learn([first]);
    expect(Object.keys(node.properties ?? {})).toHaveLength(MAX_PROPERTIES);
    observeValue(node, { [uuidKey(MAX_PROPERTIES)]: 'late' });
    expect(node.properties).toBeUndefined();
    expect(node.additionalProperties).toMatchObject({
      count: MAX_PROPERTIES + 1,
      types: { integer: MAX_PROPERTIES, string: 1 },
    });
    observeValue(node, { a: true });
    expect(node.properties).toBeUndefined();
    expect(node.additionalProperties?.count).toBe(MAX_PROPERTIES + 2);
  });

  const pollutingDoc = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}';
  it.each<[string, number, (doc: unknown) => SchemaNode]>([
    ['observeValue', 2, (doc) => learn([doc, doc])],
    ['mergeSchema', 3, (doc) => mergeSchema(learn([doc, doc]), inferSchema(doc))],
  ])('keeps __proto__ and constructor keys as plain data (%s)', (_name, samples, build) => {
    const node = build(JSON.parse(pollutingDoc));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    const properties = node.properties ?? {};
    expect(Object.getPrototypeOf(properties)).toBeNull();
    expect(Object.keys(properties).sort()).toEqual(['__proto__', 'constructor']);
    expect(properties['__proto__']?.properties?.['polluted']?.count).toBe(samples);
    const prototype = properties['constructor']?.properties?.['prototype'];
    expect(prototype?.properties?.['x']?.count).toBe(samples);
  });
});
