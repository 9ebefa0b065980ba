import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ts from 'typescript';
import type { EndpointModel } from '../core/model/endpoint-model.js';

/*
 * Test helpers that run exports through the real tools (tsc, ajv, zod, python/pydantic).
 * Not shipped logic: only the *.test.ts files beside it use it.
 */

/** The repository root, whether this runs from src/export or dist-* /src/export. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fresh directory under test-output/ (inside the repo, so `zod` resolves from node_modules). */
export function createWorkDir(prefix: string): string {
  const base = join(REPO_ROOT, 'test-output');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** Writes files into `dir` and returns their paths. */
export function writeFiles(dir: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}

/**
 * Runs `tsc --strict --noEmit` on files of one directory (a tsconfig there sets `types: []`,
 * so no ambient @types are loaded); returns tsc's exit status and output.
 */
export function runTsc(
  dir: string,
  files: readonly string[],
): { status: number | null; output: string } {
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'es2022',
    module: 'nodenext',
    skipLibCheck: true,
    types: [],
  };
  writeFiles(dir, { 'tsconfig.json': JSON.stringify({ compilerOptions, files }) });
  const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', dir], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Kinds of top-level statements (`interface`, `type`, `import`, `export const`, or the raw
 * syntax kind for anything else), to prove a printed module only declares.
 */
export function listTopLevelStatements(source: string): string[] {
  const file = ts.createSourceFile(
    'export.ts',
    source,
    ts.ScriptTarget.ES2022,
    false,
    ts.ScriptKind.TS,
  );
  return file.statements.map((statement) => {
    if (ts.isInterfaceDeclaration(statement)) return 'interface';
    if (ts.isTypeAliasDeclaration(statement)) return 'type';
    if (ts.isImportDeclaration(statement)) return 'import';
    if (ts.isVariableStatement(statement)) {
      const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) return 'variable';
      const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      return isConst ? 'export const' : 'export variable';
    }
    if (ts.isExportDeclaration(statement)) return 'export';
    return ts.SyntaxKind[statement.kind];
  });
}

/** Transpiles a printed Zod module to JavaScript and imports it. */
export async function importZodModule(
  dir: string,
  source: string,
): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const [path = ''] = writeFiles(dir, { 'zod-export.mjs': js });
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}

/** Why Python tests cannot run here, or undefined when python3 with pydantic 2 is available. */
export function explainMissingPydantic(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import pydantic; assert pydantic.VERSION >= "2"'], {
    encoding: 'utf8',
  });
  if (probe.error) return `python3 not found (${probe.error.message})`;
  if (probe.status !== 0)
    return `pydantic 2 not importable: ${probe.stderr.trim().split('\n').at(-1) ?? ''}`;
  return undefined;
}

/** Runs python3 with warnings as errors (a shadowed BaseModel attribute fails the run). */
export function runPython(
  script: string,
  args: readonly string[] = [],
  input = '',
): { status: number | null; output: string } {
  const result = spawnSync('python3', ['-W', 'error', '-c', script, ...args], {
    input,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Imports a pydantic export from `dir` and validates cases read from stdin
 * (`[{ "type": "GetUserResponse", "value": … }]`); prints how many passed.
 */
export const VALIDATE_WITH_PYDANTIC = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("api_models", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
cases = json.load(sys.stdin)
for case in cases:
    getattr(module, case["type"]).model_validate(case["value"])
print("validated", len(cases))
`;

/** One recorded body and the type it must satisfy. */
export interface ExampleCase {
  type: string;
  value: unknown;
}

/** Every recorded request and response body of the models, paired with its type name. */
export function listExampleCases(
  models: readonly EndpointModel[],
  typeOf: (
    model: EndpointModel,
    part: 'request' | 'response',
    status: string,
  ) => string | undefined,
): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const model of models) {
    for (const [status, examples] of Object.entries(model.examples)) {
      for (const example of examples) {
        const request = typeOf(model, 'request', status);
        const response = typeOf(model, 'response', status);
        if (request && example.requestBody !== undefined)
          cases.push({ type: request, value: example.requestBody });
        if (response && example.responseBody !== undefined)
          cases.push({ type: response, value: example.responseBody });
      }
    }
  }
  return cases;
}

/** ajv for JSON Schema 2020-12 with formats, told about our annotation keywords. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, ownProperties: true });
  addFormats.default(ajv);
  ajv.addKeyword('x-observed');
  ajv.addKeyword('x-endpoints');
  return ajv;
}
