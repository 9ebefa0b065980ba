import { mergeSchema } from '../schema/merge-schema.js';
import { createSchemaNode } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { createResponseModel } from './create-response-model.js';
import type { EndpointModel, ResponseModel } from './endpoint-model.js';
import { mergeCounts } from './merge-counts.js';
import { mergeExamples } from './merge-examples.js';
import { mergeOverrides } from './merge-overrides.js';
import { mergeResponseModel } from './merge-response-model.js';
import { mergeStats } from './merge-stats.js';
import { readOwn } from './read-own.js';
import { unionKeys } from './union-keys.js';

function mergeOptionalSchema(
  a: SchemaNode | undefined,
  b: SchemaNode | undefined,
): SchemaNode | undefined {
  if (a === undefined && b === undefined) return undefined;
  return mergeSchema(a ?? createSchemaNode(), b ?? createSchemaNode());
}

function mergeResponses(
  a: Record<string, ResponseModel>,
  b: Record<string, ResponseModel>,
): Record<string, ResponseModel> {
  const merged = Object.create(null) as Record<string, ResponseModel>;
  for (const status of unionKeys(a, b)) {
    merged[status] = mergeResponseModel(
      readOwn(a, status) ?? createResponseModel(),
      readOwn(b, status) ?? createResponseModel(),
    );
  }
  return merged;
}

/**
 * The model of both inputs' traffic, as if one instance had seen it all (pure: inputs are
 * not mutated and share no mutable state with the result). Both inputs describe the same
 * endpoint; method and template come from `a`. Associative and commutative with deep-equal
 * results (map keys sorted), except that float sums of non-integer samples and the decayed
 * moments agree only up to float rounding (see mergeMoments).
 */
export function mergeEndpointModel(a: EndpointModel, b: EndpointModel): EndpointModel {
  const merged: EndpointModel = {
    method: a.method,
    template: a.template,
    requestContentTypes: mergeCounts(a.requestContentTypes, b.requestContentTypes),
    responses: mergeResponses(a.responses, b.responses),
    stats: mergeStats(a.stats, b.stats),
    examples: mergeExamples(a.examples, b.examples),
    overrides: mergeOverrides(a.overrides, b.overrides),
    manual: a.manual || b.manual,
  };
  const requestSchema = mergeOptionalSchema(a.requestSchema, b.requestSchema);
  if (requestSchema) merged.requestSchema = requestSchema;
  const querySchema = mergeOptionalSchema(a.querySchema, b.querySchema);
  if (querySchema) merged.querySchema = querySchema;
  return merged;
}
