import { describe, expect, it } from 'vitest';
import type { ExchangeOutcome, ResponseSource } from '../exchange.js';
import { createEndpointModel } from './create-endpoint-model.js';
import type { EndpointModel } from './endpoint-model.js';
import { makeObservation } from './make-observation.js';
import type { Observation } from './observation.js';
import { observeExchange } from './observe-exchange.js';
import { EXAMPLE_TEXT_LIMIT } from './to-example.js';

const T0 = Date.UTC(2025, 0, 1);

const LEARNING: Partial<Observation> = {
  query: 'page=2',
  hasRequestJson: true,
  requestJson: { name: 'x' },
  requestContentType: 'application/json',
  hasResponseJson: true,
  responseJson: { id: 1 },
  responseContentType: 'application/json',
  responseHeaders: { 'content-type': 'application/json' },
  learnRequestSchema: true,
  learnResponseSchema: true,
  keepExample: true,
};

function observeAll(observations: readonly Observation[], now = T0 + 3_600_000): EndpointModel {
  const model = createEndpointModel('POST', '/users');
  for (const obs of observations) observeExchange(model, obs, now);
  return model;
}

describe('observeExchange', () => {
  it('counts every exchange in the statistics, whatever its outcome, source or flags', () => {
    const model = observeAll([
      makeObservation({ startedAt: T0 + 5000, latencyMs: 20, responseSize: 100 }),
      makeObservation({ startedAt: T0, status: 502, outcome: 'upstream_error', latencyMs: 40 }),
      makeObservation({ startedAt: T0 + 2000, status: 0, outcome: 'client_aborted', latencyMs: 5 }),
      makeObservation({
        startedAt: T0 + 70_000,
        status: 500,
        source: 'chaos',
        latencyMs: 900,
        responseSize: 7,
      }),
      makeObservation({ startedAt: T0 + 1000, source: 'mock', latencyMs: 1 }),
    ]);
    const { stats } = model;

    expect(stats.requestCount).toBe(5);
    expect(stats.statusCounts).toEqual({ '0': 1, '200': 2, '500': 1, '502': 1 });
    expect(stats.sourceCounts).toEqual({ proxy: 3, chaos: 1, mock: 1 });
    expect([stats.latency.count, stats.latencySketch.count, stats.responseSize.count]).toEqual([
      5, 5, 5,
    ]);
    expect([stats.latency.min, stats.latency.max, stats.responseSize.max]).toEqual([1, 900, 100]);
    expect([stats.firstSeen, stats.lastSeen]).toEqual([T0, T0 + 70_000]);
    expect(stats.series.map((b) => [b.count, b.errorCount])).toEqual([
      [4, 2],
      [1, 1],
    ]);
  });

  type Case = {
    name: string;
    outcome?: ExchangeOutcome;
    source?: ResponseSource;
    flags?: Partial<Observation>;
    learned: string[];
  };
  const ALL = ['requestTypes', 'query', 'request', 'response', 'responseSchema', 'example'];
  it.each<Case>([
    { name: 'ok proxied exchange with every flag', learned: ALL },
    { name: 'failed exchange', outcome: 'upstream_timeout', learned: [] },
    { name: 'truncated exchange', outcome: 'truncated', learned: [] },
    {
      name: 'mock answer: request side only',
      source: 'mock',
      learned: ['requestTypes', 'query', 'request'],
    },
    {
      name: 'chaos answer: request side only',
      source: 'chaos',
      learned: ['requestTypes', 'query', 'request'],
    },
    {
      name: 'failover answer: request side only',
      source: 'failover',
      learned: ['requestTypes', 'query', 'request'],
    },
    {
      name: 'request schemas held',
      flags: { learnRequestSchema: false },
      learned: ['requestTypes', 'response', 'responseSchema', 'example'],
    },
    {
      name: 'response schema held',
      flags: { learnResponseSchema: false },
      learned: ['requestTypes', 'query', 'request', 'response', 'example'],
    },
    {
      name: 'no example',
      flags: { keepExample: false },
      learned: ALL.filter((part) => part !== 'example'),
    },
  ])('$name', ({ outcome = 'ok', source = 'proxy', flags = {}, learned }) => {
    const model = observeAll([makeObservation({ ...LEARNING, outcome, source, ...flags })]);
    const has = {
      requestTypes: model.requestContentTypes['application/json'] === 1,
      query: model.querySchema?.properties?.['page']?.types.integer === 1,
      request: model.requestSchema?.properties?.['name']?.types.string === 1,
      response: model.responses['200']?.contentTypes['application/json'] === 1,
      responseSchema: model.responses['200']?.schema?.properties?.['id']?.types.integer === 1,
      example: model.examples['200']?.length === 1,
    };
    expect(Object.keys(has).filter((part) => has[part as keyof typeof has])).toEqual(learned);
    expect(model.stats.requestCount).toBe(1);
  });

  it('observes every request into the query schema so optional parameters show', () => {
    const model = observeAll([
      makeObservation({ query: 'page=2&q=x', learnRequestSchema: true }),
      makeObservation({ query: '', learnRequestSchema: true }),
      makeObservation({ query: 'page=3', learnRequestSchema: true }),
    ]);
    expect(model.querySchema?.count).toBe(3);
    expect(model.querySchema?.properties?.['page']).toMatchObject({
      count: 2,
      types: { integer: 2 },
    });
    expect(model.querySchema?.properties?.['q']?.count).toBe(1);
  });

  it('learns response content types, headers, body sizes and JSON null bodies per status', () => {
    const model = observeAll([
      makeObservation({
        ...LEARNING,
        responseSize: 10,
        responseHeaders: { 'content-type': 'application/json', etag: '"1"' },
      }),
      makeObservation({ ...LEARNING, responseSize: 30, responseJson: null }),
      makeObservation({ status: 404, responseContentType: 'text/html', responseSize: 5 }),
    ]);
    const ok = model.responses['200'];

    expect(Object.keys(model.responses)).toEqual(['200', '404']);
    expect(ok?.headers).toEqual({
      'content-type': { 'application/json': 2 },
      etag: { '[present]': 1 },
    });
    expect([ok?.bodySize.count, ok?.bodySize.min, ok?.bodySize.max]).toEqual([2, 10, 30]);
    expect([ok?.schema?.count, ok?.schema?.nullCount]).toEqual([2, 1]);
    expect(model.responses['404']).toMatchObject({ contentTypes: { 'text/html': 1 } });
    expect(model.responses['404']?.schema).toBeUndefined();
  });

  it('records examples with masked path tokens, request body and a bounded text preview', () => {
    const token = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6';
    const model = observeAll([
      makeObservation({
        ...LEARNING,
        path: `/reset/${token}`,
        startedAt: T0 + 1,
        hasResponseJson: false,
        responseContentType: 'text/plain',
        responseText: 'y'.repeat(EXAMPLE_TEXT_LIMIT + 10),
      }),
    ]);
    const [recorded] = model.examples['200'] ?? [];

    expect(recorded?.path).not.toContain(token);
    expect(recorded).toMatchObject({
      query: 'page=2',
      status: 200,
      contentType: 'text/plain',
      recordedAt: T0 + 1,
    });
    expect(recorded?.requestBody).toEqual({ name: 'x' });
    expect(recorded?.responseText).toHaveLength(EXAMPLE_TEXT_LIMIT);
    expect(recorded && 'responseBody' in recorded).toBe(false);
  });

  it('files an exchange stamped in the future, or not at all, at now', () => {
    const now = T0 + 60_000;
    const model = createEndpointModel('GET', '/');
    observeExchange(model, makeObservation({ startedAt: now + 3_600_000 }), now);
    observeExchange(model, makeObservation({ startedAt: Number.NaN }), now);

    expect([model.stats.firstSeen, model.stats.lastSeen, model.stats.latency.refTime]).toEqual([
      now,
      now,
      now,
    ]);
    expect(model.stats.series.map((b) => b.start)).toEqual([now]);
  });
});
