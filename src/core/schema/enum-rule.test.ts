import { describe, expect, it } from 'vitest';
import { generateBody } from '../mock/generate-body.js';
import { declaredBooleans, enumValues } from './enum-rule.js';
import { fromJsonSchema } from './from-json-schema.js';
import { observeValue } from './observe-value.js';
import { createSchemaNode } from './schema-node.js';

describe('enumValues', () => {
  it('does not call one value seen 50 times an enum (it is evidence, not a contract)', () => {
    const node = createSchemaNode();
    for (let i = 0; i < 50; i++) observeValue(node, 'enterprise');
    expect(enumValues(node)).toBeUndefined();
    observeValue(node, 'team');
    for (let i = 0; i < 10; i++) observeValue(node, 'team');
    expect(enumValues(node)).toEqual(['enterprise', 'team']);
  });

  it('honours a declared enum of any size, numbers included, booleans left to the type', () => {
    expect(enumValues(fromJsonSchema({ type: 'string', enum: ['enterprise'] }))).toEqual([
      'enterprise',
    ]);
    expect(enumValues(fromJsonSchema({ type: 'number', enum: [2.5, 1.5] }))).toEqual([1.5, 2.5]);
    expect(enumValues(fromJsonSchema({ type: 'boolean', enum: [true] }))).toBeUndefined();
    expect(declaredBooleans(fromJsonSchema({ type: 'boolean', enum: [true] }))).toEqual([true]);
    expect(enumValues(fromJsonSchema({ type: 'string' }))).toBeUndefined();
    expect(declaredBooleans(fromJsonSchema({ type: 'boolean' }))).toBeUndefined();
  });

  it('makes mocks keep a declared constant (const or a one-value enum) of every scalar kind', () => {
    const schema = fromJsonSchema({
      type: 'object',
      required: ['plan', 'tier', 'ratio', 'beta', 'live'],
      properties: {
        plan: { const: 'enterprise' },
        tier: { type: 'integer', enum: [3] },
        ratio: { enum: [0.25] },
        beta: { const: false },
        live: { type: 'boolean', enum: [true] },
      },
    });
    for (let seed = 1; seed <= 25; seed++) {
      const body = generateBody(schema, { seed, now: 0, pathParams: {}, template: '/plans' });
      expect(body).toEqual({ plan: 'enterprise', tier: 3, ratio: 0.25, beta: false, live: true });
    }
  });
});
