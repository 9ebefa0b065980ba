import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from '../core/exchange.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RuntimeState } from '../state/runtime-state.js';
import { ExchangeContext } from './exchange-context.js';
import { forward } from './forward.js';
import { sendProblem } from './send-problem.js';
import type { UpstreamPool } from './upstream-pool.js';

/** Per-request steering read from (and consumed with) the X-Mock-* / X-Chaos-* headers. */
export interface ControlHeaders {
  mockEnabled: boolean | undefined;
  mockStatus: number | undefined;
  mockSeed: number | undefined;
  chaosLevel: number | undefined;
}

/** Serves an exchange from the learned model (mock mode, X-Mock-Enabled, failover). */
export interface MockResponder {
  /** `failure` is the backend error a failover answers (passed on when nothing was learned). */
  serve(
    ctx: ExchangeContext,
    control: ControlHeaders,
    reason: 'mock' | 'failover',
    failure?: AppError,
  ): void;
  /** Whether failover may answer this failed exchange instead of a 502/504. */
  canFailover(ctx: ExchangeContext, error: AppError): boolean;
}

/** A step before forwarding (chaos): calls `proceed` to forward, or answers itself. */
export type PreForwardStep = (
  ctx: ExchangeContext,
  control: ControlHeaders,
  proceed: () => void,
) => void;

/** Tracks backend failures so a dead backend does not cost a connect attempt per request. */
export interface Breaker {
  allow(): boolean;
  success(): void;
  failure(): void;
}

export interface ProxyDeps {
  state: RuntimeState;
  pool: UpstreamPool;
  logger: Logger;
  /** Receives every finished exchange (the capture queue). */
  capture: (exchange: Exchange) => void;
  instanceId: string;
  captureMaxBytes: number;
  maxRequestBytes: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  preserveHost: boolean;
  mock?: MockResponder;
  beforeForward?: PreForwardStep;
  breaker?: Breaker;
  /** Whether this exchange's bodies go to the learner (statistics always do). */
  sampleBodies?: (method: string, path: string) => boolean;
  /** Serve a failover mock when the backend answers 502/503/504. */
  failoverOn5xx?: boolean;
}

export interface Proxy {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** Exchanges whose response has not ended yet. */
  readonly inFlight: () => number;
  /** The pseudonym this instance adds to Via (loop detection). */
  readonly via: string;
}

function readControl(req: IncomingMessage): ControlHeaders {
  const h = req.headers;
  const int = (v: string | string[] | undefined) => {
    if (typeof v !== 'string' || !/^\d{1,9}$/.test(v.trim())) return undefined;
    return Number(v);
  };
  const enabled = h['x-mock-enabled'];
  return {
    mockEnabled: typeof enabled === 'string' ? enabled.trim().toLowerCase() === 'true' : undefined,
    mockStatus: int(h['x-mock-status']),
    mockSeed: int(h['x-mock-seed']),
    chaosLevel: int(h['x-chaos-level']),
  };
}

/** `..` segments (raw or percent-encoded) could climb out of the target's base path. */
function escapesBasePath(path: string): boolean {
  const decoded = path
    .replace(/%2e/gi, '.')
    .replace(/%2f|%5c/gi, '/')
    .replaceAll('\\', '/');
  return decoded.split('/').some((segment) => segment === '..');
}

let sequence = 0;

/**
 * The proxy hot path: guards, steering headers, mock or forward, capture. It reads the
 * runtime state and the learned model from memory and never waits for the pipeline.
 */
export function createProxy(deps: ProxyDeps): Proxy {
  let inFlight = 0;
  const via = `1.1 adaptive-mock-${deps.instanceId}`;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const control = readControl(req);
    const mockRequested = control.mockEnabled ?? deps.state.mode === 'mock';
    const ctx = new ExchangeContext(
      `${deps.instanceId}-${(++sequence).toString(36)}`,
      req,
      res,
      path,
      q === -1 ? '' : url.slice(q + 1),
      deps.state.learning,
      // Only proxied bodies are learned from, so mocks never spend a sample.
      deps.state.learning &&
        !mockRequested &&
        (deps.sampleBodies?.(req.method ?? 'GET', path) ?? true),
      deps.captureMaxBytes,
      deps.capture,
    );
    inFlight++;
    res.once('close', () => {
      inFlight--;
      ctx.done();
    });
    const reject = (error: AppError) => {
      ctx.status = error.status;
      ctx.outcome = 'rejected';
      ctx.error = error.detail;
      sendProblem(res, error);
    };

    const viaHeader = req.headers.via;
    if (viaHeader?.includes(via.slice(4))) {
      return reject(
        new AppError('LOOP_DETECTED', 'This request already passed through this proxy.'),
      );
    }
    if (mockRequested) {
      if (!deps.mock) return reject(new AppError('NO_TARGET', 'Mock mode is not available.'));
      deps.mock.serve(ctx, control, 'mock');
      return;
    }
    const target = deps.state.target;
    if (!target) {
      return reject(
        new AppError(
          'NO_TARGET',
          'No target backend is configured. Set one in the dashboard, with POST /admin/target {"target_url": "http://localhost:3000"}, or start with --target.',
        ),
      );
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (deps.maxRequestBytes > 0 && length > deps.maxRequestBytes) {
      res.shouldKeepAlive = false;
      return reject(
        new AppError(
          'PAYLOAD_TOO_LARGE',
          `Request bodies are limited to ${deps.maxRequestBytes} bytes.`,
        ),
      );
    }
    if (target.basePath && escapesBasePath(ctx.path)) {
      return reject(
        new AppError('BAD_REQUEST', 'Dot segments may not leave the target base path.'),
      );
    }
    const failover = (c: ExchangeContext, error: AppError): boolean => {
      if (!deps.mock?.canFailover(c, error)) return false;
      deps.mock.serve(c, control, 'failover', error);
      return true;
    };
    const proceed = () => {
      if (res.destroyed) return;
      if (deps.breaker && !deps.breaker.allow()) {
        const error = new AppError(
          'UPSTREAM_UNREACHABLE',
          'The backend is failing; the circuit breaker is open.',
        );
        ctx.outcome = 'upstream_error';
        ctx.error = error.detail;
        req.resume();
        if (!failover(ctx, error)) {
          ctx.status = error.status;
          sendProblem(res, error);
        }
        return;
      }
      forward(ctx, target, {
        pool: deps.pool,
        headersTimeoutMs: deps.headersTimeoutMs,
        bodyTimeoutMs: deps.bodyTimeoutMs,
        preserveHost: deps.preserveHost,
        via,
        logger: deps.logger,
        onUpstreamFailure: (c, error) => {
          if (error.code !== 'UPSTREAM_BLOCKED') deps.breaker?.failure();
          return failover(c, error);
        },
        onUpstreamStatus: (c, status) => {
          deps.breaker?.success();
          if (!deps.failoverOn5xx || (status !== 502 && status !== 503 && status !== 504))
            return false;
          return failover(
            c,
            new AppError('UPSTREAM_UNREACHABLE', `The backend answered ${status}.`),
          );
        },
      });
    };
    if (deps.beforeForward) deps.beforeForward(ctx, control, proceed);
    else proceed();
  };

  return { handle, inFlight: () => inFlight, via };
}
