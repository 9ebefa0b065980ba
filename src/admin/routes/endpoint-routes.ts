import type { FastifyInstance } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { toJsonSchema } from '../../core/schema/to-json-schema.js';
import { summarizeStats } from '../../core/model/summarize-stats.js';
import type { StoredEndpoint } from '../../store/store.js';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';
import { PAGE_QUERY, toLimitOffset, type PageQuery } from './pagination.js';

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const METHOD = { type: 'string', pattern: '^[A-Za-z]{1,20}$' } as const;

/** The learned model of one endpoint as the API shows it: standard JSON Schema plus evidence. */
export function endpointView(endpoint: StoredEndpoint, now: number) {
  const { model } = endpoint;
  const responses = Object.fromEntries(
    Object.entries(model.responses).map(([status, response]) => [
      status,
      {
        schema: response.schema ? toJsonSchema(response.schema) : null,
        content_types: response.contentTypes,
        headers: response.headers,
      },
    ]),
  );
  return {
    id: endpoint.id,
    method: endpoint.method,
    template: endpoint.template,
    manual: model.manual,
    created_at: new Date(endpoint.createdAt).toISOString(),
    updated_at: new Date(endpoint.updatedAt).toISOString(),
    request: {
      schema: model.requestSchema ? toJsonSchema(model.requestSchema) : null,
      content_types: model.requestContentTypes,
    },
    query: { schema: model.querySchema ? toJsonSchema(model.querySchema) : null },
    responses,
    stats: summarizeStats(model, now),
    examples: model.examples,
    overrides: model.overrides,
  };
}

const schemaAjv = new Ajv2020({ strict: false });

export function registerEndpointRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const load = async (id: number) => {
    const endpoint = await deps.engine.getEndpoint(id);
    if (!endpoint) throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
    return endpoint;
  };

  app.get(
    '/admin/endpoints',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { q: { type: 'string', maxLength: 200 }, ...PAGE_QUERY },
        },
      },
    },
    async (request) => {
      const query = request.query as PageQuery & { q?: string };
      const { limit, offset } = toLimitOffset(query);
      const page = await deps.engine.listEndpoints({ search: query.q ?? '', limit, offset });
      return { total: page.total, limit, offset, items: page.items };
    },
  );

  app.get(
    '/admin/explorer/overview',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 200 },
            search: { type: 'string', maxLength: 200 },
            ...PAGE_QUERY,
          },
        },
      },
    },
    async (request) => {
      const query = request.query as PageQuery & { q?: string; search?: string };
      const { limit, offset } = toLimitOffset(query, 10);
      const page = await deps.engine.explorerOverview({
        search: query.q ?? query.search ?? '',
        limit,
        offset,
      });
      return { total: page.total, limit, offset, items: page.items };
    },
  );

  app.get('/admin/endpoints/:id', { schema: { params: ID_PARAMS } }, async (request) => {
    const { id } = request.params as { id: number };
    return endpointView(await load(id), Date.now());
  });

  app.get('/admin/endpoints/:id/stats', { schema: { params: ID_PARAMS } }, async (request) => {
    const { id } = request.params as { id: number };
    const endpoint = await load(id);
    return {
      id: endpoint.id,
      method: endpoint.method,
      template: endpoint.template,
      stats: summarizeStats(endpoint.model, Date.now()),
      series: endpoint.model.stats.series,
    };
  });

  app.delete('/admin/endpoints/:id', { schema: { params: ID_PARAMS } }, async (request) => {
    const { id } = request.params as { id: number };
    if (!(await deps.engine.deleteEndpoint(id))) {
      throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
    }
    return { status: 'deleted', id };
  });

  app.post(
    '/admin/endpoints/manual',
    {
      schema: {
        body: {
          type: 'object',
          required: ['path'],
          additionalProperties: false,
          properties: {
            method: { ...METHOD, default: 'GET' },
            path: { type: 'string', minLength: 1, maxLength: 2048, pattern: '^[^?#\\s]+$' },
            status_code: { type: 'integer', minimum: 100, maximum: 599, default: 200 },
            response_body: {},
            request_body: {},
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        method: string;
        path: string;
        status_code: number;
        response_body?: unknown;
        request_body?: unknown;
      };
      const { created, endpoint } = await deps.engine.defineManualEndpoint({
        method: body.method,
        path: body.path,
        statusCode: body.status_code,
        ...(body.response_body !== undefined ? { responseBody: body.response_body } : {}),
        ...(body.request_body !== undefined ? { requestBody: body.request_body } : {}),
      });
      void reply.status(created ? 201 : 200);
      return {
        status: created ? 'created' : 'updated',
        id: endpoint.id,
        method: endpoint.method,
        path: endpoint.template,
      };
    },
  );

  app.post(
    '/admin/endpoints/:id/schema',
    {
      schema: {
        params: ID_PARAMS,
        body: {
          type: 'object',
          required: ['schema'],
          additionalProperties: false,
          properties: {
            schema: { type: 'object' },
            type: {
              type: 'string',
              enum: ['inbound', 'outbound', 'request', 'response'],
              default: 'response',
            },
            status: { type: 'string', pattern: '^[1-5][0-9][0-9]$', default: '200' },
          },
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const body = request.body as { schema: object; type: string; status: string };
      try {
        schemaAjv.compile(body.schema);
      } catch (error) {
        throw new AppError(
          'INVALID_BODY',
          `schema is not a valid JSON Schema: ${(error as Error).message}`,
        );
      }
      const target = body.type === 'inbound' || body.type === 'request' ? 'request' : 'response';
      const saved = await deps.engine.setSchemaOverride(id, {
        target,
        ...(target === 'response' ? { status: body.status } : {}),
        jsonSchema: body.schema,
      });
      if (!saved) throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
      return { status: 'schema_updated', type: target, id };
    },
  );

  app.get('/admin/path-rules', async () => ({ rules: await deps.engine.getPathRules() }));

  app.post(
    '/admin/path-rules',
    {
      schema: {
        body: {
          type: 'object',
          required: ['rules'],
          additionalProperties: false,
          properties: {
            rules: {
              type: 'array',
              maxItems: 500,
              items: {
                type: 'object',
                required: ['pattern', 'kind'],
                additionalProperties: false,
                properties: {
                  pattern: { type: 'string', minLength: 1, maxLength: 1024, pattern: '^/' },
                  kind: { type: 'string', enum: ['literal', 'param'] },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const { rules } = request.body as { rules: { pattern: string; kind: 'literal' | 'param' }[] };
      return deps.engine.setPathRules(rules);
    },
  );

  app.get(
    '/admin/traffic',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { endpoint_id: { type: 'integer', minimum: 1 }, ...PAGE_QUERY },
        },
      },
    },
    async (request) => {
      const query = request.query as PageQuery & { endpoint_id?: number };
      const { limit, offset } = toLimitOffset(query);
      const page = await deps.engine.listTraffic({
        limit,
        offset,
        ...(query.endpoint_id !== undefined ? { endpointId: query.endpoint_id } : {}),
      });
      return { total: page.total, limit, offset, items: page.items };
    },
  );
}
