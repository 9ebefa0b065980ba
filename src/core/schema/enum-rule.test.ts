import { describe, expect, it } from 'vitest';
import { enumValues } from './enum-rule.js';
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
    expect(enumValues(fromJsonSchema({ type: 'string' }))).toBeUndefined();
  });
});
