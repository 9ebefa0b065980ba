import type { FastifyInstance } from 'fastify';
import { EXPORT_FORMATS, parseExportFormat } from '../../core/export/export-format.js';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';

/** Typed exports of the learned API (the printers load lazily: they are heavy to import). */
export function registerExportRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get(
    '/admin/export-types',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            format: { type: 'string', maxLength: 40, default: 'typescript' },
            download: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (request, reply) => {
      const query = request.query as { format: string; download: boolean };
      const format = parseExportFormat(query.format);
      if (!format) {
        throw new AppError(
          'INVALID_QUERY',
          `Unknown format "${query.format.slice(0, 40)}". Allowed: ${EXPORT_FORMATS.join(', ')}.`,
          {
            allowed: [...EXPORT_FORMATS],
          },
        );
      }
      const { exportTypes } = await import('../../export/export-types.js');
      const models = (await deps.engine.allEndpoints()).map((e) => e.model);
      const file = await exportTypes(models, format);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `${query.download ? 'attachment' : 'inline'}; filename="${file.filename}"`,
        )
        .send(file.content);
    },
  );

  app.get(
    '/admin/export-openapi',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { download: { type: 'boolean', default: false } },
        },
      },
    },
    async (request, reply) => {
      const { download } = request.query as { download: boolean };
      const { exportOpenApi } = await import('../../core/export/export-openapi.js');
      const models = (await deps.engine.allEndpoints()).map((e) => e.model);
      const document = exportOpenApi(models, { title: 'Learned API', serverUrl: '/' });
      return reply
        .type('application/json')
        .header(
          'content-disposition',
          `${download ? 'attachment' : 'inline'}; filename="openapi.json"`,
        )
        .send(`${JSON.stringify(document, null, 2)}\n`);
    },
  );
}
