import type { JSONSchema } from 'json-schema-to-typescript';
import { MAX_DEPTH } from '../core/schema/schema-node.js';
import { describeExport, toCommentText } from '../core/export/describe-export.js';
import type { TypePlan } from '../core/export/plan-types.js';
import { nameOfRef, typesOf } from '../core/export/type-schema.js';
import type { TypeSchema } from '../core/export/type-schema.js';

/**
 * json-schema-to-typescript's input for one place: named types become `tsType` references
 * (each definition is compiled on its own, so nothing is inlined twice), formats become
 * doc comments, evidence annotations are dropped.
 */
function toCompilerInput(schema: TypeSchema, depth: number): JSONSchema {
  if (depth > MAX_DEPTH + 2) return {};
  if (schema.$ref !== undefined) return { tsType: nameOfRef(schema.$ref) };
  const input: JSONSchema = {};
  if (schema.title !== undefined) input.title = schema.title;
  const notes = [schema.description, schema.format && `Format: ${schema.format}`].filter(
    (note) => note !== undefined && note !== '',
  );
  if (notes.length > 0) input.description = toCommentText(notes.join('. '));
  if (schema.type !== undefined) input.type = schema.type;
  if (schema.enum) input.enum = schema.enum;
  if (schema.anyOf) input.anyOf = schema.anyOf.map((member) => toCompilerInput(member, depth + 1));
  if (schema.properties) {
    const properties = Object.create(null) as Record<string, JSONSchema>;
    for (const [key, child] of Object.entries(schema.properties)) {
      properties[key] = toCompilerInput(child, depth + 1);
    }
    input.properties = properties;
    if (schema.required) input.required = schema.required;
  }
  if (schema.additionalProperties) {
    input.additionalProperties = toCompilerInput(schema.additionalProperties, depth + 1);
  } else if (schema.properties === undefined && typesOf(schema).includes('object')) {
    // An object whose keys were never learned: any keys, not none.
    input.additionalProperties = true;
  }
  if (schema.items) input.items = toCompilerInput(schema.items, depth + 1);
  return input;
}

/**
 * Prints the plan as TypeScript declarations (interfaces and type aliases only, no
 * runtime code) with json-schema-to-typescript: optional fields `?`, nullable `| null`,
 * enums as literal unions, formats and endpoint summaries as doc comments, keys that are not
 * identifiers quoted. Objects are closed (no index signature) so editors complete real keys.
 * Each definition costs about 10 ms (the library formats with Prettier).
 */
export async function printTypeScript(plan: TypePlan, generatedAt?: string): Promise<string> {
  const header = describeExport(plan, generatedAt).map((line) => `// ${line}`);
  if (plan.definitions.length === 0) return `${header.join('\n')}\n\nexport {};\n`;
  const { compile } = await import('json-schema-to-typescript');
  const declarations: string[] = [];
  for (const { name, schema } of plan.definitions) {
    const declaration = await compile(toCompilerInput(schema, 0), name, {
      bannerComment: '',
      additionalProperties: false,
      ignoreMinAndMaxItems: true,
      strictIndexSignatures: true,
      // Refs are already tsType names: nothing must ever be read from disk.
      declareExternallyReferenced: false,
      $refOptions: { resolve: { external: false } },
    });
    declarations.push(declaration.trim());
  }
  return `${header.join('\n')}\n\n${declarations.join('\n\n')}\n`;
}
