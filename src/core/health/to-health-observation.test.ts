import { describe, expect, it } from 'vitest';
import type { Exchange, ExchangeOutcome, ResponseSource } from '../exchange.js';
import { toHealthObservation } from './to-health-observation.js';

function createExchange(source: ResponseSource, outcome: ExchangeOutcome): Exchange {
  return {
    id: 'x1',
    startedAt: 1000,
    method: 'GET',
    path: '/users/1',
    query: '',
    status: 200,
    source,
    outcome,
    latencyMs: 42,
    requestHeaders: {},
    responseHeaders: {},
    requestSize: 0,
    responseSize: 512,
    learn: true,
  };
}

describe('toHealthObservation', () => {
  it.each([
    { source: 'proxy', outcome: 'ok', expected: { status: 200, responseSize: 512 } },
    { source: 'proxy', outcome: 'truncated', expected: { status: 200, responseSize: 512 } },
    { source: 'failover', outcome: 'upstream_error', expected: { status: 0, responseSize: 0 } },
    { source: 'mock', outcome: 'ok', expected: undefined },
    { source: 'chaos', outcome: 'ok', expected: undefined },
    { source: 'proxy', outcome: 'client_aborted', expected: undefined },
    { source: 'proxy', outcome: 'rejected', expected: undefined },
  ] as const)('$source / $outcome → $expected', ({ source, outcome, expected }) => {
    const observation = toHealthObservation(createExchange(source, outcome));

    expect(observation).toEqual(expected && { at: 1000, latencyMs: 42, ...expected });
  });
});
