import { mergeSchema } from '../schema/merge-schema.js';
import { createSchemaNode } from '../schema/schema-node.js';
import { boundValues } from './bound-values.js';
import { HEADER_VALUES_LIMIT, type ResponseModel } from './endpoint-model.js';
import { mergeCounts } from './merge-counts.js';
import { mergeMoments } from './merge-moments.js';
import { readOwn } from './read-own.js';
import { unionKeys } from './union-keys.js';

type LearnedHeaders = ResponseModel['headers'];

function mergeHeaders(a: LearnedHeaders, b: LearnedHeaders): LearnedHeaders {
  const merged = Object.create(null) as LearnedHeaders;
  for (const name of unionKeys(a, b)) {
    const values = mergeCounts(readOwn(a, name) ?? {}, readOwn(b, name) ?? {});
    merged[name] = boundValues(values, HEADER_VALUES_LIMIT);
  }
  return merged;
}

/** What both inputs learned about one status (pure; shares nothing with the inputs). */
export function mergeResponseModel(a: ResponseModel, b: ResponseModel): ResponseModel {
  const merged: ResponseModel = {
    contentTypes: mergeCounts(a.contentTypes, b.contentTypes),
    headers: mergeHeaders(a.headers, b.headers),
    bodySize: mergeMoments(a.bodySize, b.bodySize),
  };
  // An empty node is mergeSchema's identity, so a one-sided schema comes out as a copy.
  if (a.schema || b.schema) {
    merged.schema = mergeSchema(a.schema ?? createSchemaNode(), b.schema ?? createSchemaNode());
  }
  return merged;
}
