import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../errors.js';
import type { Target } from '../state/runtime-state.js';
import type { Logger } from '../logger.js';
import type { ExchangeContext } from './exchange-context.js';
import { toDownstreamHeaders, toUpstreamHeaders } from './forward-headers.js';
import { hasRequestBody } from './has-request-body.js';
import { sendProblem } from './send-problem.js';
import type { UpstreamPool } from './upstream-pool.js';

export interface ForwardOptions {
  pool: UpstreamPool;
  connectTimeoutMs: number;
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

class UpstreamTimeout extends Error {
  constructor(readonly phase: 'connect' | 'headers' | 'body') {
    super(`upstream ${phase} timeout`);
  }
}

/** Maps a failure before response headers to the catalogue (RELIABILITY.md §1 row 8). */
function classify(error: unknown): AppError {
  const err = error as NodeJS.ErrnoException;
  if (error instanceof UpstreamTimeout) {
    if (error.phase === 'connect') {
      return new AppError(
        'UPSTREAM_UNREACHABLE',
        'The backend did not accept a connection in time.',
      );
    }
    return new AppError(
      'UPSTREAM_TIMEOUT',
      error.phase === 'headers'
        ? 'The backend did not send response headers in time.'
        : 'The backend stopped sending the response body.',
    );
  }
  switch (err.code) {
    case 'EADDRBLOCKED':
      return new AppError('UPSTREAM_BLOCKED', err.message);
    case 'ECONNREFUSED':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend refused the connection.');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend host name could not be resolved.');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend host is unreachable.');
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError('UPSTREAM_RESET', 'The backend closed the connection before answering.');
    default:
      if (err.code?.startsWith('HPE_')) {
        return new AppError(
          'UPSTREAM_PROTOCOL_ERROR',
          'The backend sent a malformed HTTP response.',
        );
      }
      return new AppError('UPSTREAM_UNREACHABLE', 'The backend could not be reached.');
  }
}

function errorCode(error: unknown): string | undefined {
  return error === undefined
    ? undefined
    : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
}

/**
 * Streams the request to the target and the response back, with backpressure both ways
 * (pipe), bounded body taps for learning, and the timeouts of RELIABILITY.md §1 row 8.
 */
export function forward(ctx: ExchangeContext, target: Target, options: ForwardOptions): void {
  const { req, res } = ctx;
  const method = req.method ?? 'GET';
  const bodyless = !hasRequestBody(req);
  const path = target.basePath + (req.url ?? '/');
  const headers = toUpstreamHeaders(req, {
    host: options.preserveHost ? (req.headers.host ?? target.authority) : target.authority,
    clientIp: req.socket.remoteAddress ?? '',
    proto: 'http',
    via: options.via,
  });
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let responded = false;

  const attempt = (retry: boolean): void => {
    const upstream: ClientRequest = send({
      agent: options.pool.agentFor(target),
      host: target.hostname,
      port: target.port,
      servername: target.hostname,
      method,
      path,
      headers,
      setHost: false,
    });

    upstream.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => upstream.destroy(new UpstreamTimeout('connect')),
        options.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // Idle timeout of the upstream socket: first while waiting for headers, then per body chunk.
    upstream.setTimeout(options.headersTimeoutMs, () => {
      upstream.destroy(new UpstreamTimeout(responded ? 'body' : 'headers'));
    });

    // Answers a failure that happened before any response byte reached the client.
    const fail = (error: unknown): void => {
      // The client left first (our own destroy caused this error): it is recorded as client_aborted.
      if (res.destroyed) return;
      const problem = classify(error);
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
    // The error that ended the response body, if any: it decides between 502 and 504.
    let bodyError: unknown;

    upstream.on('error', (error) => {
      if (responded) {
        bodyError ??= error;
        return;
      }
      // A reused keep-alive socket the backend had just closed: replay once on a fresh one
      // when that is safe (idempotent, nothing streamed yet, no byte received).
      if (
        !retry &&
        upstream.reusedSocket &&
        bodyless &&
        IDEMPOTENT.has(method) &&
        !ctx.res.destroyed
      ) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ECONNRESET' || code === 'EPIPE') {
          attempt(true);
          return;
        }
      }
      fail(error);
    });

    upstream.on('response', (upstreamRes) => {
      responded = true;
      ctx.ttfbMs = performance.now() - ctx.startedHr;
      ctx.status = upstreamRes.statusCode ?? 502;
      ctx.responseHeaders = upstreamRes.headers;
      if (options.onUpstreamStatus?.(ctx, ctx.status)) {
        upstreamRes.resume();
        return;
      }
      upstream.setTimeout(options.bodyTimeoutMs);
      const tap = ctx.tapResponse();
      const headers = toDownstreamHeaders(upstreamRes.rawHeaders);
      res.sendDate = false;
      // Node sends the head together with the first body byte anyway; writing it only then
      // keeps a 502 possible when the upstream body breaks before its first byte.
      const writeHead = () => {
        if (!res.headersSent) res.writeHead(ctx.status, upstreamRes.statusMessage, headers);
      };
      upstreamRes.on('data', (chunk: Buffer) => {
        writeHead();
        tap.onData(chunk);
      });
      let aborted = false;
      const abortClient = () => {
        if (aborted || res.destroyed) return;
        aborted = true;
        if (!res.headersSent) return fail(bodyError ?? new Error('upstream response aborted'));
        if (ctx.outcome === 'ok') ctx.outcome = 'truncated';
        options.logger.warn(
          { exchange: ctx.id, cause: errorCode(bodyError) },
          'upstream response truncated',
        );
        // Never end a response early as if it were complete: drop the client connection.
        res.destroy();
      };
      upstreamRes.on('aborted', abortClient);
      upstreamRes.on('error', abortClient);
      upstreamRes.on('end', () => {
        if (upstreamRes.complete) writeHead();
        else abortClient();
      });
      upstreamRes.pipe(res);
    });

    if (retry) {
      upstream.end();
      return;
    }
    if (bodyless) {
      req.resume();
      upstream.end();
    } else {
      req.on('data', ctx.requestTap.onData);
      req.pipe(upstream);
      // A client that vanishes mid-upload must not leave the backend with a short body
      // that looks complete: destroy the upstream request instead of ending it.
      req.on('aborted', () => upstream.destroy());
    }

    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
  };

  attempt(false);
}
