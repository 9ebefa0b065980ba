import type { FastifyInstance } from 'fastify';
import { BUILTIN_PROFILES } from '../../core/chaos/builtin-profiles.js';
import { validateChaosProfile } from '../../core/chaos/validate-chaos-profile.js';
import { validateEndpointChaos } from '../../core/chaos/validate-endpoint-chaos.js';
import type { ChaosValidationError } from '../../core/chaos/read-chaos-fields.js';
import type { ChaosProfile } from '../../core/chaos/chaos-profile.js';
import { AppError } from '../../errors.js';
import type { AdminDeps } from '../admin-deps.js';

const NAME_PARAMS = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$' } },
} as const;
const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

const explain = (errors: ChaosValidationError[]) =>
  new AppError('INVALID_BODY', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });

/** Chaos engine control: profiles (built-in and user-defined), the global level, per-endpoint settings. */
export function registerChaosRoutes(app: FastifyInstance, deps: AdminDeps): void {
  const { chaos } = deps;
  const view = () => ({
    active: chaos.active,
    level: chaos.level,
    profiles: Object.fromEntries<ChaosProfile & { builtin: boolean }>([
      ...Object.entries(BUILTIN_PROFILES).map(
        ([name, p]): [string, ChaosProfile & { builtin: boolean }] => [
          name,
          { ...p, builtin: true },
        ],
      ),
      ...[...chaos.userProfiles].map(([name, p]): [string, ChaosProfile & { builtin: boolean }] => [
        name,
        { ...p, builtin: false },
      ]),
    ]),
  });

  app.get('/admin/chaos/profiles', () => view());

  app.post(
    '/admin/chaos/profiles',
    {
      schema: {
        body: {
          type: 'object',
          required: ['profile'],
          additionalProperties: false,
          properties: { profile: { type: 'string', maxLength: 40 } },
        },
      },
    },
    (request) => {
      const { profile } = request.body as { profile: string };
      if (!chaos.profile(profile)) {
        throw new AppError('INVALID_BODY', `Unknown chaos profile "${profile}".`, {
          allowed: Object.keys(view().profiles),
        });
      }
      chaos.active = profile;
      chaos.changed();
      deps.logger.info({ profile }, 'chaos profile activated');
      return { status: 'profile_applied', profile };
    },
  );

  app.put(
    '/admin/chaos/profiles/:name',
    { schema: { params: NAME_PARAMS, body: { type: 'object' } } },
    (request, reply) => {
      const { name } = request.params as { name: string };
      if (name in BUILTIN_PROFILES)
        throw new AppError('CONFLICT', `"${name}" is a built-in profile and cannot be changed.`);
      const result = validateChaosProfile({ ...(request.body as object), name });
      if (!result.ok) throw explain(result.errors);
      const created = !chaos.userProfiles.has(name);
      chaos.userProfiles.set(name, result.value);
      chaos.changed();
      void reply.status(created ? 201 : 200);
      return { status: created ? 'created' : 'updated', profile: result.value };
    },
  );

  app.delete('/admin/chaos/profiles/:name', { schema: { params: NAME_PARAMS } }, (request) => {
    const { name } = request.params as { name: string };
    if (name in BUILTIN_PROFILES)
      throw new AppError('CONFLICT', `"${name}" is a built-in profile and cannot be deleted.`);
    if (!chaos.userProfiles.delete(name))
      throw new AppError('NOT_FOUND', `No chaos profile "${name}".`);
    if (chaos.active === name) chaos.active = 'normal';
    chaos.changed();
    return { status: 'deleted', profile: name, active: chaos.active };
  });

  app.post(
    '/admin/chaos',
    {
      schema: {
        body: {
          type: 'object',
          required: ['level'],
          additionalProperties: false,
          properties: { level: { type: 'integer', minimum: 0, maximum: 100 } },
        },
      },
    },
    (request) => {
      const { level } = request.body as { level: number };
      chaos.level = level;
      chaos.changed();
      return { status: 'updated_globally', level };
    },
  );

  const endpointExists = async (id: number) => {
    if (!(await deps.engine.getEndpoint(id)))
      throw new AppError('ENDPOINT_NOT_FOUND', `Endpoint ${id} does not exist.`);
  };

  app.get('/admin/endpoints/:id/chaos', { schema: { params: ID_PARAMS } }, async (request) => {
    const { id } = request.params as { id: number };
    await endpointExists(id);
    return { endpoint_id: id, chaos: chaos.endpoints.get(id) ?? { enabled: false } };
  });

  app.post(
    '/admin/endpoints/:id/chaos',
    { schema: { params: ID_PARAMS, body: { type: 'object' } } },
    async (request) => {
      const { id } = request.params as { id: number };
      await endpointExists(id);
      const result = validateEndpointChaos(request.body);
      if (!result.ok) throw explain(result.errors);
      if (result.value.enabled || Object.keys(result.value).length > 1)
        chaos.endpoints.set(id, result.value);
      else chaos.endpoints.delete(id);
      chaos.changed();
      return { status: 'updated', endpoint_id: id, chaos: result.value };
    },
  );
}
