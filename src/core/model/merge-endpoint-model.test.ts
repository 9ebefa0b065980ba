import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEndpointModel } from './create-endpoint-model.js';
import type { EndpointModel, MomentStats, SchemaOverride } from './endpoint-model.js';
import { SERIES_LIMIT } from './endpoint-model.js';
import { makeObservation } from './make-observation.js';
import { mergeEndpointModel } from './merge-endpoint-model.js';
import type { Observation } from './observation.js';
import { observeExchange } from './observe-exchange.js';

const T0 = Date.UTC(2025, 0, 1);
const MINUTE = 60_000;
const RUNS = { seed: 20250101, numRuns: 60 };

const bodyArb = fc.oneof(
  fc.record({ id: fc.integer({ min: 1, max: 50 }), name: fc.constantFrom('ann', 'bob', 'cy') }),
  fc.record({ id: fc.integer(), tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 3 }) }),
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 3 }),
  fc.constant(null),
);

/**
 * Observed exchanges over `minutes` minutes. Sparse traffic (300 minutes) exercises the
 * 120-minute series bound; dense traffic (one minute, 3 distinct seconds) makes examples
 * tie on time, path and query, so their content decides the order.
 */
const observationArb = (minutes: number): fc.Arbitrary<{ obs: Observation; now: number }> =>
  fc
    .record({
      minute: fc.integer({ min: 0, max: minutes }),
      second: fc.integer({ min: 0, max: 2 }),
      lag: fc.integer({ min: -5000, max: 120_000 }),
      status: fc.constantFrom(200, 200, 201, 404, 500, 0),
      source: fc.constantFrom('proxy', 'proxy', 'proxy', 'mock', 'chaos'),
      outcome: fc.constantFrom('ok', 'ok', 'ok', 'upstream_error'),
      // Quarter milliseconds keep every plain sum exact (see mergeMoments).
      latencyMs: fc.integer({ min: 0, max: 20_000 }).map((n) => n / 4),
      responseSize: fc.integer({ min: 0, max: 5000 }),
      path: fc.constantFrom('/users/1', '/users/2', '/users/a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6'),
      query: fc.constantFrom('', 'page=1', 'page=2&sort=name', 'flag', 'tags=a&tags=b'),
      request: fc.option(bodyArb, { nil: undefined }),
      response: fc.option(bodyArb, { nil: undefined }),
      language: fc.constantFrom(
        'da',
        'de',
        'en',
        'es',
        'fi',
        'fr',
        'it',
        'nl',
        'pl',
        'pt',
        'sv',
        'cs',
      ),
      etag: fc.string({ maxLength: 4 }),
      learnRequestSchema: fc.boolean(),
      learnResponseSchema: fc.boolean(),
      keepExample: fc.boolean(),
    })
    .map((r) => {
      const startedAt = T0 + r.minute * MINUTE + r.second * 1000;
      const obs = makeObservation({
        status: r.status,
        source: r.source,
        outcome: r.outcome,
        latencyMs: r.latencyMs,
        startedAt,
        responseSize: r.responseSize,
        path: r.path,
        query: r.query,
        hasRequestJson: r.request !== undefined,
        ...(r.request === undefined ? {} : { requestJson: r.request }),
        requestContentType: r.request === undefined ? '' : 'application/json',
        hasResponseJson: r.response !== undefined,
        ...(r.response === undefined ? { responseText: 'plain' } : { responseJson: r.response }),
        responseContentType: r.response === undefined ? 'text/plain' : 'application/json',
        responseHeaders: {
          'content-language': r.language,
          etag: r.etag,
          'set-cookie': 'sid=[REDACTED]',
        },
        learnRequestSchema: r.learnRequestSchema,
        learnResponseSchema: r.learnResponseSchema,
        keepExample: r.keepExample,
      });
      return { obs, now: startedAt + r.lag };
    });

const overrideArb: fc.Arbitrary<SchemaOverride[]> = fc
  .record({
    request: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    ok: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    notFound: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    schema: fc.constantFrom({ type: 'object' }, { type: 'array' }),
  })
  .map(({ request, ok, notFound, schema }) => [
    ...(request === undefined
      ? []
      : [{ target: 'request' as const, jsonSchema: schema, setAt: request }]),
    ...(ok === undefined
      ? []
      : [{ target: 'response' as const, status: '200', jsonSchema: schema, setAt: ok }]),
    ...(notFound === undefined
      ? []
      : [{ target: 'response' as const, status: '404', jsonSchema: schema, setAt: notFound }]),
  ]);

type Observed = { obs: Observation; now: number }[];

function modelOf(
  observed: Observed,
  overrides: SchemaOverride[] = [],
  manual = false,
): EndpointModel {
  const model = createEndpointModel('GET', '/users/{id}', manual);
  for (const { obs, now } of observed) observeExchange(model, obs, now);
  model.overrides = overrides;
  return model;
}

const modelArb = fc
  .record({
    observed: fc.oneof(
      fc.array(observationArb(300), { maxLength: 120 }),
      fc.array(observationArb(0), { maxLength: 40, size: 'max' }),
    ),
    overrides: overrideArb,
    manual: fc.boolean(),
  })
  .map(({ observed, overrides, manual }) => modelOf(observed, overrides, manual));

