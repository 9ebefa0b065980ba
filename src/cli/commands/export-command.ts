import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPORT_FORMATS, parseExportFormat } from '../../core/export/export-format.js';
import { loadConfig } from '../../config/load-config.js';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.js';

/**
 * `adaptive-mock export --format <f> [--out file]`: reads the store directly (no server
 * needed) and prints or writes the export. Formats: the type formats plus `openapi`.
 */
export async function runExport(
  flags: Record<string, string | boolean | undefined>,
  options: { format: string; out?: string },
): Promise<void> {
  const config = loadConfig({ env: process.env, flags });
  const format = options.format.trim().toLowerCase();
  const typeFormat = parseExportFormat(format);
  if (!typeFormat && format !== 'openapi') {
    throw new Error(
      `Unknown format "${options.format}". Allowed: ${[...EXPORT_FORMATS, 'openapi'].join(', ')}.`,
    );
  }
  const file = resolve(join(config.dataDir, config.db));
  const store = openSqliteStore({ file, trafficLogLimit: config.trafficLogLimit });
  const models = (await store.loadEndpoints()).map((e) => e.model);
  await store.close();
  let content: string;
  if (typeFormat) {
    const { exportTypes } = await import('../../export/export-types.js');
    content = (await exportTypes(models, typeFormat)).content;
  } else {
    const { exportOpenApi } = await import('../../core/export/export-openapi.js');
    content = `${JSON.stringify(exportOpenApi(models, { title: 'Learned API' }), null, 2)}\n`;
  }
  if (options.out) {
    writeFileSync(options.out, content);
    process.stderr.write(
      `Wrote ${format} export of ${models.length} endpoints from ${file} to ${options.out}\n`,
    );
  } else {
    process.stdout.write(content);
  }
}
