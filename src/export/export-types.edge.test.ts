import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { createEdgeModels } from '../core/export/edge-model.fixture.js';
import { EXPORT_FORMATS } from '../core/export/export-format.js';
import type { ExportFormat } from '../core/export/export-format.js';
import type { JsonSchemaDocument } from '../core/export/to-json-schema-document.js';
import type { EndpointModel } from '../core/model/endpoint-model.js';
import { exportTypes } from './export-types.js';
import {
  createAjv,
  createWorkDir,
  explainMissingPydantic,
  importZodModule,
  listExampleCases,
  runPython,
  runTsc,
  VALIDATE_WITH_PYDANTIC,
  writeFiles,
} from './export-tools.fixture.js';
import type { ExampleCase } from './export-tools.fixture.js';

/*
 * Shapes at the edges (non-object roots, nullable roots, object-or-string places, maps,
 * empty arrays and objects, integers beyond 2^53, cut-off depth, null-only bodies): every
 * format must still compile or import, and accept every recorded body.
 */
const missingPydantic = explainMissingPydantic();

describe('exportTypes on edge shapes', () => {
  const models = createEdgeModels();
  const out = {} as Record<ExportFormat, string>;
  let dir = '';
  let cases: ExampleCase[] = [];

  beforeAll(async () => {
    dir = createWorkDir('export-edge');
    for (const format of EXPORT_FORMATS) out[format] = (await exportTypes(models, format)).content;
    const index = (JSON.parse(out.jsonschema) as JsonSchemaDocument)['x-endpoints'];
    cases = listExampleCases(
      models,
      (model: EndpointModel, _part, status) =>
        index[`${model.method} ${model.template}`]?.responses[status],
    );
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a typed case for every recorded body', () => {
    expect(cases).toHaveLength(18);
  });

  it('TypeScript: compiles under tsc --strict with every body assigned to its type', () => {
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
  });

  it('JSON Schema and Zod accept every body', async () => {
    const ajv = createAjv();
    ajv.addSchema(JSON.parse(out.jsonschema) as object, 'https://adaptive-mock.test/edge.json');
    const module = await importZodModule(dir, out.zod);
    for (const { type, value } of cases) {
      const validate = ajv.getSchema(`https://adaptive-mock.test/edge.json#/$defs/${type}`);
      expect({
        type,
        ajv: validate?.(value),
        zod: (module[type] as ZodType).safeParse(value).success,
      }).toEqual({
        type,
        ajv: true,
        zod: true,
      });
    }
  });

  it.skipIf(missingPydantic !== undefined)(
    `Pydantic accepts every body${missingPydantic ? ` (skipped: ${missingPydantic})` : ''}`,
    () => {
      const [path = ''] = writeFiles(dir, { 'api_models.py': out.pydantic });
      const result = runPython(VALIDATE_WITH_PYDANTIC, [path], JSON.stringify(cases));
      expect(result.output.trim()).toBe(`validated ${cases.length}`);
    },
  );
});
