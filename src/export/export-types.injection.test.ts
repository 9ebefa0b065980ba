import { rmSync } from 'node:fs';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject, ZodType } from 'zod';
import { EXPORT_FORMATS } from '../core/export/export-format.js';
import type { ExportFormat } from '../core/export/export-format.js';
import { exportOpenApi } from '../core/export/export-openapi.js';
import { createInjectionModels, HOSTILE_KEYS } from '../core/export/injection-model.fixture.js';
import type { JsonSchemaDocument } from '../core/export/to-json-schema-document.js';
import type { EndpointModel } from '../core/model/endpoint-model.js';
import { exportTypes } from './export-types.js';
import {
  createAjv,
  createWorkDir,
  explainMissingPydantic,
  importZodModule,
  listExampleCases,
  listTopLevelStatements,
  runPython,
  runTsc,
  VALIDATE_WITH_PYDANTIC,
  writeFiles,
} from './export-tools.fixture.js';
import type { ExampleCase } from './export-tools.fixture.js';

/*
 * Type-export injection: learned keys, enum values and templates are attacker-controlled.
 * Every format must stay a pure declaration file whose keys are exactly the learned keys.
 */
const EXPECTED_KEYS = [...HOSTILE_KEYS, 'kind', 'list'].sort();
const missingPydantic = explainMissingPydantic();

/** The recorded 200 bodies of both endpoints with their response types. */
function listResponseCases(models: readonly EndpointModel[]): ExampleCase[] {
  return models.flatMap((model) =>
    (model.examples['200'] ?? []).map((example) => ({
      type: model.method === 'GET' ? 'GetWeirdResponse' : 'CreateResourceResponse',
      value: example.responseBody,
    })),
  );
}

function interfaceKeys(source: string, name: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  return (found?.members ?? [])
    .map((member) => member.name)
    .map((key) => (key && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : '?'))
    .sort();
}

describe('exportTypes with hostile learned names', () => {
  const models = createInjectionModels();
  const out = {} as Record<ExportFormat, string>;
  let dir = '';

  beforeAll(async () => {
    dir = createWorkDir('export-injection');
    for (const format of EXPORT_FORMATS) out[format] = (await exportTypes(models, format)).content;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('TypeScript and Zod: compile under tsc --strict, declarations only, keys exactly as learned', async () => {
    const empty = await exportTypes([], 'typescript');
    const files = {
      'api-types.ts': out.typescript,
      'api-schemas.zod.ts': out.zod,
      'empty.ts': empty.content,
    };
    writeFiles(dir, files);
    const result = runTsc(dir, Object.keys(files));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    expect(new Set(listTopLevelStatements(out.typescript))).toEqual(new Set(['interface', 'type']));
    expect(new Set(listTopLevelStatements(out.zod))).toEqual(
      new Set(['import', 'export const', 'type']),
    );
    expect(interfaceKeys(out.typescript, 'GetWeirdResponse')).toEqual(EXPECTED_KEYS);
  });

  it('Zod: the schema keys are the learned keys and every example parses', async () => {
    const module = await importZodModule(dir, out.zod);
    const schema = module.GetWeirdResponse as ZodObject;
    expect(Object.keys(schema.shape).sort()).toEqual(EXPECTED_KEYS);
    for (const { type, value } of listResponseCases(models)) {
      expect({ type, success: (module[type] as ZodType).safeParse(value).success }).toEqual({
        type,
        success: true,
      });
    }
  });

  it('JSON Schema: parses as JSON, keeps every key, validates every example', () => {
    const doc = JSON.parse(out.jsonschema) as JsonSchemaDocument;
    expect(Object.keys(doc.$defs.GetWeirdResponse?.properties ?? {}).sort()).toEqual(EXPECTED_KEYS);
    const ajv = createAjv();
    ajv.addSchema(doc, 'https://adaptive-mock.test/injection.json');
    const typeOf = (model: EndpointModel, part: 'request' | 'response', status: string) => {
      const entry = doc['x-endpoints'][`${model.method} ${model.template}`];
      return part === 'request' ? entry?.request : entry?.responses[status];
    };
    const cases = listExampleCases(models, typeOf);
    expect(cases.length).toBe(15);
    for (const { type, value } of cases) {
      const validate = ajv.getSchema(`https://adaptive-mock.test/injection.json#/$defs/${type}`);
      expect({ type, valid: validate?.(value) }).toEqual({ type, valid: true });
    }
  });

  it('OpenAPI: round-trips through JSON without losing a key', () => {
    const doc = exportOpenApi(models);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(Object.keys(doc.paths ?? {})).toEqual(['/weird*/{id}', '/名前']);
    const schema = doc.components?.schemas?.GetWeirdResponse ?? {};
    expect(Object.keys('properties' in schema ? (schema.properties ?? {}) : {}).sort()).toEqual(
      EXPECTED_KEYS,
    );
  });

  it.skipIf(missingPydantic !== undefined)(
    `Pydantic: parses (ast), imports without warnings, aliases are the learned keys, examples validate${missingPydantic ? ` (skipped: ${missingPydantic})` : ''}`,
    () => {
      const [path = ''] = writeFiles(dir, { 'api_models.py': out.pydantic });
      const parsed = runPython('import ast,sys; ast.parse(sys.stdin.read())', [], out.pydantic);
      expect(parsed).toEqual({ status: 0, output: '' });
      const aliases = runPython(
        `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("m", sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
print(json.dumps(sorted(n if f.alias is None else f.alias for n, f in m.GetWeirdResponse.model_fields.items())))`,
        [path],
      );
      expect(aliases.status).toBe(0);
      expect(JSON.parse(aliases.output)).toEqual(EXPECTED_KEYS);
      const cases = listResponseCases(models);
      const validated = runPython(VALIDATE_WITH_PYDANTIC, [path], JSON.stringify(cases));
      expect(validated.output.trim()).toBe(`validated ${cases.length}`);
    },
  );
});
