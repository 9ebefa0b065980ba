import type { FastifyInstance } from 'fastify';
import { Gauge, Registry } from 'prom-client';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';

const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

/** GET /admin/health*, GET /admin/metrics. */
export function registerHealthRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/health', () => deps.engine.health());
  app.get('/admin/health/global', () => deps.engine.healthGlobal());
  app.get(
    '/admin/health/:id',
    {
      schema: {
        params: ID_PARAMS,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 120, default: 20 } },
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: number };
      const { limit } = request.query as { limit: number };
      const result = await deps.engine.healthOf(id, limit);
      if (!result) throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
      return result;
    },
  );

  // Main-thread gauges (the capture queue lives here); the engine adds the per-endpoint ones.
  const registry = new Registry();
  const counters = () => deps.counters();
  new Gauge({
    name: 'adaptive_mock_capture_dropped',
    help: 'Exchanges dropped because the capture queue was full (proxying was unaffected).',
    registers: [registry],
    collect() {
      this.set(counters().dropped);
    },
  });
  new Gauge({
    name: 'adaptive_mock_capture_queued',
    help: 'Exchanges waiting in the capture queue.',
    registers: [registry],
    collect() {
      this.set(counters().queued);
    },
  });
  app.get('/admin/metrics', async (_request, reply) => {
    const text = `${await registry.metrics()}\n${await deps.engine.metrics()}`;
    return reply.type(registry.contentType).send(text);
  });
}
