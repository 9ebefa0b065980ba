import { describe, expect, it } from 'vitest';
import type { JsonKind } from '../schema/schema-node.js';
import { classifyKindChange } from './classify-kind-change.js';

describe('classifyKindChange', () => {
  it.each<[JsonKind[], JsonKind, string | undefined]>([
    [['string'], 'string', undefined],
    [['number'], 'integer', undefined],
    [['integer', 'number'], 'number', undefined],
    [['string', 'integer'], 'integer', undefined],
    [['integer'], 'number', 'WARNING integer_to_number'],
    [['integer'], 'string', 'BREAKING type_changed'],
    [['string'], 'number', 'BREAKING type_changed'],
    [['boolean'], 'string', 'BREAKING type_changed'],
    [['object', 'string'], 'integer', 'BREAKING type_changed'],
    [['object'], 'string', 'BREAKING object_to_scalar'],
    [['object'], 'boolean', 'BREAKING object_to_scalar'],
    [['string'], 'object', 'BREAKING scalar_to_object'],
    [['array'], 'object', 'BREAKING array_to_non_array'],
    [['array'], 'integer', 'BREAKING array_to_non_array'],
    [['array', 'string'], 'integer', 'BREAKING array_to_non_array'],
    [['object'], 'array', 'BREAKING non_array_to_array'],
    [['string'], 'array', 'BREAKING non_array_to_array'],
  ])('learned %j, got %s → %s', (learned, actual, expected) => {
    const change = classifyKindChange(learned, actual);
    expect(change && `${change.severity} ${change.kind}`).toBe(expected);
  });
});
