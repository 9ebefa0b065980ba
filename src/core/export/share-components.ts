import type { SchemaObject } from 'openapi3-ts/oas31';
import { MAX_DEPTH } from '../schema/schema-node.js';
import type { TypeDefinition } from './plan-types.js';
import { nameOfRef } from './type-schema.js';
import type { TypeSchema } from './type-schema.js';

/** Where OpenAPI keeps shared schemas. */
const COMPONENTS_PREFIX = '#/components/schemas/';

/** OpenAPI components built from a plan's definitions. */
export interface SharedComponents {
  /** Component name → schema (refs point into components). */
  schemas: Record<string, SchemaObject>;
  /** The `$ref` of the component a definition name resolves to. */
  refFor(name: string): string;
  /** Copies any other schema (a parameter's) into the document's form. */
  schemaFor(schema: TypeSchema): SchemaObject;
}

function componentRef(canonical: ReadonlyMap<string, string>, name: string): string {
  return `${COMPONENTS_PREFIX}${canonical.get(name) ?? name}`;
}

/**
 * Copies a schema for OpenAPI: refs now point at (possibly shared) components, and the
 * `x-observed` evidence is dropped, since a shared component stands for several places
 * whose evidence differs.
 */
function rewrite(
  schema: TypeSchema,
  canonical: ReadonlyMap<string, string>,
  depth: number,
): SchemaObject {
  if (depth > MAX_DEPTH + 2) return {};
  const { 'x-observed': _evidence, ...rest } = schema;
  // Same JSON, but TypeScript cannot relate the two recursive types through their unions.
  const copy = rest as SchemaObject;
  if (schema.$ref !== undefined) {
    const name = nameOfRef(schema.$ref);
    copy.$ref = componentRef(canonical, name);
  }
  if (schema.properties) {
    const properties = Object.create(null) as Record<string, SchemaObject>;
    for (const [key, child] of Object.entries(schema.properties)) {
      properties[key] = rewrite(child, canonical, depth + 1);
    }
    copy.properties = properties;
  }
  if (schema.items) copy.items = rewrite(schema.items, canonical, depth + 1);
  if (schema.additionalProperties) {
    copy.additionalProperties = rewrite(schema.additionalProperties, canonical, depth + 1);
  }
  if (schema.anyOf)
    copy.anyOf = schema.anyOf.map((member) => rewrite(member, canonical, depth + 1));
  return copy;
}

/**
 * Turns definitions into OpenAPI components. A nested shape identical (titles aside) to
 * one already emitted shares that component instead of repeating it; endpoint-level types
 * keep their own names. Definitions come children first, so a parent is compared after its
 * children were merged, and equal trees collapse all the way up.
 */
export function shareComponents(definitions: readonly TypeDefinition[]): SharedComponents {
  const canonical = new Map<string, string>();
  const byShape = new Map<string, string>();
  const schemas = Object.create(null) as Record<string, SchemaObject>;
  for (const { name, schema, summary } of definitions) {
    const component = rewrite(schema, canonical, 0);
    const shape = JSON.stringify({ ...component, title: undefined, description: undefined });
    const shared = summary === undefined ? byShape.get(shape) : undefined;
    if (shared !== undefined) {
      canonical.set(name, shared);
      continue;
    }
    canonical.set(name, name);
    if (!byShape.has(shape)) byShape.set(shape, name);
    schemas[name] = component;
  }
  return {
    schemas,
    refFor: (name) => componentRef(canonical, name),
    schemaFor: (schema) => rewrite(schema, canonical, 0),
  };
}
