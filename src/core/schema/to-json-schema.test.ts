import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ENUM_MIN_SAMPLES } from './enum-rule.js';
import { inferSchema } from './infer-schema.js';
import { observeValue } from './observe-value.js';
import { createSchemaNode, MAX_DEPTH } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';
import { toJsonSchema } from './to-json-schema.js';
import type { JsonSchema } from './to-json-schema.js';

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

function repeat<T>(values: readonly T[], times: number): T[] {
  return Array.from({ length: times }, (_, i) => values[i % values.length] as T);
}

/** Keywords other than annotations, to compare the contract part of a schema. */
function contract(schema: JsonSchema): Omit<JsonSchema, 'x-observed'> {
  const { 'x-observed': _observed, ...rest } = schema;
  return rest;
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, ownProperties: true });
addFormats.default(ajv);
ajv.addKeyword('x-observed');

describe('toJsonSchema', () => {
  it.each<[string, unknown[], Omit<JsonSchema, 'x-observed'>]>([
    ['integers', [1, 2], { type: 'integer' }],
    ['integer and number fold into number', [1, 2.5], { type: 'number' }],
    ['nullable string', ['a', null], { type: ['string', 'null'] }],
    ['only null', [null], { type: 'null' }],
    [
      'union of kinds in precedence order',
      [true, 'a', 1],
      { type: ['string', 'integer', 'boolean'] },
    ],
    ['format held by every string', ['a@b.io', 'c@d.org'], { type: 'string', format: 'email' }],
    ['format held by some strings only', ['a@b.io', 'nope'], { type: 'string' }],
    [
      'arrays',
      [[1], []],
      {
        type: 'array',
        items: { type: 'integer', 'x-observed': { samples: 1, minimum: 1, maximum: 1 } },
      },
    ],
    ['only empty arrays', [[]], { type: 'array' }],
  ])('%s', (_name, samples, expected) => {
    expect(contract(toJsonSchema(learn(samples)))).toEqual(expected);
  });

  it.each<[string, unknown[], (string | number | null)[] | undefined]>([
    [
      'few strings over many samples',
      repeat(['red', 'green', 'blue'], ENUM_MIN_SAMPLES),
      ['blue', 'green', 'red'],
    ],
    ['integer codes', repeat([3, 1, 2], ENUM_MIN_SAMPLES), [1, 2, 3]],
    ['nullable enum', [...repeat(['a', 'b'], ENUM_MIN_SAMPLES), null], ['a', 'b', null]],
    ['too few samples', repeat(['red', 'green', 'blue'], ENUM_MIN_SAMPLES - 1), undefined],
    ['a single value', repeat(['only'], ENUM_MIN_SAMPLES), undefined],
    [
      'too many distinct values',
      repeat(
        Array.from({ length: 11 }, (_, i) => `v${i}`),
        60,
      ),
      undefined,
    ],
    [
      'too few samples per value',
      repeat(
        Array.from({ length: 10 }, (_, i) => `v${i}`),
        25,
      ),
      undefined,
    ],
    ['booleans', repeat([true, false], 40), undefined],
    ['floats', repeat([0.5, 1.5], 40), undefined],
    ['mixed kinds', repeat(['a', 1], 40), undefined],
  ])('enum: %s', (_name, samples, expected) => {
    expect(toJsonSchema(learn(samples)).enum).toEqual(expected);
  });

  it('emits required keys, open objects and verbatim property names', () => {
    const schema = toJsonSchema(
      learn([
        JSON.parse('{"a":1,"__proto__":"p","b":null}'),
        JSON.parse('{"a":2,"__proto__":"q"}'),
      ]),
    );
    expect(schema.required).toEqual(['__proto__', 'a']);
    expect(Object.keys(schema.properties ?? {})).toEqual(['__proto__', 'a', 'b']);
    expect(schema.additionalProperties).toBeUndefined();
    const validate = ajv.compile(schema);
    expect(validate(JSON.parse('{"a":3,"__proto__":"r","extra":1}'))).toBe(true);
    expect(validate({ a: 3 })).toBe(false);
    expect(validate(JSON.parse('{"a":"3","__proto__":"r"}'))).toBe(false);
  });

  it('exports collapsed maps as additionalProperties', () => {
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i]));
    const schema = toJsonSchema(inferSchema(wide));
    expect(schema.properties).toBeUndefined();
    expect(schema.required).toBeUndefined();
    expect(contract(schema.additionalProperties ?? {})).toEqual({ type: 'integer' });
    const validate = ajv.compile(schema);
    expect(validate({ anyKey: 5 })).toBe(true);
    expect(validate({ anyKey: 'five' })).toBe(false);
  });

  it('keeps observed ranges as annotations, not constraints', () => {
    const schema = toJsonSchema(learn(['ab', 'abcd', null, 3, 7, [1], [1, 2, 3]]));
    expect(schema['x-observed']).toEqual({
      samples: 7,
      nulls: 1,
      minLength: 2,
      maxLength: 4,
      minimum: 3,
      maximum: 7,
      minItems: 1,
      maxItems: 3,
    });
    const validate = ajv.compile(schema);
    expect(validate('a much longer string than any seen')).toBe(true);
    expect(validate(1000)).toBe(true);
    expect(validate([])).toBe(true);
    expect(validate(true)).toBe(false);
  });

  it('exports nodes without evidence or cut by the depth cap as {}', () => {
    expect(toJsonSchema(createSchemaNode())).toEqual({});
    let doc: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 5; i++) doc = [doc];
    let schema: JsonSchema | undefined = toJsonSchema(inferSchema(doc));
    for (let depth = 0; depth < MAX_DEPTH; depth++) schema = schema?.items;
    expect(schema).toEqual({});
  });

  it('sets the title on the root only and adds examples on request', () => {
    const node = learn([{ status: 'paid' }, { status: 'paid' }, { status: 'open' }]);
    const schema = toJsonSchema(node, { title: 'Invoice', includeExamples: true });
    expect(schema.title).toBe('Invoice');
    expect(schema.properties?.['status']?.title).toBeUndefined();
    expect(schema.properties?.['status']?.examples).toEqual(['paid', 'open']);
    expect(toJsonSchema(node).properties?.['status']?.examples).toBeUndefined();
  });
});
