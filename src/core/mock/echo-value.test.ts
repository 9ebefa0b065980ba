import { describe, expect, it } from 'vitest';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { echoPathValue, echoRequestValue } from './echo-value.js';

function learn(...samples: unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

const UUID = '0b0f4c1e-8a6d-4c4e-9a4f-1f0a3c2b5d6e';

describe('echoPathValue', () => {
  it.each([
    ['integer field', '42', learn(1), { value: 42 }],
    ['string field', '42', learn('x'), { value: '42' }],
    ['number field', '2.5', learn(1.5), { value: 2.5 }],
    ['letters into an integer field', 'abc', learn(1), undefined],
    ['too big for an integer', '123456789012345678', learn(1), undefined],
    ['uuid into a uuid field', UUID, learn(UUID), { value: UUID }],
    ['non-uuid into a uuid field', '42', learn(UUID), undefined],
    ['integer or string field prefers the integer', '7', learn(1, 'a'), { value: 7 }],
    ['boolean field', 'true', learn(true), undefined],
  ])('%s', (_, raw, node, expected) => {
    expect(echoPathValue(raw, node)).toEqual(expected);
  });
});

describe('echoRequestValue', () => {
  it.each([
    ['string into string', 'Bob', learn('x'), { value: 'Bob' }],
    ['integer into integer', 3, learn(1), { value: 3 }],
    ['integer into number', 3, learn(1.5), { value: 3 }],
    ['fraction into integer', 3.5, learn(1), undefined],
    ['string into integer', '3', learn(1), undefined],
    ['boolean into boolean', false, learn(true), { value: false }],
    ['null into nullable', null, learn(null, 'x'), { value: null }],
    ['null into non-nullable', null, learn('x'), undefined],
    ['object is never echoed', { a: 1 }, learn({ a: 1 }), undefined],
    ['array is never echoed', [1], learn([1]), undefined],
    ['non-email into an email field', 'nope', learn('a@example.com'), undefined],
  ])('%s', (_, value, node, expected) => {
    expect(echoRequestValue(value, node)).toEqual(expected);
  });
});
