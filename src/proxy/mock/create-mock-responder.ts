import { randomInt } from 'node:crypto';
import { decideChaos } from '../../core/chaos/decide-chaos.js';
import { corruptBody, CORRUPT_CONTENT_TYPE } from '../../core/chaos/corrupt-body.js';
import type { ChaosDecision } from '../../core/chaos/chaos-profile.js';
import type { EndpointModel } from '../../core/model/endpoint-model.js';
import { quantileOf } from '../../core/model/quantile-of.js';
import { generateBody } from '../../core/mock/generate-body.js';
import { createRng, hashString, type Rng } from '../../core/random.js';
import { fromJsonSchema } from '../../core/schema/from-json-schema.js';
import type { SchemaNode } from '../../core/schema/schema-node.js';
import { AppError, PROBLEM_CONTENT_TYPE, toProblem } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { ChaosState } from '../../state/chaos-state.js';
import type { ModelSnapshot, SnapshotMatch } from '../../state/model-snapshot.js';
import type { ControlHeaders, MockResponder } from '../create-proxy.js';
import type { ExchangeContext } from '../exchange-context.js';
import { hasRequestBody } from '../has-request-body.js';
import { sendProblem } from '../send-problem.js';
import {
  contentTypeOf,
  findExample,
  hasSuccessResponse,
  pickSuccessStatus,
} from './choose-response.js';
import { createBodyCache } from './create-body-cache.js';
import { readBody } from './read-body.js';
import { sendBody } from './send-body.js';

