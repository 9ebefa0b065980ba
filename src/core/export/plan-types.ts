import type { EndpointModel } from '../model/endpoint-model.js';
import { MAX_DEPTH } from '../schema/schema-node.js';
import type { SchemaNode } from '../schema/schema-node.js';
import { toJsonSchema } from '../schema/to-json-schema.js';
import type { JsonSchema } from '../schema/to-json-schema.js';
import { nameEndpoint, toPascalCase } from './name-endpoint.js';
import { refTo, typesOf } from './type-schema.js';
import type { TypeSchema } from './type-schema.js';

/** One named type: an endpoint's request, query or response body, or a shape nested in one. */
export interface TypeDefinition {
  name: string;
  /** JSON Schema with `title` = name; nested named types are `$ref`s (see refTo). */
  schema: TypeSchema;
  /** Root types only: what the type describes, e.g. `Response 200 of GET /users/{id}`. */
  summary?: string;
}

/** The root types of one endpoint. */
export interface EndpointTypes {
  model: EndpointModel;
  /** Unique per plan (`ListUsers`, `UpdateUser2`); also the basis of operation ids. */
  baseName: string;
  request?: string;
  query?: string;
  /** Statuses with a learned JSON body, in numeric order. */
  responses: { status: string; name: string }[];
}

export interface TypePlan {
  /** Sorted by template, then method. */
  endpoints: EndpointTypes[];
  /** Every named type, each after the types it refers to. */
  definitions: TypeDefinition[];
  /** Exchanges the endpoints were learned from. */
  sampleCount: number;
}

interface PlanContext {
  claim(desired: string): string;
  define(definition: TypeDefinition): void;
}

interface RootType {
  name: string;
  node: SchemaNode;
  summary: string;
}

/** Names longer than this keep their start (endpoint) and end (innermost key) only. */
const MAX_NAME_LENGTH = 64;
const NAME_HEAD = 40;

function capLength(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  return name.slice(0, NAME_HEAD) + name.slice(name.length - (MAX_NAME_LENGTH - NAME_HEAD));
}

/** Deterministic numeric suffixes: the first claimant keeps the plain name. */
function createNameRegistry(): (desired: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const desired = capLength(wanted);
    let name = desired;
    for (let n = 2; used.has(name); n++) name = `${desired}${n}`;
    used.add(name);
    return name;
  };
}

function compareEndpoints(a: EndpointModel, b: EndpointModel): number {
  const byTemplate = a.template < b.template ? -1 : a.template > b.template ? 1 : 0;
  return byTemplate || (a.method < b.method ? -1 : a.method > b.method ? 1 : 0);
}

function hasNamedObject(schema: JsonSchema): boolean {
  return typesOf(schema).includes('object') && schema.properties !== undefined;
}

function placeInline(
  schema: JsonSchema,
  name: string,
  ctx: PlanContext,
  depth: number,
): TypeSchema {
  // Spreading keeps keyword order; reassigning a key keeps its position.
  const result: TypeSchema = { ...schema };
  if (schema.items) result.items = place(schema.items, `${name}Item`, ctx, depth + 1);
  if (schema.additionalProperties) {
    result.additionalProperties = place(
      schema.additionalProperties,
      `${name}Value`,
      ctx,
      depth + 1,
    );
  }
  return result;
}

function defineObject(
  schema: JsonSchema,
  name: string,
  summary: string | undefined,
  ctx: PlanContext,
  depth: number,
): void {
  const properties = Object.create(null) as Record<string, TypeSchema>;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    properties[key] = place(child, `${name}${toPascalCase(key) || 'Field'}`, ctx, depth + 1);
  }
  const definition: TypeSchema = { title: name };
  if (summary !== undefined) definition.description = summary;
  definition.type = 'object';
  definition.properties = properties;
  if (schema.required) definition.required = [...schema.required];
  if (schema['x-observed']) definition['x-observed'] = schema['x-observed'];
  ctx.define(
    summary === undefined ? { name, schema: definition } : { name, schema: definition, summary },
  );
}

/** `ref`, or `anyOf: [ref, <the other kinds>]` when the place also held non-objects. */
function joinOthers(
  schema: JsonSchema,
  ref: TypeSchema,
  name: string,
  ctx: PlanContext,
  depth: number,
): TypeSchema {
  const others = typesOf(schema).filter((type) => type !== 'object');
  if (others.length === 0) return ref;
  const rest: JsonSchema = { type: others.length === 1 ? others[0] : others };
  if (schema.format) rest.format = schema.format;
  if (schema.items) rest.items = schema.items;
  return { anyOf: [ref, placeInline(rest, name, ctx, depth)] };
}

