import type { IncomingMessage } from 'node:http';
import type { Target } from '../state/runtime-state.js';

/** One request to the backend, already rewritten for the upstream hop. */
export interface UpstreamRequest {
  target: Target;
  method: string;
  /** Base path + the client's path and query, byte for byte. */
  path: string;
  /** Raw header list (name, value, name, value…), hop-by-hop fields already removed. */
  headers: string[];
  /** The client's request stream, or undefined when it announced no body. */
  body: IncomingMessage | undefined;
  headersTimeoutMs: number;
  /** Idle time allowed between two response body chunks. */
  bodyTimeoutMs: number;
}

/** Where a transport reports what the backend did; each call happens at most once, in order. */
export interface UpstreamHandler {
  /** The final (non-1xx) response head. */
  onResponse(status: number, statusText: string, rawHeaders: string[]): void;
  /** A body chunk; false asks the transport to pause until `resume()`. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  /**
   * The exchange failed: before `onResponse` (nothing was received) or after it (the body
   * broke off). `UpstreamTimeout` marks our own timeouts; anything else is the socket's or
   * the parser's error, classified by `classifyUpstreamError`. `stale` says the failure
   * looks like a kept-alive connection the backend closed as it was reused.
   */
  onError(error: unknown, stale: boolean): void;
}

/** Controls one in-flight upstream exchange. */
export interface UpstreamCall {
  resume(): void;
  /** Destroys the upstream connection (the client left); no handler call follows. */
  abort(): void;
}

/** Sends one request; the two implementations are undici (fast) and node:http (tolerant). */
export type UpstreamTransport = (
  request: UpstreamRequest,
  handler: UpstreamHandler,
) => UpstreamCall;

/**
 * A valid response the transport cannot read (undici: an unsolicited 100 Continue); the
 * target is then moved to the tolerant transport.
 */
export class UnsolicitedInformational extends Error {
  readonly code = 'EUNSOLICITED1XX';
  constructor() {
    super('The backend sent an unsolicited 100 Continue.');
  }
}

export class UpstreamTimeout extends Error {
  constructor(readonly phase: 'connect' | 'headers' | 'body') {
    super(`upstream ${phase} timeout`);
  }
}
