import type { JsonSchema, JsonSchemaType } from '../schema/to-json-schema.js';

/**
 * A learned JSON Schema (see toJsonSchema) after named types were split out: nested
 * objects became `$ref`s to definitions, and a place that may hold such an object or
 * something else (null, a string…) became `anyOf: [ref, rest]`.
 */
export interface TypeSchema extends Omit<
  JsonSchema,
  'properties' | 'items' | 'additionalProperties'
> {
  $ref?: string;
  anyOf?: TypeSchema[];
  description?: string;
  properties?: Record<string, TypeSchema>;
  additionalProperties?: TypeSchema;
  items?: TypeSchema;
}

/** Where definitions live in the JSON Schema export; other documents rewrite this prefix. */
const DEFINITIONS_PREFIX = '#/$defs/';

/** The `$ref` value of a definition. */
export function refTo(name: string): string {
  return `${DEFINITIONS_PREFIX}${name}`;
}

/** The definition name a `$ref` points at (names never contain `/` or `~`). */
export function nameOfRef(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/** The `type` keyword as a list (empty when absent). */
export function typesOf(schema: TypeSchema | JsonSchema): JsonSchemaType[] {
  const type = schema.type;
  if (type === undefined) return [];
  return Array.isArray(type) ? type : [type];
}
