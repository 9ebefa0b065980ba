import type { EngineApi } from '../../../src/pipeline/engine-api.js';
import type { TestApp } from '../../helpers/start-test-app.js';

export type HealthReport = Awaited<ReturnType<EngineApi['health']>>;
export type EndpointHealth = NonNullable<Awaited<ReturnType<EngineApi['healthOf']>>>;

const POLL_MS = 20;
const TIMEOUT_MS = 5000;

async function getJson<T>(app: TestApp, path: string): Promise<T> {
  const response = await app.admin(path);
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return (await response.json()) as T;
}

/**
 * The id of an endpoint, from GET /admin/health. The proxy captures an exchange when its
 * response closes, which the client may notice first: so this flushes and polls (bounded).
 */
export async function findEndpointId(app: TestApp, method: string, template: string) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    await app.flush();
    const report = await getJson<HealthReport>(app, '/admin/health');
    const found = report.endpoints.find((e) => e.method === method && e.template === template);
    if (found) return found.id;
    if (Date.now() > deadline) throw new Error(`no endpoint ${method} ${template}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** GET /admin/health/{id} once the endpoint has been scored on at least `observations` exchanges. */
export async function readHealth(
  app: TestApp,
  id: number,
  observations: number,
): Promise<EndpointHealth> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    await app.flush();
    const health = await getJson<EndpointHealth>(app, `/admin/health/${id}`);
    if ((health.current?.observations ?? 0) >= observations) return health;
    if (Date.now() > deadline)
      throw new Error(`endpoint ${id}: ${health.current?.observations ?? 0} of ${observations}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