function place(schema: JsonSchema, name: string, ctx: PlanContext, depth: number): TypeSchema {
  // toJsonSchema output is already depth-capped; this guard keeps the recursion bounded anyway.
  if (depth > MAX_DEPTH) return {};
  if (!hasNamedObject(schema)) return placeInline(schema, name, ctx, depth);
  const objectName = ctx.claim(name);
  defineObject(schema, objectName, undefined, ctx, depth);
  return joinOthers(schema, { $ref: refTo(objectName) }, name, ctx, depth);
}

function placeRoot(root: RootType, ctx: PlanContext): void {
  const schema = toJsonSchema(root.node);
  const { name, summary } = root;
  if (hasNamedObject(schema) && typesOf(schema).length === 1) {
    defineObject(schema, name, summary, ctx, 0);
    return;
  }
  let location: TypeSchema;
  if (hasNamedObject(schema)) {
    const objectName = ctx.claim(`${name}Object`);
    defineObject(schema, objectName, undefined, ctx, 0);
    location = joinOthers(schema, { $ref: refTo(objectName) }, name, ctx, 0);
  } else {
    location = placeInline(schema, name, ctx, 0);
  }
  ctx.define({ name, summary, schema: { title: name, description: summary, ...location } });
}

function sortStatuses(statuses: string[]): string[] {
  return statuses.sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Response types: the first 2xx is `<Base>Response`, every other status gets a suffix. */
function responseRoots(
  model: EndpointModel,
  baseName: string,
  endpoint: string,
): { status: string; desired: string; node: SchemaNode; summary: string }[] {
  const statuses = sortStatuses(Object.keys(model.responses));
  const primary = statuses.find(
    (status) => status.startsWith('2') && model.responses[status]?.schema,
  );
  return statuses.flatMap((status) => {
    const node = model.responses[status]?.schema;
    if (!node) return [];
    const suffix = status === primary ? '' : status;
    const summary = `Response ${status} of ${endpoint}`;
    return [{ status, desired: `${baseName}Response${suffix}`, node, summary }];
  });
}

/**
 * Names every type an export needs, deterministically: endpoints sorted by template then
 * method; base names from nameEndpoint (repeats get 2, 3…); root types `<Base>Request`,
 * `<Base>Query`, `<Base>Response` (first 2xx) and `<Base>Response<status>`; then nested
 * objects `<Parent><Key>`, array items `<Parent>Item`, map values `<Parent>Value`. Root
 * names are claimed before nested ones, so a nested shape never takes an endpoint's name.
 * Names over 64 characters keep their first 40 and last 24 (deep nesting, long keys).
 * Endpoints without any JSON schema are kept (they still have paths in OpenAPI).
 */
export function planTypes(models: readonly EndpointModel[]): TypePlan {
  const claimBase = createNameRegistry();
  const claim = createNameRegistry();
  const definitions: TypeDefinition[] = [];
  const ctx: PlanContext = { claim, define: (definition) => definitions.push(definition) };
  const sorted = [...models].sort(compareEndpoints);
  const roots: RootType[] = [];
  const endpoints = sorted.map((model): EndpointTypes => {
    const baseName = claimBase(nameEndpoint(model.method, model.template));
    const endpoint = `${model.method.toUpperCase()} ${model.template}`;
    const types: EndpointTypes = { model, baseName, responses: [] };
    if (model.requestSchema) {
      types.request = claim(`${baseName}Request`);
      const summary = `Request body of ${endpoint}`;
      roots.push({ name: types.request, node: model.requestSchema, summary });
    }
    if (model.querySchema) {
      types.query = claim(`${baseName}Query`);
      const summary = `Query parameters of ${endpoint}`;
      roots.push({ name: types.query, node: model.querySchema, summary });
    }
    for (const { status, desired, node, summary } of responseRoots(model, baseName, endpoint)) {
      const name = claim(desired);
      types.responses.push({ status, name });
      roots.push({ name, node, summary });
    }
    return types;
  });
  for (const root of roots) placeRoot(root, ctx);
  const sampleCount = sorted.reduce((sum, model) => sum + model.stats.requestCount, 0);
  return { endpoints, definitions, sampleCount };
}
