import type { DriftEndpoint } from './narrated-change.js';
import { toDisplayName } from './to-display-name.js';

const MAX_TEMPLATE = 200;

/** "GET /users/{id} → 200" for responses, "POST /users (request body)" for requests. */
export function describeEndpoint(endpoint: DriftEndpoint): string {
  const route = `${toDisplayName(endpoint.method, 16)} ${toDisplayName(endpoint.template, MAX_TEMPLATE)}`;
  if (endpoint.target === 'request') return `${route} (request body)`;
  return endpoint.status === undefined ? route : `${route} → ${endpoint.status}`;
}
