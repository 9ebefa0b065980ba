/** Formats of `GET /admin/export-types?format=…` (OpenAPI has its own route). */
export const EXPORT_FORMATS = ['typescript', 'pydantic', 'jsonschema', 'zod'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How an export is served or saved. */
export interface ExportFile {
  contentType: string;
  filename: string;
}

/** Content type and default file name per format (names follow the prototype where it had them). */
export const EXPORT_FILES: Readonly<Record<ExportFormat, ExportFile>> = {
  typescript: { contentType: 'text/plain; charset=utf-8', filename: 'api-types.ts' },
  pydantic: { contentType: 'text/plain; charset=utf-8', filename: 'api_models.py' },
  jsonschema: { contentType: 'application/schema+json', filename: 'api-schemas.json' },
  zod: { contentType: 'text/plain; charset=utf-8', filename: 'api-schemas.zod.ts' },
};

/** Reads a user-supplied format name, case-insensitively; undefined when it is not one of EXPORT_FORMATS. */
export function parseExportFormat(value: string): ExportFormat | undefined {
  const lower = value.trim().toLowerCase();
  return EXPORT_FORMATS.find((format) => format === lower);
}
