import { describe, expect, it } from 'vitest';
import type { TypePlan } from './plan-types.js';
import { printZod } from './print-zod.js';
import type { TypeSchema } from './type-schema.js';

function planWith(field: TypeSchema, required: boolean): TypePlan {
  const schema: TypeSchema = { title: 'T', type: 'object', properties: { f: field } };
  if (required) schema.required = ['f'];
  return { endpoints: [], definitions: [{ name: 'T', schema }], sampleCount: 0 };
}

function fieldLine(field: TypeSchema, required = true): string {
  const line = printZod(planWith(field, required))
    .split('\n')
    .find((text) => text.startsWith('  f: '));
  return line?.slice('  f: '.length) ?? '';
}

describe('printZod', () => {
  it.each<[string, TypeSchema, string]>([
    ['string', { type: 'string' }, 'z.string(),'],
    [
      'integer',
      { type: 'integer', 'x-observed': { samples: 2, minimum: 1, maximum: 9 } },
      'z.int(),',
    ],
    [
      'integer beyond 2^53',
      { type: 'integer', 'x-observed': { samples: 1, minimum: 0, maximum: 2 ** 60 } },
      'z.number(),',
    ],
    ['number', { type: 'number' }, 'z.number(),'],
    ['boolean', { type: 'boolean' }, 'z.boolean(),'],
    ['nullable', { type: ['integer', 'null'] }, 'z.int().nullable(),'],
    ['only null', { type: 'null' }, 'z.null(),'],
    ['anything', {}, 'z.unknown(),'],
    ['union', { type: ['string', 'integer'] }, 'z.union([z.string(), z.int()]),'],
    [
      'string enum',
      { type: ['string', 'null'], enum: ['a', 'b"c', null] },
      'z.enum(["a", "b\\"c"]).nullable(),',
    ],
    ['integer enum', { type: 'integer', enum: [1, 2] }, 'z.literal([1, 2]),'],
    ['uuid of any version', { type: 'string', format: 'uuid' }, 'z.guid(),'],
    ['date', { type: 'string', format: 'date' }, 'z.iso.date(),'],
    ['ipv4', { type: 'string', format: 'ipv4' }, 'z.ipv4(),'],
    ['email stays a string', { type: 'string', format: 'email' }, 'z.string(), // format: email'],
    [
      'date-time stays a string',
      { type: 'string', format: 'date-time' },
      'z.string(), // format: date-time',
    ],
    ['array of named type', { type: 'array', items: { $ref: '#/$defs/Item' } }, 'z.array(Item),'],
    ['array of anything', { type: 'array' }, 'z.array(z.unknown()),'],
    [
      'map',
      { type: 'object', additionalProperties: { type: 'integer' } },
      'z.record(z.string(), z.int()),',
    ],
    ['object without learned keys', { type: 'object' }, 'z.record(z.string(), z.unknown()),'],
    [
      'nullable named object',
      { anyOf: [{ $ref: '#/$defs/Owner' }, { type: 'null' }] },
      'Owner.nullable(),',
    ],
    [
      'named object or string',
      { anyOf: [{ $ref: '#/$defs/Owner' }, { type: 'string' }] },
      'z.union([Owner, z.string()]),',
    ],
  ])('%s', (_label, field, expected) => {
    expect(fieldLine(field)).toBe(expected);
  });

  it('marks fields missing from some samples optional', () => {
    expect(fieldLine({ type: 'string' }, false)).toBe('z.string().optional(),');
  });

  it('quotes keys that are not identifiers and never writes a __proto__ literal key', () => {
    const plan = planWith({ type: 'string' }, true);
    const properties = Object.create(null) as Record<string, TypeSchema>;
    for (const key of ['ok', 'with-dash', '__proto__', 'a"b']) properties[key] = { type: 'string' };
    plan.definitions[0]!.schema.properties = properties;
    const text = printZod(plan);
    expect(text).toContain('  ok: z.string().optional(),');
    expect(text).toContain('  "with-dash": z.string().optional(),');
    expect(text).toContain('  ["__proto__"]: z.string().optional(),');
    expect(text).toContain('  "a\\"b": z.string().optional(),');
  });

  it('prints a valid empty module for an empty plan', () => {
    const text = printZod({ endpoints: [], definitions: [], sampleCount: 0 });
    expect(text).toContain('export {};');
    expect(text).not.toContain('import');
  });
});
