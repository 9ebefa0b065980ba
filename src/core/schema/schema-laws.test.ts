import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSchema } from './merge-schema.js';
import { observeValue } from './observe-value.js';
import { createSchemaNode, MAX_DEPTH, MAX_PROPERTIES } from './schema-node.js';
import type { SchemaNode } from './schema-node.js';
import { toJsonSchema } from './to-json-schema.js';

/*
 * The laws that let instances learn in parallel, checked on documents that also reach the
 * bounded parts: value overflow, property collapse and the depth cap.
 */

// Shrinking documents this large takes minutes: report the first counterexample as is.
const RUNS = { seed: 20240601, numRuns: 200, endOnFailure: true } as const;
/** ajv compiles one schema per run: seconds of work, more on a loaded CI machine. */
const LAW_TIMEOUT_MS = 120_000;

const wideObject = fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 0 }), {
  minKeys: Math.floor(MAX_PROPERTIES / 3),
  maxKeys: Math.floor(MAX_PROPERTIES * 0.6),
});
const enumLike = fc.array(
  fc.oneof(fc.constantFrom(...'abcdefghijklmnopqrstuvwx'), fc.integer({ min: 0, max: 23 })),
  { minLength: 1, maxLength: 12 },
);
const deepDocument = fc
  .tuple(
    fc.integer({ min: MAX_DEPTH - 3, max: MAX_DEPTH + 3 }),
    fc.jsonValue({ maxDepth: 2 }),
    fc.boolean(),
  )
  .map(([depth, leaf, inObject]) => {
    let doc: unknown = leaf;
    for (let i = 0; i < depth; i++) doc = inObject ? { next: doc } : [doc];
    return doc;
  });
const document = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: wideObject, weight: 1 },
  { arbitrary: enumLike, weight: 1 },
  { arbitrary: deepDocument, weight: 1 },
);
const documents = fc.array(document, { maxLength: 4 });

function learn(samples: readonly unknown[]): SchemaNode {
  const node = createSchemaNode();
  for (const sample of samples) observeValue(node, sample);
  return node;
}

describe('schema laws', () => {
  it(
    'mergeSchema is associative and commutative',
    () => {
      fc.assert(
        fc.property(documents, documents, documents, (first, second, third) => {
          const [a, b, c] = [learn(first), learn(second), learn(third)];
          expect(mergeSchema(a, b)).toStrictEqual(mergeSchema(b, a));
          expect(mergeSchema(mergeSchema(a, b), c)).toStrictEqual(
            mergeSchema(a, mergeSchema(b, c)),
          );
        }),
        RUNS,
      );
    },
    LAW_TIMEOUT_MS,
  );

  it(
    'learning A then B equals B then A equals merge(learn A, learn B)',
    () => {
      fc.assert(
        fc.property(documents, documents, (first, second) => {
          const merged = mergeSchema(learn(first), learn(second));
          expect(learn([...first, ...second])).toStrictEqual(merged);
          expect(learn([...second, ...first])).toStrictEqual(merged);
        }),
        RUNS,
      );
    },
    LAW_TIMEOUT_MS,
  );

  it(
    'every learned document validates against the exported JSON Schema',
    () => {
      // ajv code generation dominates this test; its optimiser passes are not needed here.
      const ajv = new Ajv2020({
        allowUnionTypes: true,
        ownProperties: true,
        code: { optimize: false },
      });
      addFormats.default(ajv);
      ajv.addKeyword('x-observed');
      fc.assert(
        fc.property(documents, documents, (first, second) => {
          const schema = toJsonSchema(mergeSchema(learn(first), learn(second)));
          const validate = ajv.compile(schema);
          for (const doc of [...first, ...second]) {
            expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
          }
        }),
        RUNS,
      );
    },
    LAW_TIMEOUT_MS,
  );
});
