import { request as httpRequest, type Agent, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Target } from '../state/runtime-state.js';
import {
  UpstreamTimeout,
  type UpstreamCall,
  type UpstreamTransport,
} from './upstream-transport.js';

/**
 * The tolerant transport: node:http's client, which parses every valid HTTP/1.1 response,
 * including unsolicited 1xx answers that undici rejects. Used for targets that need it.
 */
export function createNodeTransport(
  agentFor: (target: Target) => Agent,
  connectTimeoutMs: number,
): UpstreamTransport {
  return (request, handler): UpstreamCall => {
    const { target } = request;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    let responded = false;
    let response: IncomingMessage | undefined;
    // The error that ended the response body, if any: it decides between 502 and 504.
    let bodyError: unknown;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error === undefined) return handler.onEnd();
      const code = (error as NodeJS.ErrnoException).code;
      handler.onError(
        error,
        !responded && upstream.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE'),
      );
    };

    const upstream = send({
      agent: agentFor(target),
      host: target.hostname,
      port: target.port,
      servername: target.hostname,
      method: request.method,
      path: request.path,
      headers: request.headers,
      setHost: false,
    });
    upstream.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => upstream.destroy(new UpstreamTimeout('connect')),
        connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(timer));
      socket.once('close', () => clearTimeout(timer));
    });
    // Idle timeout of the upstream socket: first while waiting for headers, then per body chunk.
    upstream.setTimeout(request.headersTimeoutMs, () => {
      upstream.destroy(new UpstreamTimeout(responded ? 'body' : 'headers'));
    });
    upstream.on('error', (error) => {
      if (responded) bodyError ??= error;
      else settle(error);
    });
    upstream.on('response', (res) => {
      responded = true;
      response = res;
      upstream.setTimeout(request.bodyTimeoutMs);
      handler.onResponse(res.statusCode ?? 502, res.statusMessage ?? '', res.rawHeaders);
      res.on('data', (chunk: Buffer) => {
        if (!settled && !handler.onData(chunk)) res.pause();
      });
      const broken = () => settle(bodyError ?? new Error('upstream response aborted'));
      res.on('aborted', broken);
      res.on('error', broken);
      res.on('end', () => (res.complete ? settle() : broken()));
    });

    // A client that vanishes mid-upload is the caller's to abort(): the upstream request is
    // then destroyed, never ended short as if complete.
    if (request.body) request.body.pipe(upstream);
    else upstream.end();

    return {
      resume: () => response?.resume(),
      abort: () => {
        settled = true;
        upstream.destroy();
      },
    };
  };
}
