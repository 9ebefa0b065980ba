import {
  createSchemaNode,
  MAX_DEPTH,
  type JsonKind,
  type SchemaNode,
  type StringFormat,
  STRING_FORMATS,
} from './schema-node.js';

/** Evidence a user-written schema stands for: enough samples for every learned rule to trust it. */
const SAMPLES = 100;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The values an `enum`, or a `const` (a one-value enum), allows. */
function declaredValues(schema: Json): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as unknown[];
  return 'const' in schema ? [schema.const] : undefined;
}

function kindsOf(schema: Json): { kinds: JsonKind[]; nullable: boolean } {
  const raw = schema.type;
  const types = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const kinds = types.filter((t): t is JsonKind =>
    ['boolean', 'integer', 'number', 'string', 'array', 'object'].includes(String(t)),
  );
  if (kinds.length === 0 && isObject(schema.properties)) kinds.push('object');
  if (kinds.length === 0 && schema.items !== undefined) kinds.push('array');
  const declared = declaredValues(schema);
  if (kinds.length === 0 && declared) {
    for (const v of declared) {
      const k =
        typeof v === 'string'
          ? 'string'
          : Number.isInteger(v)
            ? 'integer'
            : typeof v === 'number'
              ? 'number'
              : typeof v === 'boolean'
                ? 'boolean'
                : undefined;
      if (k && !kinds.includes(k)) kinds.push(k);
    }
  }
  return { kinds, nullable: types.includes('null') || schema.nullable === true };
}

function convert(schema: unknown, count: number, depth: number): SchemaNode {
  const node = createSchemaNode();
  node.count = count;
  if (!isObject(schema) || depth >= MAX_DEPTH) return node;
  const { kinds, nullable } = kindsOf(schema);
  const share = Math.max(1, Math.floor(count / Math.max(1, kinds.length)));
  for (const kind of kinds) node.types[kind] = share;
  if (nullable) node.nullCount = Math.max(1, Math.floor(count / 10));
  if (
    typeof schema.format === 'string' &&
    (STRING_FORMATS as readonly string[]).includes(schema.format)
  ) {
    node.formats = Object.create(null) as Partial<Record<StringFormat, number>>;
    node.formats[schema.format as StringFormat] = node.types.string ?? share;
  }
  const declared = declaredValues(schema);
  if (declared) {
    node.values = Object.create(null) as Record<string, number>;
    const values = declared.filter((v) => v !== null && typeof v !== 'object');
    for (const v of values)
      node.values[JSON.stringify(v)] = Math.max(3, Math.floor(count / Math.max(1, values.length)));
    if (values.length > 0) node.enumDeclared = true;
  }
  for (const [key, field] of [
    ['minimum', 'minimum'],
    ['maximum', 'maximum'],
    ['minLength', 'minLength'],
    ['maxLength', 'maxLength'],
    ['minItems', 'minItems'],
    ['maxItems', 'maxItems'],
  ] as const) {
    if (typeof schema[key] === 'number') node[field] = schema[key];
  }
  if (isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    const objects = node.types.object ?? share;
    node.properties = Object.create(null) as Record<string, SchemaNode>;
    for (const key of Object.keys(schema.properties)) {
      // Optional properties are present in half of the objects, so mocks include them sometimes.
      node.properties[key] = convert(
        schema.properties[key],
        required.has(key) ? objects : Math.floor(objects / 2),
        depth + 1,
      );
    }
  }
  if (isObject(schema.additionalProperties))
    node.additionalProperties = convert(schema.additionalProperties, count, depth + 1);
  if (schema.items !== undefined)
    node.items = convert(
      Array.isArray(schema.items) ? schema.items[0] : schema.items,
      count * 2,
      depth + 1,
    );
  return node;
}

/**
 * Turns a user-supplied JSON Schema (a manual override) into a schema node that stands for
 * it with strong evidence, so mocks and exports treat it like a well-learned schema:
 * required properties present in every sample, optional ones in half, enums and formats kept.
 */
export function fromJsonSchema(schema: unknown): SchemaNode {
  return convert(schema, SAMPLES, 0);
}
