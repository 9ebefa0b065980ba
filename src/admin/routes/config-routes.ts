import type { FastifyInstance } from 'fastify';
import type { AdminDeps } from '../admin-deps.js';

/** GET /admin/config's body, also pushed to the dashboard when something changes. */
export function configView(deps: AdminDeps) {
  const counters = deps.counters();
  return {
    target_url: deps.state.target?.url ?? null,
    mode: deps.state.mode,
    learning: deps.state.learning,
    chaos: { active_profile: deps.chaos.active, level: deps.chaos.level },
    queue: {
      queued: counters.queued,
      dropped: counters.dropped,
      enqueued: counters.enqueued,
      pending_batches: counters.pendingBatches,
      capacity: deps.config.queueCapacity,
    },
    store: deps.store,
    version: deps.version,
  };
}

/** Runtime control: target, mode, learning. Each change is persisted by app/. */
export function registerConfigRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.get('/admin/config', async () => {
    const engine = await deps.engine.stats();
    return {
      ...configView(deps),
      pipeline: {
        processed: engine.processed,
        learned: engine.learned,
        store_errors: engine.storeErrors,
        degraded: engine.degraded,
        endpoints: engine.endpoints,
      },
    };
  });

  app.post(
    '/admin/target',
    {
      schema: {
        body: {
          type: 'object',
          required: ['target_url'],
          additionalProperties: false,
          properties: { target_url: { type: 'string', minLength: 1, maxLength: 2048 } },
        },
      },
    },
    async (request) => {
      const { target_url } = request.body as { target_url: string };
      const target = await deps.validateTarget(target_url);
      deps.state.setTarget(target);
      deps.logger.info({ target: target.url }, 'target changed');
      return { status: 'success', target_url: target.url };
    },
  );

  app.post(
    '/admin/mode',
    {
      schema: {
        body: {
          type: 'object',
          required: ['mode'],
          additionalProperties: false,
          properties: { mode: { type: 'string', enum: ['proxy', 'mock'] } },
        },
      },
    },
    (request) => {
      const { mode } = request.body as { mode: 'proxy' | 'mock' };
      deps.state.setMode(mode);
      return { status: 'success', mode };
    },
  );

  app.post(
    '/admin/learning',
    {
      schema: {
        body: {
          type: 'object',
          required: ['enabled'],
          additionalProperties: false,
          properties: { enabled: { type: 'boolean' } },
        },
      },
    },
    (request) => {
      const { enabled } = request.body as { enabled: boolean };
      deps.state.setLearning(enabled);
      return { status: 'success', learning_enabled: enabled };
    },
  );
}
