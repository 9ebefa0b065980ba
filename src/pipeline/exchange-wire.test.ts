import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { fromWire, toWire } from './exchange-wire.js';

const body = (text: string) => ({
  contentType: 'application/json',
  encoding: '',
  bytes: new TextEncoder().encode(text),
  size: text.length,
  truncated: false,
});

describe('exchange wire tuples', () => {
  it('carry every field of an exchange (Required<> makes a new field fail here first)', () => {
    const full: Required<Exchange> = {
      id: 'i-1',
      startedAt: 1_700_000_000_000,
      method: 'POST',
      path: '/users/42',
      query: 'a=1',
      status: 201,
      source: 'proxy',
      outcome: 'ok',
      latencyMs: 12.5,
      ttfbMs: 3.25,
      requestHeaders: { 'content-type': 'application/json' },
      responseHeaders: { etag: '"x"' },
      requestSize: 9,
      responseSize: 11,
      requestBody: body('{"a":1}'),
      responseBody: body('{"id":42}'),
      learn: true,
      template: '/users/{id}',
      error: 'none',
    };
    const back = fromWire(structuredClone(toWire(full)));
    expect(back).toEqual(full);
    expect(Object.keys(back).sort()).toEqual(Object.keys(full).sort());
  });

  it('leave absent optional fields absent, not undefined', () => {
    const minimal: Exchange = {
      id: 'i-2',
      startedAt: 1,
      method: 'GET',
      path: '/',
      query: '',
      status: 200,
      source: 'mock',
      outcome: 'ok',
      latencyMs: 0.5,
      requestHeaders: {},
      responseHeaders: {},
      requestSize: 0,
      responseSize: 2,
      learn: false,
    };
    const back = fromWire(structuredClone(toWire(minimal)));
    expect(back).toEqual(minimal);
    expect(Object.keys(back).sort()).toEqual(Object.keys(minimal).sort());
  });
});
