import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FILES, EXPORT_FORMATS } from '../core/export/export-format.js';
import type { ExportFormat } from '../core/export/export-format.js';
import { exportOpenApi } from '../core/export/export-openapi.js';
import { createUsersModels } from '../core/export/users-model.fixture.js';
import { exportTypes } from './export-types.js';
import { REPO_ROOT } from './export-tools.fixture.js';

/*
 * Golden files of the users model in all five formats, reviewed by a person. After an
 * intended change, regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
const GOLDEN_DIR = join(REPO_ROOT, 'src', 'export', '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function compareGolden(file: string, content: string): void {
  const path = join(GOLDEN_DIR, file);
  if (UPDATE) writeFileSync(path, content);
  expect(content).toBe(readFileSync(path, 'utf8'));
}

describe('exportTypes golden files (users model)', () => {
  const models = createUsersModels();

  it.each(
    EXPORT_FORMATS.map((format): [ExportFormat, string] => [
      format,
      `users.${EXPORT_FILES[format].filename}.golden`,
    ]),
  )('%s matches %s', async (format, file) => {
    const result = await exportTypes(models, format);
    expect(result).toMatchObject(EXPORT_FILES[format]);
    compareGolden(file, result.content);
  });

  it('openapi matches users.openapi.json.golden', () => {
    compareGolden(
      'users.openapi.json.golden',
      `${JSON.stringify(exportOpenApi(models), null, 2)}\n`,
    );
  });
});

describe('exportTypes output stability', () => {
  it.each(EXPORT_FORMATS)('%s: same models in any order give the same bytes', async (format) => {
    const models = createUsersModels();
    const first = await exportTypes(models, format);
    const second = await exportTypes([...models].reverse(), format);
    expect(second.content).toBe(first.content);
  });

  it.each(EXPORT_FORMATS)('%s: a timestamp appears only when asked for', async (format) => {
    const plain = await exportTypes(createUsersModels(), format);
    const stamped = await exportTypes(createUsersModels(), format, {
      generatedAt: '2024-05-01T12:00:00Z',
    });
    expect(plain.content).not.toContain('Generated at');
    expect(stamped.content).toContain('Generated at 2024-05-01T12:00:00Z.');
    const unstamped = stamped.content
      .replace(/^(?:\/\/|#) Generated at 2024-05-01T12:00:00Z\.\n/m, '')
      .replace(' Generated at 2024-05-01T12:00:00Z.', '');
    expect(unstamped).toBe(plain.content);
  });
});
