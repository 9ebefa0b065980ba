import type { JsonSchemaType } from '../schema/to-json-schema.js';
import { describeExport, toCommentText } from './describe-export.js';
import type { TypePlan } from './plan-types.js';
import { nameOfRef, typesOf } from './type-schema.js';
import type { TypeSchema } from './type-schema.js';

/*
 * Formats are only enforced where Zod's check accepts everything the learner's detector
 * accepts (format-detect.ts): any-version UUIDs (z.guid, not the RFC-strict z.uuid),
 * full dates and dotted-quad IPv4. Zod's datetime, email and URL checks are stricter than
 * the detector (space separator, lowercase `z`, ports…), so those stay plain strings with a
 * comment rather than reject data the API really sent.
 */
const ENFORCED_FORMATS: Readonly<Record<string, string>> = {
  uuid: 'z.guid()',
  date: 'z.iso.date()',
  ipv4: 'z.ipv4()',
};

function printKey(key: string): string {
  // `__proto__: x` in an object literal sets the prototype; a computed key defines a property.
  if (key === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

function enumMembers(schema: TypeSchema): (string | number)[] {
  return (schema.enum ?? []).filter((value): value is string | number => value !== null);
}

function printMembers(members: readonly (string | number)[]): string {
  return members.map((member) => JSON.stringify(member)).join(', ');
}

function isSafeIntegerRange(schema: TypeSchema): boolean {
  const observed = schema['x-observed'];
  const low = observed?.minimum ?? 0;
  const high = observed?.maximum ?? 0;
  return Number.isSafeInteger(low) && Number.isSafeInteger(high);
}

function printKind(kind: Exclude<JsonSchemaType, 'null'>, schema: TypeSchema): string {
  const members = enumMembers(schema);
  switch (kind) {
    case 'string':
      if (members.length > 0) return `z.enum([${printMembers(members)}])`;
      return ENFORCED_FORMATS[schema.format ?? ''] ?? 'z.string()';
    case 'integer':
      if (members.length > 0) return `z.literal([${printMembers(members)}])`;
      // z.int() rejects integers beyond 2^53 that JSON.parse still reads as integers.
      return isSafeIntegerRange(schema) ? 'z.int()' : 'z.number()';
    case 'number':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'array':
      return `z.array(${schema.items ? printSchema(schema.items) : 'z.unknown()'})`;
    case 'object': {
      const values = schema.additionalProperties;
      return `z.record(z.string(), ${values ? printSchema(values) : 'z.unknown()'})`;
    }
  }
}

function collectVariants(schema: TypeSchema, variants: string[]): boolean {
  let nullable = false;
  if (schema.$ref !== undefined) variants.push(nameOfRef(schema.$ref));
  for (const member of schema.anyOf ?? []) nullable = collectVariants(member, variants) || nullable;
  for (const kind of typesOf(schema)) {
    if (kind === 'null') nullable = true;
    else variants.push(printKind(kind, schema));
  }
  return nullable;
}

/** A Zod expression for a place; named types are referenced, never inlined. */
function printSchema(schema: TypeSchema): string {
  const variants: string[] = [];
  const nullable = collectVariants(schema, variants);
  if (variants.length === 0) return nullable ? 'z.null()' : 'z.unknown()';
  const expression =
    variants.length === 1 ? (variants[0] ?? '') : `z.union([${variants.join(', ')}])`;
  return nullable ? `${expression}.nullable()` : expression;
}

function printObject(schema: TypeSchema): string {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([key, child]) => {
    const optional = required.has(key) ? '' : '.optional()';
    const format =
      child.format && !ENFORCED_FORMATS[child.format] ? ` // format: ${child.format}` : '';
    return `  ${printKey(key)}: ${printSchema(child)}${optional},${format}`;
  });
  return `z.object({\n${lines.join('\n')}\n})`;
}

/**
 * Prints the plan as a TypeScript module of Zod 4 schemas, each followed by its inferred
 * type (`export const GetUserResponse = z.object(…)` and `export type GetUserResponse`).
 * Objects are Zod's default (unknown keys stripped, not rejected); optional fields
 * `.optional()`, nullable ones `.nullable()`, enums `z.enum`/`z.literal`, integers `z.int()`.
 */
export function printZod(plan: TypePlan, generatedAt?: string): string {
  const out = describeExport(plan, generatedAt).map((line) => `// ${line}`);
  out.push('');
  if (plan.definitions.length === 0) {
    out.push('export {};');
    return `${out.join('\n')}\n`;
  }
  out.push("import { z } from 'zod';", '');
  for (const { name, schema, summary } of plan.definitions) {
    if (summary !== undefined) out.push(`/** ${toCommentText(summary)} */`);
    const isObject = schema.properties !== undefined;
    out.push(`export const ${name} = ${isObject ? printObject(schema) : printSchema(schema)};`);
    out.push(`export type ${name} = z.infer<typeof ${name}>;`, '');
  }
  return out.join('\n');
}