export interface MockResponderOptions {
  snapshot: ModelSnapshot;
  chaos: ChaosState;
  chaosRng: Rng;
  logger: Logger;
  mockLatency: string;
  mockSeed: number | undefined;
  mockStrategy: 'generate' | 'replay' | 'hybrid';
  failoverNonIdempotent: boolean;
  /** Longest a hung (chaos) request is held before the connection is dropped. */
  hangMs: number;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
const MOCK_BODY_LIMIT = 1024 * 1024;
const MAX_MOCK_LATENCY_MS = 30_000;
const DAY_MS = 86_400_000;
/** Distinct bodies an unseeded request cycles through (20 calls give ~19 distinct). */
const MOCK_VARIANTS = 256;
/** Keeps unseeded variant k apart from an explicit X-Mock-Seed: k. */
const UNSEEDED_SALT = 0x9e3779b9;
/** Requests with a longer URL plus body are generated afresh rather than cached. */
const MAX_CACHED_KEY = 8192;

/**
 * The "now" generated dates are relative to: the start of the current UTC day. The exact
 * millisecond would make every date differ between two calls, so the same seed (or the same
 * entity id) could never give the same body; a day keeps dates current and bodies stable.
 */
function mockNow(): number {
  const now = Date.now();
  return now - (now % DAY_MS);
}

/** Overrides are immutable records, so each is converted once, not on every mocked request. */
const overrideNodes = new WeakMap<object, SchemaNode>();

/** The schema a mock of this status follows: a manual override wins over learned evidence. */
function schemaFor(model: EndpointModel, status: string): SchemaNode | undefined {
  const override = model.overrides.find(
    (o) => o.target === 'response' && (o.status ?? '200') === status,
  );
  if (!override) return model.responses[status]?.schema;
  let node = overrideNodes.get(override);
  if (!node) {
    node = fromJsonSchema(override.jsonSchema);
    overrideNodes.set(override, node);
  }
  return node;
}

function latencyOf(model: EndpointModel, setting: string, rng: Rng): number {
  if (setting === 'off') return 0;
  if (setting !== 'learned') return Number(setting);
  if (model.stats.latencySketch.count === 0) return 0;
  return Math.min(
    MAX_MOCK_LATENCY_MS,
    Math.max(0, quantileOf(model.stats.latencySketch, rng.next())),
  );
}

function parseJson(body: Buffer | undefined): unknown {
  if (!body || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends an injected chaos fault; returns true when it took the exchange over. */
export function applyFault(
  ctx: ExchangeContext,
  decision: ChaosDecision,
  model: EndpointModel | undefined,
  rng: Rng,
  hangMs: number,
): boolean {
  const fault = decision.fault;
  if (!fault) return false;
  ctx.source = 'chaos';
  switch (fault.kind) {
    case 'reset':
      ctx.outcome = 'upstream_error';
      ctx.error = 'chaos: connection reset';
      ctx.res.destroy();
      return true;
    case 'hang': {
      ctx.error = 'chaos: request held until timeout';
      const timer = setTimeout(() => ctx.res.destroy(), hangMs);
      ctx.res.once('close', () => clearTimeout(timer));
      return true;
    }
    case 'corrupt':
      sendBody(ctx, 200, CORRUPT_CONTENT_TYPE, corruptBody(rng));
      return true;
    case 'error': {
      const status = String(fault.status);
      const schema = model ? schemaFor(model, status) : undefined;
      if (schema && model) {
        const body = generateBody(schema, {
          seed: Math.floor(rng.next() * 2 ** 32),
          now: mockNow(),
          pathParams: {},
          template: model.template,
        });
        sendBody(ctx, fault.status, contentTypeOf(model, status), JSON.stringify(body));
      } else {
        const problem = {
          ...toProblem(new AppError('INTERNAL', 'Injected by the chaos engine.')),
          status: fault.status,
          title: 'Chaos injected failure',
        };
        sendBody(ctx, fault.status, PROBLEM_CONTENT_TYPE, JSON.stringify(problem));
      }
      return true;
    }
  }
}

/** Decides chaos for one request (X-Chaos-Level overrides the global slider for it). */
export function decideFor(
  chaos: ChaosState,
  ctx: ExchangeContext,
  control: ControlHeaders,
  endpointId: number | undefined,
  rng: Rng,
): ChaosDecision {
  const endpoint = endpointId === undefined ? undefined : chaos.endpoints.get(endpointId);
  return decideChaos({
    profile: chaos.activeProfile(),
    level: Math.min(100, control.chaosLevel ?? chaos.level),
    ...(endpoint ? { endpoint } : {}),
    method: ctx.req.method ?? 'GET',
    rng,
  });
}

/**
 * Serves exchanges from the learned model: mock mode, X-Mock-Enabled, and failover when the
 * backend fails. Reads only the in-memory snapshot; never touches the backend or the store.
 */
export function createMockResponder(options: MockResponderOptions): MockResponder {
  const { snapshot, chaos } = options;
  const bodies = createBodyCache({ maxEntries: 4096, maxBytes: 32 * 1024 * 1024 });
  // Unseeded variants are meant to be unpredictable, so one crypto draw seeds them all.
  const variants = createRng(randomInt(0, 2 ** 32));

  const respond = (
    ctx: ExchangeContext,
    control: ControlHeaders,
    failover: boolean,
    match: SnapshotMatch,
    requestBody: unknown,
  ) => {
    const method = ctx.req.method ?? 'GET';
    const model = match.endpoint?.model;
    if (failover && !(model && hasSuccessResponse(model))) return false;
    if (!model) {
      ctx.status = 404;
      sendProblem(
        ctx.res,
        new AppError('MOCK_NOT_LEARNED', `Nothing was learned for ${method} ${ctx.path} yet.`, {
          closest: snapshot.closest(method, ctx.path),
        }),
        { 'x-mock-source': ctx.source },
      );
      return true;
    }
    ctx.template = match.template;
    const seedBase = control.mockSeed ?? options.mockSeed;
    const url = ctx.req.url ?? '';
    const bodyKey = requestBody === undefined ? 'null' : JSON.stringify(requestBody);
    // Unseeded calls draw one of MOCK_VARIANTS seeds per request, so they vary and their
    // bodies can still be cached.
    const seed = hashString(
      `${method} ${url}\u0000${bodyKey}`,
      seedBase === undefined
        ? (UNSEEDED_SALT ^ variants.int(0, MOCK_VARIANTS - 1)) >>> 0
        : seedBase >>> 0,
    );
    const rng = createRng(seed);
    const requested = control.mockStatus !== undefined ? String(control.mockStatus) : undefined;
    const status = requested ?? pickSuccessStatus(model, rng);
    const schema = schemaFor(model, status);
    const statusCode = Number(status);
    if (requested && !schema && !model.examples[status]?.length) {
      const problem = {
        ...toProblem(
          new AppError(
            'INTERNAL',
            `No ${status} response was learned for this endpoint; this body is a placeholder.`,
          ),
        ),
        status: statusCode,
        title: 'Mocked status',
      };
      sendBody(ctx, statusCode, PROBLEM_CONTENT_TYPE, JSON.stringify(problem));
      return true;
    }
    const strategy = options.mockStrategy;
    const example =
      strategy === 'generate'
        ? undefined
        : findExample(model, status, ctx.path, ctx.query, strategy === 'hybrid', rng);
    const contentType = example?.contentType || contentTypeOf(model, status);
    let body: string | Buffer;
    if (example && (example.responseBody !== undefined || example.responseText !== undefined)) {
      body =
        example.responseBody !== undefined
          ? JSON.stringify(example.responseBody)
          : (example.responseText ?? '');
    } else if (schema || contentType.includes('json')) {
      const now = mockNow();
      const generate = () =>
        JSON.stringify(
          generateBody(schema, {
            seed,
            now,
            pathParams: match.params,
            requestBody,
            template: match.template,
          }),
        );
      body =
        bodyKey.length + url.length > MAX_CACHED_KEY
          ? generate()
          : bodies.get(
              model,
              `${status}\u0000${now}\u0000${seed}\u0000${method} ${url}\u0000${bodyKey}`,
              generate,
            );
    } else {
      body = '';
    }
    const delay = failover ? 0 : latencyOf(model, options.mockLatency, rng);
    const send = () => sendBody(ctx, statusCode, contentType, body);
    if (delay > 0) {
      const timer = setTimeout(send, delay);
      ctx.res.once('close', () => clearTimeout(timer));
    } else send();
    return true;
  };

  return {
    serve(ctx, control, reason, failure) {
      const failover = reason === 'failover';
      ctx.source = failover ? 'failover' : 'mock';
      const match = snapshot.match(ctx.req.method ?? 'GET', ctx.path);
      if (failover) {
        if (!respond(ctx, control, true, match, undefined)) {
          // Nothing learned to fail over with: the client gets the backend's own failure.
          const problem =
            failure ?? new AppError('UPSTREAM_UNREACHABLE', ctx.error ?? 'The backend failed.');
          ctx.source = 'proxy';
          ctx.status = problem.status;
          sendProblem(ctx.res, problem);
        }
        return;
      }
      // As in proxy mode, quiet chaos costs one check and no random draws.
      const decision = chaos.isQuiet(control.chaosLevel)
        ? undefined
        : decideFor(chaos, ctx, control, match.endpoint?.id, options.chaosRng);
      const run = () => {
        if (
          decision &&
          applyFault(ctx, decision, match.endpoint?.model, options.chaosRng, options.hangMs)
        )
          return;
        // node:http discards an unread bodyless request when the response finishes.
        if (!hasRequestBody(ctx.req)) {
          respond(ctx, control, false, match, undefined);
          return;
        }
        readBody(ctx.req, MOCK_BODY_LIMIT)
          .then((body) => {
            if (body === undefined) {
              ctx.status = 413;
              sendProblem(
                ctx.res,
                new AppError('PAYLOAD_TOO_LARGE', 'Mock mode parses request bodies up to 1 MiB.'),
              );
              return;
            }
            ctx.requestTap.onData(body);
            respond(ctx, control, false, match, parseJson(body));
          })
          .catch((error: unknown) => {
            options.logger.warn({ err: error }, 'mock request body failed');
            ctx.res.destroy();
          });
      };
      if (decision && decision.addedLatencyMs > 0) {
        const timer = setTimeout(run, decision.addedLatencyMs);
        ctx.res.once('close', () => clearTimeout(timer));
      } else run();
    },
    canFailover(ctx, error) {
      if (ctx.res.headersSent) return false;
      if (error.code === 'UPSTREAM_BLOCKED') return false;
      const method = ctx.req.method ?? 'GET';
      return IDEMPOTENT.has(method) || options.failoverNonIdempotent;
    },
  };
}
