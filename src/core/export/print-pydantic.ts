import type { JsonSchemaType } from '../schema/to-json-schema.js';
import { describeExport, toCommentText } from './describe-export.js';
import { namePythonFields } from './name-python-field.js';
import type { TypePlan } from './plan-types.js';
import { nameOfRef, typesOf } from './type-schema.js';
import type { TypeSchema } from './type-schema.js';

/*
 * Formats map to standard-library types pydantic validates without extras, each accepting
 * everything the learner's detector accepts (format-detect.ts). Email, URI and hostname
 * stay `str`: EmailStr needs the email-validator package, and AnyUrl rejects ports the
 * detector lets through.
 */
const FORMAT_TYPES: Readonly<Record<string, { name: string; module: string }>> = {
  'date-time': { name: 'datetime', module: 'datetime' },
  date: { name: 'date', module: 'datetime' },
  uuid: { name: 'UUID', module: 'uuid' },
  ipv4: { name: 'IPv4Address', module: 'ipaddress' },
};
const IMPORT_ORDER = ['datetime', 'ipaddress', 'typing', 'uuid', 'pydantic'];

/** Names to import, by module; filled while printing so only what is used is imported. */
type Imports = Map<string, Set<string>>;

function use(imports: Imports, module: string, name: string): string {
  let names = imports.get(module);
  if (!names) imports.set(module, (names = new Set()));
  names.add(name);
  return name;
}

function literalOf(schema: TypeSchema, imports: Imports): string | undefined {
  const members = (schema.enum ?? []).filter((value) => value !== null);
  if (members.length === 0) return undefined;
  return `${use(imports, 'typing', 'Literal')}[${members.map((value) => JSON.stringify(value)).join(', ')}]`;
}

function printKind(
  kind: Exclude<JsonSchemaType, 'null'>,
  schema: TypeSchema,
  imports: Imports,
): string {
  switch (kind) {
    case 'string': {
      const format = FORMAT_TYPES[schema.format ?? ''];
      return (
        literalOf(schema, imports) ?? (format ? use(imports, format.module, format.name) : 'str')
      );
    }
    case 'integer':
      return literalOf(schema, imports) ?? 'int';
    case 'number':
      return 'float';
    case 'boolean':
      return 'bool';
    case 'array': {
      const items = schema.items ? printType(schema.items, imports) : use(imports, 'typing', 'Any');
      return `${use(imports, 'typing', 'List')}[${items}]`;
    }
    case 'object': {
      const values = schema.additionalProperties;
      const value = values ? printType(values, imports) : use(imports, 'typing', 'Any');
      return `${use(imports, 'typing', 'Dict')}[str, ${value}]`;
    }
  }
}

function collectVariants(schema: TypeSchema, variants: string[], imports: Imports): boolean {
  let nullable = false;
  if (schema.$ref !== undefined) variants.push(nameOfRef(schema.$ref));
  for (const member of schema.anyOf ?? []) {
    nullable = collectVariants(member, variants, imports) || nullable;
  }
  for (const kind of typesOf(schema)) {
    if (kind === 'null') nullable = true;
    else variants.push(printKind(kind, schema, imports));
  }
  return nullable;
}

/** A type annotation for a place; named types are referenced by class name. */
function printType(schema: TypeSchema, imports: Imports): string {
  const variants: string[] = [];
  const nullable = collectVariants(schema, variants, imports);
  if (variants.length === 0) return nullable ? 'None' : use(imports, 'typing', 'Any');
  const type =
    variants.length === 1
      ? (variants[0] ?? '')
      : `${use(imports, 'typing', 'Union')}[${variants.join(', ')}]`;
  return nullable ? `${use(imports, 'typing', 'Optional')}[${type}]` : type;
}

function printField(
  name: string,
  key: string,
  schema: TypeSchema,
  required: boolean,
  imports: Imports,
): string {
  let type = printType(schema, imports);
  if (!required && !type.startsWith('Optional[') && type !== 'None' && type !== 'Any') {
    type = `${use(imports, 'typing', 'Optional')}[${type}]`;
  }
  const settings: string[] = [];
  if (!required) settings.push('default=None');
  if (name !== key) settings.push(`alias=${JSON.stringify(key)}`);
  let value = '';
  if (name !== key) value = ` = ${use(imports, 'pydantic', 'Field')}(${settings.join(', ')})`;
  else if (!required) value = ' = None';
  const format =
    schema.format && !FORMAT_TYPES[schema.format] ? `  # format: ${schema.format}` : '';
  return `    ${name}: ${type}${value}${format}`;
}

function printClass(
  name: string,
  schema: TypeSchema,
  classNames: ReadonlySet<string>,
  imports: Imports,
): string[] {
  const properties = schema.properties;
  if (!properties) {
    const root = use(imports, 'pydantic', 'RootModel');
    return [`class ${name}(${root}[${printType(schema, imports)}]):`, '    pass'];
  }
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties);
  const names = namePythonFields(
    entries.map(([key]) => key),
    classNames,
  );
  const fields = entries.map(([key, child], index) =>
    printField(names[index] ?? key, key, child, required.has(key), imports),
  );
  return [`class ${name}(${use(imports, 'pydantic', 'BaseModel')}):`, ...fields];
}

function printImports(imports: Imports): string[] {
  const lines: string[] = [];
  for (const module of IMPORT_ORDER) {
    const names = imports.get(module);
    if (!names) continue;
    if (module === 'pydantic' && lines.length > 0) lines.push('');
    lines.push(`from ${module} import ${[...names].sort().join(', ')}`);
  }
  return lines;
}

/**
 * Prints the plan as a Python module of pydantic v2 models (standard library and pydantic
 * only). Objects become BaseModel classes, other root shapes RootModel[...]; a field not
 * present in every sample is `Optional[...] = None`, a nullable one `Optional[...]`; enums
 * are `Literal[...]`; keys that are not safe identifiers use `Field(alias=...)`. Classes
 * come after the classes they use, so annotations resolve without forward references.
 */
export function printPydantic(plan: TypePlan, generatedAt?: string): string {
  const header = describeExport(plan, generatedAt).map((line) => `# ${line}`);
  const classNames = new Set(plan.definitions.map((definition) => definition.name));
  const imports: Imports = new Map();
  const blocks = plan.definitions.map(({ name, schema, summary }) => {
    const comment = summary === undefined ? [] : [`# ${toCommentText(summary)}`];
    return [...comment, ...printClass(name, schema, classNames, imports)].join('\n');
  });
  const sections = [header.join('\n')];
  if (blocks.length > 0) sections.push(printImports(imports).join('\n'), ...blocks);
  return `${sections.join('\n\n\n')}\n`;
}
