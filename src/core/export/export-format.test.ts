import { describe, expect, it } from 'vitest';
import { EXPORT_FILES, EXPORT_FORMATS, parseExportFormat } from './export-format.js';

describe('parseExportFormat', () => {
  it.each<[string, string | undefined]>([
    ['typescript', 'typescript'],
    ['TypeScript', 'typescript'],
    [' pydantic ', 'pydantic'],
    ['JSONSCHEMA', 'jsonschema'],
    ['zod', 'zod'],
    ['openapi', undefined],
    ['ts', undefined],
    ['', undefined],
    ['__proto__', undefined],
  ])('%j → %j', (input, expected) => {
    expect(parseExportFormat(input)).toBe(expected);
  });

  it('has a file name and content type for every format', () => {
    expect(Object.keys(EXPORT_FILES).sort()).toEqual([...EXPORT_FORMATS].sort());
    expect(new Set(Object.values(EXPORT_FILES).map((file) => file.filename)).size).toBe(
      EXPORT_FORMATS.length,
    );
  });
});
