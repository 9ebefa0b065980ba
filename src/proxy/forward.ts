import type { AppError } from '../errors.js';
import type { Target } from '../state/runtime-state.js';
import type { Logger } from '../logger.js';
import { classifyUpstreamError } from './classify-upstream-error.js';
import type { ExchangeContext } from './exchange-context.js';
import { toResponseHeaders, toUpstreamHeaders } from './forward-headers.js';
import { hasRequestBody } from './has-request-body.js';
import { sendProblem } from './send-problem.js';
import type { UpstreamPool } from './upstream-pool.js';
import type { BodyTap } from './body-tap.js';
import {
  UnsolicitedInformational,
  type UpstreamCall,
  type UpstreamHandler,
  type UpstreamRequest,
} from './upstream-transport.js';

export interface ForwardOptions {
  pool: UpstreamPool;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  preserveHost: boolean;
  via: string;
  logger: Logger;
  /**
   * Called when the upstream failed before any response byte arrived. Returns true when it
   * answered the client itself (failover); otherwise the proxy sends the problem.
   */
  onUpstreamFailure?: (ctx: ExchangeContext, error: AppError) => boolean;
  /**
   * Called when response headers arrive. Returns true when it answered the client itself
   * (failover on 502/503/504); the upstream body is then discarded.
   */
  onUpstreamStatus?: (ctx: ExchangeContext, status: number) => boolean;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

function errorCode(error: unknown): string | undefined {
  return error === undefined
    ? undefined
    : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
}

/**
 * Streams the request to the target and the response back, with backpressure both ways,
 * bounded body taps for learning, and the timeouts of RELIABILITY.md §1 row 8. The
 * response head is written with the first body byte, so a body that breaks before it can
 * still become a 502.
 */
export function forward(ctx: ExchangeContext, target: Target, options: ForwardOptions): void {
  const { req, res } = ctx;
  const method = req.method ?? 'GET';
  const bodyless = !hasRequestBody(req);
  const request: UpstreamRequest = {
    target,
    method,
    path: target.basePath + (req.url ?? '/'),
    headers: toUpstreamHeaders(req, {
      host: options.preserveHost ? (req.headers.host ?? target.authority) : target.authority,
      clientIp: req.socket.remoteAddress ?? '',
      proto: 'http',
      via: options.via,
    }),
    body: bodyless ? undefined : req,
    headersTimeoutMs: options.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs,
  };
  if (bodyless) req.resume();
  else {
    // Paused first, so tapping does not start the flow before the transport listens.
    req.pause();
    req.on('data', ctx.requestTap.onData);
  }

  // Answers a failure that happened before any response byte reached the client.
  const fail = (error: unknown): void => {
    // The client left first (our own abort caused this error): it is recorded as client_aborted.
    if (res.destroyed) return;
    const problem = classifyUpstreamError(error);
    ctx.outcome = problem.code === 'UPSTREAM_TIMEOUT' ? 'upstream_timeout' : 'upstream_error';
    if (problem.code === 'UPSTREAM_PROTOCOL_ERROR') ctx.outcome = 'upstream_protocol_error';
    ctx.error = problem.detail;
    options.logger.warn(
      { exchange: ctx.id, code: problem.code, cause: errorCode(error) },
      'upstream failed',
    );
    if (options.onUpstreamFailure?.(ctx, problem)) return;
    ctx.status = problem.status;
    sendProblem(res, problem);
  };

  let call: UpstreamCall | undefined;

  const attempt = (retried: boolean): void => {
    let responded = false;
    // Failover answered, or the response cannot have a body: later upstream events are moot.
    let over = false;
    let tap: BodyTap | undefined;
    let statusText = '';
    let headers: string[] = [];
    const writeHead = () => {
      if (!res.headersSent) res.writeHead(ctx.status, statusText, headers);
    };

    const handler: UpstreamHandler = {
      onResponse(status, text, raw) {
        responded = true;
        ctx.ttfbMs = performance.now() - ctx.startedHr;
        ctx.status = status;
        const split = toResponseHeaders(raw);
        ctx.responseHeaders = split.record;
        if (options.onUpstreamStatus?.(ctx, status)) {
          over = true;
          return;
        }
        tap = ctx.tapResponse();
        statusText = text;
        headers = split.downstream;
        res.sendDate = false;
        // These carry no body whatever their Content-Length says (RFC 9110 §6.4.1, §8.6).
        if (method === 'HEAD' || status === 204 || status === 304) {
          over = true;
          writeHead();
          res.end();
        }
      },
      onData(chunk) {
        if (over) return true;
        writeHead();
        tap!.onData(chunk);
        return res.write(chunk);
      },
      onEnd() {
        if (over) return;
        writeHead();
        res.end();
      },
      onError(error, stale) {
        if (over || res.destroyed) return;
        if (responded) {
          if (!res.headersSent) return fail(error);
          if (ctx.outcome === 'ok') ctx.outcome = 'truncated';
          options.logger.warn(
            { exchange: ctx.id, cause: errorCode(error) },
            'upstream response truncated',
          );
          // Never end a response early as if it were complete: drop the client connection.
          res.destroy();
          return;
        }
        const replayable = !retried && bodyless && IDEMPOTENT.has(method);
        if (error instanceof UnsolicitedInformational) {
          options.pool.useTolerantTransport(target);
          options.logger.warn(
            { target: target.url },
            'backend sends unsolicited 1xx responses; switching it to the node:http client',
          );
          if (replayable) return attempt(true);
        } else if (replayable && stale) {
          // A keep-alive connection the backend closed as we reused it: replay once when
          // that is safe (idempotent, no body, nothing received).
          return attempt(true);
        }
        fail(error);
      },
    };
    call = options.pool.transportFor(target)(request, handler);
  };

  res.on('drain', () => call?.resume());
  res.on('close', () => {
    if (!res.writableFinished) call?.abort();
  });
  // A client that vanishes mid-upload must not leave the backend with a short body that
  // looks complete: the upstream request is destroyed, never ended.
  if (!bodyless) req.on('aborted', () => call?.abort());
  attempt(false);
}
