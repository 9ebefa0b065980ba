import type { BodySample, Exchange, ExchangeOutcome, ResponseSource } from '../core/exchange.js';

/**
 * An exchange as it crosses to the engine worker: a tuple. Structured clone writes every
 * property name of every object it copies, so plain arrays cost about half as much to send
 * and to receive (measured per exchange: 0.46 → 0.25 µs to send, 0.70 → 0.31 µs to receive).
 */
export type WireExchange = [
  id: string,
  startedAt: number,
  method: string,
  path: string,
  query: string,
  status: number,
  source: ResponseSource,
  outcome: ExchangeOutcome,
  latencyMs: number,
  requestHeaders: Record<string, string>,
  responseHeaders: Record<string, string>,
  requestSize: number,
  responseSize: number,
  learn: boolean,
  ttfbMs: number | undefined,
  template: string | undefined,
  error: string | undefined,
  requestBody: BodySample | undefined,
  responseBody: BodySample | undefined,
];

export function toWire(e: Exchange): WireExchange {
  return [
    e.id,
    e.startedAt,
    e.method,
    e.path,
    e.query,
    e.status,
    e.source,
    e.outcome,
    e.latencyMs,
    e.requestHeaders,
    e.responseHeaders,
    e.requestSize,
    e.responseSize,
    e.learn,
    e.ttfbMs,
    e.template,
    e.error,
    e.requestBody,
    e.responseBody,
  ];
}

export function fromWire(w: WireExchange): Exchange {
  const exchange: Exchange = {
    id: w[0],
    startedAt: w[1],
    method: w[2],
    path: w[3],
    query: w[4],
    status: w[5],
    source: w[6],
    outcome: w[7],
    latencyMs: w[8],
    requestHeaders: w[9],
    responseHeaders: w[10],
    requestSize: w[11],
    responseSize: w[12],
    learn: w[13],
  };
  if (w[14] !== undefined) exchange.ttfbMs = w[14];
  if (w[15] !== undefined) exchange.template = w[15];
  if (w[16] !== undefined) exchange.error = w[16];
  if (w[17] !== undefined) exchange.requestBody = w[17];
  if (w[18] !== undefined) exchange.responseBody = w[18];
  return exchange;
}
