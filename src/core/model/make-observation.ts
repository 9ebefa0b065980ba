import type { Observation } from './observation.js';

/**
 * Test support: a plain successful proxied GET observation (no bodies, nothing learned
 * unless asked) with the given fields replaced, for tests that need observations.
 */
export function makeObservation(fields: Partial<Observation> = {}): Observation {
  return {
    method: 'GET',
    status: 200,
    source: 'proxy',
    outcome: 'ok',
    latencyMs: 10,
    startedAt: Date.UTC(2025, 0, 1),
    responseSize: 0,
    query: '',
    hasRequestJson: false,
    requestContentType: '',
    hasResponseJson: false,
    responseContentType: '',
    responseHeaders: {},
    path: '/',
    learnRequestSchema: false,
    learnResponseSchema: false,
    keepExample: false,
    ...fields,
  };
}
