import { describeExport } from './describe-export.js';
import type { TypePlan } from './plan-types.js';
import type { TypeSchema } from './type-schema.js';

/** Which definitions belong to one endpoint (`x-endpoints` in the JSON Schema export). */
export interface EndpointIndexEntry {
  request?: string;
  query?: string;
  /** status → definition name. */
  responses: Record<string, string>;
}

/** The JSON Schema export: one 2020-12 document whose `$defs` hold every named type. */
export interface JsonSchemaDocument {
  $schema: 'https://json-schema.org/draft/2020-12/schema';
  $comment: string;
  title: string;
  /** `"GET /users/{id}"` → its definitions, so tools can find an endpoint's types. */
  'x-endpoints': Record<string, EndpointIndexEntry>;
  $defs: Record<string, TypeSchema>;
}

/**
 * Builds the JSON Schema export from a plan. Definitions keep the learned evidence as
 * `x-observed` annotations (validators that run in strict mode must be told about the
 * `x-observed` and `x-endpoints` keywords).
 */
export function toJsonSchemaDocument(plan: TypePlan, generatedAt?: string): JsonSchemaDocument {
  const index = Object.create(null) as Record<string, EndpointIndexEntry>;
  for (const { model, request, query, responses } of plan.endpoints) {
    const byStatus = Object.create(null) as Record<string, string>;
    for (const { status, name } of responses) byStatus[status] = name;
    index[`${model.method.toUpperCase()} ${model.template}`] = {
      ...(request !== undefined && { request }),
      ...(query !== undefined && { query }),
      responses: byStatus,
    };
  }
  const definitions = Object.create(null) as Record<string, TypeSchema>;
  for (const { name, schema } of plan.definitions) definitions[name] = schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $comment: describeExport(plan, generatedAt).join(' '),
    title: 'Learned API types',
    'x-endpoints': index,
    $defs: definitions,
  };
}
