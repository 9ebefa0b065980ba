import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { EXPORT_FORMATS } from '../core/export/export-format.js';
import type { ExportFormat } from '../core/export/export-format.js';
import type { JsonSchemaDocument } from '../core/export/to-json-schema-document.js';
import { createUsersModels } from '../core/export/users-model.fixture.js';
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
 * The users model through the real tools: tsc --strict, ajv (2020-12), zod and pydantic
 * must accept every recorded example, and reject a tampered one.
 */
const SCHEMA_ID = 'https://adaptive-mock.test/api-schemas.json';
const missingPydantic = explainMissingPydantic();
if (missingPydantic) console.warn(`Skipping the pydantic export check: ${missingPydantic}`);

describe('exportTypes through real tools (users model)', () => {
  const models = createUsersModels();
  const out = {} as Record<ExportFormat, string>;
  let dir = '';
  let cases: ExampleCase[] = [];
  let tampered: ExampleCase;

  beforeAll(async () => {
    dir = createWorkDir('export-tools');
    for (const format of EXPORT_FORMATS) out[format] = (await exportTypes(models, format)).content;
    const index = (JSON.parse(out.jsonschema) as JsonSchemaDocument)['x-endpoints'];
    const typeOf = (model: EndpointModel, part: 'request' | 'response', status: string) => {
      const entry = index[`${model.method} ${model.template}`];
      return part === 'request' ? entry?.request : entry?.responses[status];
    };
    cases = listExampleCases(models, typeOf);
    const user = cases.find((c) => c.type === 'GetUserResponse')?.value as Record<string, unknown>;
    tampered = { type: 'GetUserResponse', value: { ...user, id: 'seven', manager_id: undefined } };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every recorded body with its type', () => {
    expect(cases.map((c) => c.type).sort()).toEqual([
      ...Array<string>(4).fill('CreateUserRequest'),
      ...Array<string>(4).fill('CreateUserResponse'),
      ...Array<string>(5).fill('GetUserResponse'),
      ...Array<string>(3).fill('GetUserResponse404'),
      ...Array<string>(5).fill('ListUsersResponse'),
    ]);
  });

  it('TypeScript and Zod exports compile under tsc --strict; every example is assignable', () => {
    const examples = cases.map(
      (c, i) => `export const example${i}: Api.${c.type} = ${JSON.stringify(c.value)};`,
    );
    const files = {
      'api-types.ts': out.typescript,
      'api-schemas.zod.ts': out.zod,
      'examples.ts': `import type * as Api from './api-types.js';\n${examples.join('\n')}\n`,
    };
    writeFiles(dir, files);
    const result = runTsc(dir, Object.keys(files));
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
    expect(new Set(listTopLevelStatements(out.typescript))).toEqual(new Set(['interface', 'type']));
    expect(new Set(listTopLevelStatements(out.zod))).toEqual(
      new Set(['import', 'export const', 'type']),
    );
  });

  it('tsc rejects a tampered example (the check above can fail)', () => {
    const files = {
      'api-types.ts': out.typescript,
      'tampered.ts': `import type * as Api from './api-types.js';\nexport const bad: Api.GetUserResponse = ${JSON.stringify(tampered.value)};\n`,
    };
    writeFiles(dir, files);
    const result = runTsc(dir, Object.keys(files));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('tampered.ts');
  });

  it('every example validates against the JSON Schema export (ajv, 2020-12, formats on)', () => {
    const ajv = createAjv();
    ajv.addSchema(JSON.parse(out.jsonschema) as object, SCHEMA_ID);
    const check = ({ type, value }: ExampleCase) => {
      const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${type}`);
      return { type, valid: validate?.(value), errors: validate?.errors };
    };
    for (const c of cases) expect(check(c)).toMatchObject({ valid: true });
    expect(check(tampered).valid).toBe(false);
  });

  it('the Zod export parses every example', async () => {
    const module = await importZodModule(dir, out.zod);
    const parse = ({ type, value }: ExampleCase) => {
      const schema = module[type] as ZodType;
      const result = schema.safeParse(value);
      return { type, success: result.success, issues: result.error?.issues };
    };
    for (const c of cases) expect(parse(c)).toMatchObject({ success: true });
    expect(parse(tampered).success).toBe(false);
  });

  it.skipIf(missingPydantic !== undefined)(
    `the Pydantic export imports and validates every example${missingPydantic ? ` (skipped: ${missingPydantic})` : ''}`,
    () => {
      const [path = ''] = writeFiles(dir, { 'api_models.py': out.pydantic });
      const good = runPython(VALIDATE_WITH_PYDANTIC, [path], JSON.stringify(cases));
      expect(good.output.trim()).toBe(`validated ${cases.length}`);
      expect(good.status).toBe(0);
      const bad = runPython(VALIDATE_WITH_PYDANTIC, [path], JSON.stringify([tampered]));
      expect(bad.status).not.toBe(0);
      expect(bad.output).toContain('ValidationError');
    },
  );
});
