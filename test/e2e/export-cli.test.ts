import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUsersModels } from '../../src/core/export/users-model.fixture.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CLI_PATH } from '../helpers/spawn-cli.js';

function runCli(args: string[]) {
  return spawnSync(process.execPath, [CLI_PATH, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { PATH: process.env.PATH ?? '' },
  });
}

/** `adaptive-mock export` reads the store directly: no server runs in these tests. */
describe('adaptive-mock export (CLI)', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'am-export-cli-'));
    const store = openSqliteStore({
      file: join(dataDir, 'adaptive-mock.db'),
      trafficLogLimit: 100,
    });
    for (const model of createUsersModels())
      await store.putEndpoint(model.method, model.template, model);
    await store.close();
  });

  it('prints TypeScript declarations for the learned endpoints', () => {
    const result = runCli(['export', '--format', 'typescript', '--data-dir', dataDir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/export (interface|type) ListUsersResponse/);
    expect(result.stdout).toMatch(/GetUserResponse/);
  });

  it('writes OpenAPI 3.1 and JSON Schema files with --out', () => {
    const openapi = join(dataDir, 'openapi.json');
    expect(
      runCli(['export', '--format', 'openapi', '--out', openapi, '--data-dir', dataDir]).status,
    ).toBe(0);
    const document = JSON.parse(readFileSync(openapi, 'utf8')) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/users', '/users/{id}']));
    const schemas = join(dataDir, 'schemas.json');
    expect(
      runCli(['export', '--format', 'JSONSchema', '--out', schemas, '--data-dir', dataDir]).status,
    ).toBe(0);
    expect(() => JSON.parse(readFileSync(schemas, 'utf8')) as unknown).not.toThrow();
  });

  it('rejects an unknown format with the list of allowed ones and exit code 2', () => {
    const result = runCli(['export', '--format', 'yaml', '--data-dir', dataDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/typescript, pydantic, jsonschema, zod, openapi/);
  });
});
