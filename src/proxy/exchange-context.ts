import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, ExchangeOutcome, ResponseSource } from '../core/exchange.js';
import { redactQuery } from '../core/redact/redact-query.js';
import { BodyTap } from './body-tap.js';

/** Request headers worth keeping in the captured exchange (no credentials are on this list). */
const KEPT_REQUEST_HEADERS = ['content-type', 'content-length', 'content-encoding', 'accept'];
/** Response headers worth keeping (learned headers come from this list too). */
const KEPT_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'cache-control',
  'etag',
  'location',
  'vary',
  'content-language',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
];

/** What a not-learned exchange carries: its headers feed learning only. */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

function pick(
  headers: Record<string, string | string[] | undefined>,
  names: string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function mediaType(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v.split(';')[0]!.trim().toLowerCase() : '';
}

/** Everything the proxy tracks about one exchange while it is in flight. */
export class ExchangeContext {
  readonly startedAt = Date.now();
  readonly startedHr = performance.now();
  readonly requestTap: BodyTap;
  responseTap: BodyTap | undefined;
  status = 0;
  source: ResponseSource = 'proxy';
  outcome: ExchangeOutcome = 'ok';
  ttfbMs: number | undefined;
  template: string | undefined;
  error: string | undefined;
  /** Latency added by chaos before forwarding; left out of the measured latency. */
  injectedDelayMs = 0;
  responseHeaders: Record<string, string | string[] | undefined> = {};
  private finished = false;

  constructor(
    readonly id: string,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly path: string,
    readonly query: string,
    /** Learning was on: the exchange counts in the model's statistics. */
    readonly learn: boolean,
    /** This exchange's bodies are sampled for schema learning. */
    readonly captureBodies: boolean,
    readonly captureMaxBytes: number,
    private readonly onDone: (exchange: Exchange) => void,
  ) {
    // Without capture the taps keep no bytes but still count sizes for the statistics.
    this.requestTap = new BodyTap(captureBodies ? captureMaxBytes : 0);
  }

  tapResponse(): BodyTap {
    this.responseTap = new BodyTap(this.captureBodies ? this.captureMaxBytes : 0);
    return this.responseTap;
  }

  /** Records the exchange once, when the response is over (finished or aborted). */
  done(): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.res.writableFinished && this.outcome === 'ok') this.outcome = 'client_aborted';
    const reqHeaders = this.req.headers;
    // Mocks, chaos answers and learning-off exchanges are never learned from, so picking and
    // cloning their headers for the engine would be wasted work on the hot path.
    const learned = this.learn && this.source === 'proxy';
    const exchange: Exchange = {
      id: this.id,
      startedAt: this.startedAt,
      method: this.req.method ?? 'GET',
      path: this.path,
      // Query secrets (access_token=…) are redacted before the exchange leaves the hot path.
      query: this.query === '' ? '' : redactQuery(this.query),
      status: this.status,
      source: this.source,
      outcome: this.outcome,
      latencyMs:
        performance.now() - this.startedHr - (this.source === 'proxy' ? this.injectedDelayMs : 0),
      requestHeaders: learned ? pick(reqHeaders, KEPT_REQUEST_HEADERS) : NO_HEADERS,
      responseHeaders: learned ? pick(this.responseHeaders, KEPT_RESPONSE_HEADERS) : NO_HEADERS,
      learn: this.learn,
      requestSize: this.requestTap.size,
      responseSize: this.responseTap?.size ?? 0,
    };
    if (this.ttfbMs !== undefined) exchange.ttfbMs = this.ttfbMs;
    if (this.template !== undefined) exchange.template = this.template;
    if (this.error !== undefined) exchange.error = this.error;
    if (this.captureBodies && this.requestTap.size > 0) {
      exchange.requestBody = this.requestTap.sample(
        mediaType(reqHeaders['content-type']),
        mediaType(reqHeaders['content-encoding']),
      );
    }
    if (this.captureBodies && this.responseTap) {
      exchange.responseBody = this.responseTap.sample(
        mediaType(this.responseHeaders['content-type']),
        mediaType(this.responseHeaders['content-encoding']),
      );
    }
    this.onDone(exchange);
  }
}
