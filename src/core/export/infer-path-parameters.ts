import type { EndpointModel } from '../model/endpoint-model.js';
import { extractParams } from '../paths/extract-params.js';
import { templateParamNames } from '../paths/parse-template.js';
import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import { toJsonSchema } from '../schema/to-json-schema.js';
import type { TypeSchema } from './type-schema.js';

/** A path parameter with the type its recorded values support. */
export interface PathParameter {
  name: string;
  schema: TypeSchema;
}

// Up to 15 digits: always a safe integer, and no leading zeros (`007` is an identifier).
const INTEGER_SEGMENT = /^-?(?:0|[1-9]\d{0,14})$/;

function readSegmentValue(value: string): string | number {
  return INTEGER_SEGMENT.test(value) ? Number(value) : value;
}

/**
 * Types each `{param}` of the template from the raw paths of the recorded examples: all
 * integers → `integer`, strings with a common format (uuid, date…) → that format, else
 * `string`. Segments redacted to `{token}` and parameters without examples are strings.
 */
export function inferPathParameters(model: EndpointModel): PathParameter[] {
  const names = templateParamNames(model.template);
  const nodes = names.map(() => createSchemaNode());
  for (const examples of Object.values(model.examples)) {
    for (const example of examples) {
      const values = extractParams(model.template, example.path);
      if (!values) continue;
      names.forEach((name, index) => {
        const value = values[name];
        const node = nodes[index];
        if (value === undefined || node === undefined || /^\{.*\}$/.test(value)) return;
        observeValue(node, readSegmentValue(value));
      });
    }
  }
  return names.map((name, index) => {
    const node = nodes[index];
    if (!node || node.count === 0) return { name, schema: { type: 'string' } };
    const { 'x-observed': _evidence, ...schema } = toJsonSchema(node);
    return { name, schema };
  });
}
