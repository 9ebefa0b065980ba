/**
 * The one currency type: every layer (proxy → capture queue → pipeline → store → live)
 * passes the same Exchange record. Bodies are bounded prefixes, headers are already
 * redacted when an Exchange leaves the proxy.
 */

/** Where the response the client saw came from. */
export type ResponseSource = 'proxy' | 'mock' | 'failover' | 'chaos';

/** How the exchange ended; only `ok` exchanges are learned from. */
export type ExchangeOutcome =
  | 'ok'
  | 'client_aborted'
  | 'upstream_error'
  | 'upstream_timeout'
  | 'upstream_protocol_error'
  | 'truncated'
  | 'rejected';

/** A bounded copy of a body, taken from the stream without slowing it down. */
export interface BodySample {
  /** Media type without parameters, lower-cased (`application/json`), or '' when absent. */
  contentType: string;
  /** Content-Encoding as sent on the wire (`gzip`, `br`, …), or '' for identity. */
  encoding: string;
  /** The first bytes of the body as sent on the wire (still encoded), at most the capture cap. */
  bytes: Uint8Array;
  /** Whole body size in bytes on the wire, known once the body ended. */
  size: number;
  /** True when `bytes` holds only a prefix of the body. */
  truncated: boolean;
}

export interface Exchange {
  /** Unique id (per process start + sequence); stable across the pipeline and the traffic log. */
  id: string;
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
  method: string;
  /** Raw path as sent (no query), e.g. `/users/42`. */
  path: string;
  /** Raw query string without the leading `?` (redacted values), '' when none. */
  query: string;
  /** Final status sent to the client; 0 when none could be sent. */
  status: number;
  source: ResponseSource;
  outcome: ExchangeOutcome;
  /** Total time until the last response byte (ms, fractional). */
  latencyMs: number;
  /** Time until upstream response headers (ms), when proxied. */
  ttfbMs?: number;
  /** Selected request headers, lower-case names, secrets already redacted. */
  requestHeaders: Record<string, string>;
  /** Selected response headers, lower-case names, secrets already redacted. */
  responseHeaders: Record<string, string>;
  /** Body sizes in bytes as sent on the wire (counted even when bodies are not captured). */
  requestSize: number;
  responseSize: number;
  requestBody?: BodySample;
  responseBody?: BodySample;
  /** Whether learning was on when the exchange was captured (bodies are only captured then). */
  learn: boolean;
  /** Template the proxy matched at request time (may be refined by the pipeline). */
  template?: string;
  /** Free-form error detail for failed exchanges (never contains secrets). */
  error?: string;
}
