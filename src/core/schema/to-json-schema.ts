import { enumValues } from './enum-rule.js';
import { MAX_DEPTH } from './schema-node.js';
import type { JsonKind, SchemaNode, StringFormat } from './schema-node.js';
import { formatOf, isNullable, isRequired, kindsOf, propertyEntries } from './schema-read.js';

/** `type` keyword values. */
export type JsonSchemaType = JsonKind | 'null';

/**
 * What was observed, as an annotation: learned ranges are evidence, not contract, so they
 * are never emitted as minLength/minimum/… constraints that would reject valid new data.
 */
export interface ObservedAnnotation {
  /** Samples at this place, nulls included. */
  samples: number;
  nulls?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** The JSON Schema 2020-12 subset toJsonSchema emits (a plain, recursive, serialisable object). */
export interface JsonSchema {
  title?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  format?: StringFormat;
  enum?: (string | number | null)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema;
  items?: JsonSchema;
  examples?: unknown[];
  'x-observed'?: ObservedAnnotation;
}

export interface ToJsonSchemaOptions {
  /** Set on the root schema only. */
  title?: string;
  /** Adds `examples` (the most frequent tracked scalar values) to scalar nodes. */
  includeExamples?: boolean;
}

const EXAMPLES_LIMIT = 3;

function typeKeyword(node: SchemaNode): JsonSchemaType | JsonSchemaType[] | undefined {
  const kinds: JsonSchemaType[] = kindsOf(node);
  // JSON Schema's "number" already admits integers.
  const types = kinds.includes('number') ? kinds.filter((kind) => kind !== 'integer') : kinds;
  if (isNullable(node)) types.push('null');
  if (types.length <= 1) return types[0];
  return types;
}

function observedAnnotation(node: SchemaNode): ObservedAnnotation {
  const observed: ObservedAnnotation = { samples: node.count };
  if (node.nullCount > 0) observed.nulls = node.nullCount;
  const ranges = ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems'] as const;
  for (const key of ranges) {
    const value = node[key];
    if (value !== undefined) observed[key] = value;
  }
  return observed;
}

function mostFrequentValues(node: SchemaNode): unknown[] {
  const values = node.values;
  if (!values) return [];
  return Object.keys(values)
    .sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, EXAMPLES_LIMIT)
    .map((key): unknown => JSON.parse(key));
}

function addObjectKeywords(
  schema: JsonSchema,
  node: SchemaNode,
  options: ToJsonSchemaOptions,
  depth: number,
): void {
  if (node.additionalProperties) {
    schema.additionalProperties = convert(node.additionalProperties, options, depth + 1);
    return;
  }
  const entries = propertyEntries(node);
  if (entries.length === 0) return;
  // Null prototype: a learned key named `__proto__` must become a property, not a prototype.
  const properties = Object.create(null) as Record<string, JsonSchema>;
  const required: string[] = [];
  for (const [key, child] of entries) {
    properties[key] = convert(child, options, depth + 1);
    if (isRequired(node, child)) required.push(key);
  }
  schema.properties = properties;
  if (required.length > 0) schema.required = required;
}

function convert(node: SchemaNode, options: ToJsonSchemaOptions, depth: number): JsonSchema {
  // Past the depth cap nothing but kinds was learned: accept anything rather than guess.
  if (node.count === 0 || node.depthLimited || depth > MAX_DEPTH) return {};
  const schema: JsonSchema = {};
  const type = typeKeyword(node);
  if (type !== undefined) schema.type = type;
  const format = formatOf(node);
  if (format) schema.format = format;
  const learnedEnum = enumValues(node);
  if (learnedEnum) schema.enum = isNullable(node) ? [...learnedEnum, null] : learnedEnum;
  if (node.types.object) addObjectKeywords(schema, node, options, depth);
  if (node.types.array && node.items) schema.items = convert(node.items, options, depth + 1);
  if (options.includeExamples) {
    const examples = mostFrequentValues(node);
    if (examples.length > 0) schema.examples = examples;
  }
  schema['x-observed'] = observedAnnotation(node);
  return schema;
}

/**
 * Exports a learned node as standard JSON Schema 2020-12: unions become `type` arrays
 * (integer folded into number; "null" when a sample was null), `required` lists keys
 * present in every object, `format` only when it held for every string, `enum` per
 * enum-rule.ts, collapsed maps become `additionalProperties: <schema>` while other objects
 * stay open. Observed ranges go to the `x-observed` annotation, never to constraints.
 * Nodes with no samples or cut by the depth cap export as `{}` (anything).
 */
export function toJsonSchema(node: SchemaNode, options: ToJsonSchemaOptions = {}): JsonSchema {
  const schema = convert(node, options, 0);
  return options.title === undefined ? schema : { title: options.title, ...schema };
}
