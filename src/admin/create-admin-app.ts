import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { AppError, PROBLEM_CONTENT_TYPE, toProblem } from '../errors.js';
import type { AdminDeps } from './admin-deps.js';
import { registerConfigRoutes } from './routes/config-routes.js';
import { registerEndpointRoutes } from './routes/endpoint-routes.js';
import { registerPageRoutes } from './routes/page-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerDriftRoutes } from './routes/drift-routes.js';
import { registerChaosRoutes } from './routes/chaos-routes.js';
import { registerExportRoutes } from './routes/export-routes.js';
import { registerExplorerRoutes } from './routes/explorer-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { installAuthHook } from './auth/install-auth-hook.js';
import fastifySwagger from '@fastify/swagger';

export interface AdminApp {
  fastify: FastifyInstance;
  /** node:http request handler for requests the front door routed to the platform. */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Every registered method and URL (a test calls each without credentials). */
  routes: readonly { method: string; url: string }[];
}

/** Paths reachable without credentials. Everything else, `/` included, needs a principal. */
const PUBLIC = [/^\/landing$/, /^\/admin\/login(\/|$)/, /^\/admin\/logout$/, /^\/admin\/assets\//];
/** The OIDC issuer posts its answer here from its own origin (protected by state and nonce). */
const CROSS_SITE = ['/admin/login/oidc'];
/** Dashboard pages: a visit without a session redirects to the login page. */
const PAGE_PATHS = ['/', '/admin/explorer', '/admin/docs'];

function makeValidators() {
  // Bodies are validated strictly (no coercion, no silent removal of unknown fields);
  // query strings and path params arrive as text, so they are coerced.
  const body = new Ajv({
    allErrors: false,
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: true,
  });
  const query = new Ajv({
    allErrors: false,
    coerceTypes: true,
    removeAdditional: false,
    useDefaults: true,
  });
  addFormats.default(body);
  addFormats.default(query);
  return { body, query };
}

export async function createAdminApp(deps: AdminDeps): Promise<AdminApp> {
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  // Typed as the default instance: pino's child logger type differs only in generics.
  const fastify = Fastify({
    // Request logs are info-level noise for a dashboard polling every few seconds; errors stay.
    loggerInstance: deps.logger.child({ layer: 'admin' }, { level: 'warn' }),
    bodyLimit: 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: false,
    serverFactory: (h) => {
      handler = h;
      // The front door owns the real sockets; Fastify never listens on this one.
      return createServer();
    },
  }) as unknown as FastifyInstance;
  const routes: { method: string; url: string }[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const validators = makeValidators();
  fastify.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? validators.body : validators.query).compile(schema),
  );

  fastify.setErrorHandler((error: FastifyError | AppError, _request, reply) => {
    let problem: AppError;
    if (error instanceof AppError) problem = error;
    else if ('validation' in error && error.validation) {
      problem = new AppError(
        error.validationContext === 'body' ? 'INVALID_BODY' : 'INVALID_QUERY',
        `${error.validationContext ?? 'request'}${error.message.replace(/^(body|querystring|params)/, '')}`,
      );
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      problem = new AppError('PAYLOAD_TOO_LARGE', 'Admin request bodies are limited to 1 MiB.');
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      problem = new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Send JSON (Content-Type: application/json).',
      );
    } else if (error.statusCode && error.statusCode < 500) {
      problem = new AppError('BAD_REQUEST', error.message);
    } else {
      deps.logger.error({ err: error }, 'admin route failed');
      problem = new AppError('INTERNAL', 'An unexpected error occurred; see the server log.');
    }
    void reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(toProblem(problem));
  });
  fastify.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        toProblem(
          new AppError(
            'NOT_FOUND',
            `No platform route ${request.method} ${request.url.split('?')[0]}`,
          ),
        ),
      );
  });

  fastify.addHook('onRequest', async (_request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('cache-control', 'no-store');
  });
  installAuthHook(fastify, deps.auth, {
    publicPaths: PUBLIC,
    crossSitePaths: CROSS_SITE,
    pagePaths: PAGE_PATHS,
  });

  // Registered before the routes: it collects their schemas into the admin API's OpenAPI document.
  await fastify.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Adaptive Mock admin API',
        version: deps.version,
        description:
          'Control the proxy, read what it learned, and manage chaos, drift alerts and exports.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: '__am_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await registerAuthRoutes(fastify, deps);
  await registerPageRoutes(fastify, deps);
  registerConfigRoutes(fastify, deps);
  registerEndpointRoutes(fastify, deps);
  registerHealthRoutes(fastify, deps);
  registerDriftRoutes(fastify, deps);
  registerChaosRoutes(fastify, deps);
  registerExportRoutes(fastify, deps);
  registerExplorerRoutes(fastify, deps);
  fastify.get('/admin/openapi.json', { schema: { hide: true } }, () => fastify.swagger());
  await fastify.ready();
  const h = handler;
  if (!h) throw new Error('Fastify did not build its request handler');
  return { fastify, handle: h, routes };
}
