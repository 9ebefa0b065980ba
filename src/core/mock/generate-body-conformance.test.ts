import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enumValues } from '../schema/enum-rule.js';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { formatOf } from '../schema/schema-read.js';
import { toJsonSchema } from '../schema/to-json-schema.js';
import { RANGE_TRUST_SAMPLES } from './evidence-range.js';
import { generateBody, MAX_ARRAY_ITEMS } from './generate-body.js';

/*
 * Bodies generated from random learned schemas must validate against the schema's own
 * rules: the JSON Schema export (types, required keys, formats, enums) checked by ajv, plus
 * the trusted ranges, which the export keeps as annotations only.
 */

const RUNS = { seed: 20250115, numRuns: 150 } as const;
const NOW = Date.UTC(2025, 0, 15, 12);

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, ownProperties: true });
addFormats.default(ajv);
ajv.addKeyword('x-observed');

const records = fc.array(
  fc.record(
    {
      status: fc.constantFrom('new', 'paid', 'shipped'),
      count: fc.integer({ min: -5, max: 50 }),
      price: fc.double({ min: 0, max: 10, noNaN: true }),
      email: fc.constantFrom('a@example.com', 'b@example.org'),
      name: fc.string({ minLength: 2, maxLength: 6 }),
      tags: fc.array(fc.constantFrom('red', 'blue'), { minLength: 1, maxLength: 4 }),
      nick: fc.option(fc.string({ maxLength: 6 }), { nil: null }),
      created_at: fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }),
    },
    { requiredKeys: ['status', 'count'] },
  ),
  { minLength: RANGE_TRUST_SAMPLES, maxLength: 40 },
);
const documents = fc.oneof(
  fc.array(fc.jsonValue({ maxDepth: 3 }), { minLength: 1, maxLength: 4 }),
  records,
);

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

const within = (value: number, min: number, max: number) => value >= min && value <= max;

/** Problems with trusted ranges (backed by at least RANGE_TRUST_SAMPLES samples). */
function rangeProblems(node: SchemaNode, value: unknown, path: string): string[] {
  if (value === null || value === undefined) return [];
  const trusted = (samples: number | undefined) => (samples ?? 0) >= RANGE_TRUST_SAMPLES;
  const problem = (ok: boolean) => (ok ? [] : [`${path}: ${JSON.stringify(value)}`]);
  if (typeof value === 'number' && node.minimum !== undefined && node.maximum !== undefined) {
    const samples = (node.types.integer ?? 0) + (node.types.number ?? 0);
    return trusted(samples) ? problem(within(value, node.minimum, node.maximum)) : [];
  }
  if (typeof value === 'string' && node.minLength !== undefined && node.maxLength !== undefined) {
    if (!trusted(node.types.string) || formatOf(node) || enumValues(node)) return [];
    return problem(within(Array.from(value).length, node.minLength, node.maxLength));
  }
  if (Array.isArray(value)) {
    const size =
      trusted(node.types.array) && node.minItems !== undefined && node.maxItems !== undefined
        ? problem(
            within(
              value.length,
              Math.min(node.minItems, MAX_ARRAY_ITEMS),
              Math.min(node.maxItems, MAX_ARRAY_ITEMS),
            ),
          )
        : [];
    const items = node.items;
    return items
      ? [...size, ...value.flatMap((item, i) => rangeProblems(items, item, `${path}[${i}]`))]
      : size;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.keys(record).flatMap((key) => {
      const child = node.additionalProperties ?? node.properties?.[key];
      return child ? rangeProblems(child, record[key], `${path}.${key}`) : [];
    });
  }
  return [];
}

describe('generateBody conformance', () => {
  it('validates against the learned schema and its trusted ranges', () => {
    fc.assert(
      fc.property(documents, fc.integer({ min: 0, max: 2 ** 31 }), (samples, seed) => {
        const node = learn(samples);
        const validate = ajv.compile(toJsonSchema(node));
        const body = generateBody(node, { seed, now: NOW, pathParams: {} });
        expect(validate(body) ? [] : validate.errors).toEqual([]);
        expect(rangeProblems(node, body, '$')).toEqual([]);
      }),
      RUNS,
    );
  });
});