const DECAYED = ['decayedWeight', 'decayedSum', 'decayedSumSquares'] as const;

/**
 * Splits a model into its exactly mergeable part (a JSON copy with the decayed moment sums
 * zeroed) and those decayed sums, which merge only up to float rounding.
 */
function splitDecayed(model: EndpointModel): { exact: unknown; decayed: Map<string, number> } {
  const copy = JSON.parse(JSON.stringify(model)) as EndpointModel;
  const decayed = new Map<string, number>();
  const take = (where: string, m: MomentStats) => {
    for (const key of DECAYED) {
      decayed.set(`${where}.${key}`, m[key]);
      m[key] = 0;
    }
  };
  take('latency', copy.stats.latency);
  take('responseSize', copy.stats.responseSize);
  for (const [status, response] of Object.entries(copy.responses))
    take(`${status}.bodySize`, response.bodySize);
  return { exact: copy, decayed };
}

function expectSameModel(actual: EndpointModel, expected: EndpointModel): void {
  const a = splitDecayed(actual);
  const e = splitDecayed(expected);
  expect(a.exact).toEqual(e.exact);
  expect([...a.decayed.keys()].sort()).toEqual([...e.decayed.keys()].sort());
  for (const [key, value] of e.decayed) {
    expect(Math.abs((a.decayed.get(key) ?? Number.NaN) - value), key).toBeLessThanOrEqual(
      1e-9 * Math.abs(value),
    );
  }
}

describe('mergeEndpointModel', () => {
  it('is exactly commutative', () => {
    fc.assert(
      fc.property(modelArb, modelArb, (a, b) => {
        expect(mergeEndpointModel(a, b)).toEqual(mergeEndpointModel(b, a));
      }),
      RUNS,
    );
  });

  it('is associative (decayed sums up to float rounding)', () => {
    fc.assert(
      fc.property(modelArb, modelArb, modelArb, (a, b, c) => {
        expectSameModel(
          mergeEndpointModel(mergeEndpointModel(a, b), c),
          mergeEndpointModel(a, mergeEndpointModel(b, c)),
        );
      }),
      RUNS,
    );
  });

  it('merges two instances into the model of one instance that saw all the traffic', () => {
    let seriesBoundReached = false;
    fc.assert(
      fc.property(
        fc.array(observationArb(300), { minLength: 20, maxLength: 200, size: 'max' }),
        fc.array(observationArb(300), { minLength: 20, maxLength: 200, size: 'max' }),
        (first, second) => {
          const whole = modelOf([...first, ...second]);
          const merged = mergeEndpointModel(modelOf(first), modelOf(second));
          seriesBoundReached ||= whole.stats.series.length === SERIES_LIMIT;
          expectSameModel(merged, whole);
          expect(merged.stats.requestCount).toBe(first.length + second.length);
        },
      ),
      RUNS,
    );
    expect(seriesBoundReached).toBe(true);
  });

  it('merges dense traffic (time-tied examples) like one instance too', () => {
    fc.assert(
      fc.property(
        fc.array(observationArb(0), { maxLength: 60, size: 'max' }),
        fc.array(observationArb(0), { maxLength: 60, size: 'max' }),
        (first, second) => {
          expectSameModel(
            mergeEndpointModel(modelOf(first), modelOf(second)),
            modelOf([...first, ...second]),
          );
        },
      ),
      RUNS,
    );
  });

  it('has the empty model as exact identity', () => {
    fc.assert(
      fc.property(modelArb, (a) => {
        const empty = createEndpointModel('GET', '/users/{id}');
        expect(mergeEndpointModel(a, empty)).toEqual(a);
        expect(mergeEndpointModel(empty, a)).toEqual(a);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('is pure: inputs stay unchanged and share nothing mutable with the result', () => {
    fc.assert(
      fc.property(modelArb, modelArb, observationArb(300), (a, b, { obs, now }) => {
        const before = JSON.stringify([a, b]);
        const merged = mergeEndpointModel(a, b);
        observeExchange(
          merged,
          { ...obs, learnRequestSchema: true, learnResponseSchema: true, keepExample: true },
          now,
        );
        expect(JSON.stringify([a, b])).toBe(before);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('merges models read back from JSON like live ones', () => {
    fc.assert(
      fc.property(modelArb, modelArb, (a, b) => {
        const stored = JSON.parse(JSON.stringify(a)) as EndpointModel;
        expect(mergeEndpointModel(stored, b)).toEqual(mergeEndpointModel(a, b));
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it('keeps the newest override per target and status, and manual when either side is', () => {
    const a = createEndpointModel('GET', '/x');
    const b = createEndpointModel('GET', '/x', true);
    a.overrides = [
      { target: 'response', status: '200', jsonSchema: { type: 'object' }, setAt: 5 },
      { target: 'request', jsonSchema: { type: 'object' }, setAt: 1 },
    ];
    b.overrides = [{ target: 'response', status: '200', jsonSchema: { type: 'array' }, setAt: 9 }];
    const merged = mergeEndpointModel(a, b);

    expect(merged.manual).toBe(true);
    expect(merged.overrides).toEqual([
      { target: 'request', jsonSchema: { type: 'object' }, setAt: 1 },
      { target: 'response', status: '200', jsonSchema: { type: 'array' }, setAt: 9 },
    ]);
  });
});
