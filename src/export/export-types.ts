import { EXPORT_FILES } from '../core/export/export-format.js';
import type { ExportFormat } from '../core/export/export-format.js';
import { planTypes } from '../core/export/plan-types.js';
import type { TypePlan } from '../core/export/plan-types.js';
import { printPydantic } from '../core/export/print-pydantic.js';
import { printZod } from '../core/export/print-zod.js';
import { toJsonSchemaDocument } from '../core/export/to-json-schema-document.js';
import type { EndpointModel } from '../core/model/endpoint-model.js';
import { printTypeScript } from './print-typescript.js';

export interface ExportTypesOptions {
  /** Adds a "Generated at" line; omitted by default so unchanged models export identically. */
  generatedAt?: string;
}

/** An export ready to serve or save. */
export interface TypeExport {
  content: string;
  contentType: string;
  filename: string;
}

async function printFormat(
  plan: TypePlan,
  format: ExportFormat,
  generatedAt?: string,
): Promise<string> {
  switch (format) {
    case 'typescript':
      return printTypeScript(plan, generatedAt);
    case 'pydantic':
      return printPydantic(plan, generatedAt);
    case 'zod':
      return printZod(plan, generatedAt);
    case 'jsonschema':
      return `${JSON.stringify(toJsonSchemaDocument(plan, generatedAt), null, 2)}\n`;
  }
}

/**
 * Exports the learned models as client types in one of EXPORT_FORMATS. Every format is
 * printed from the same plan (planTypes), so names and shapes agree across formats: the
 * request, query and per-status response types of each endpoint, with nested objects and
 * array items as named types. An empty model gives a valid file that declares nothing.
 */
export async function exportTypes(
  models: readonly EndpointModel[],
  format: ExportFormat,
  options: ExportTypesOptions = {},
): Promise<TypeExport> {
  const content = await printFormat(planTypes(models), format, options.generatedAt);
  return { content, ...EXPORT_FILES[format] };
}
