import { observeValue } from '../schema/observe-value.js';
import { createSchemaNode } from '../schema/schema-node.js';
import { addCount } from './add-count.js';
import { addExample } from './add-example.js';
import { addMoment } from './add-moment.js';
import { createResponseModel } from './create-response-model.js';
import type { EndpointModel } from './endpoint-model.js';
import { learnHeaders } from './learn-headers.js';
import type { Observation } from './observation.js';
import { observeStats } from './observe-stats.js';
import { parseQuery } from './parse-query.js';
import { toExample } from './to-example.js';

// Request facts come from the client and are learned whoever answered.
function observeRequest(model: EndpointModel, obs: Observation): void {
  if (obs.requestContentType !== '') addCount(model.requestContentTypes, obs.requestContentType);
  if (!obs.learnRequestSchema) return;
  // Every request is observed, an empty query included, so a parameter's count tells how
  // often it is sent (required or optional).
  observeValue((model.querySchema ??= createSchemaNode()), parseQuery(obs.query));
  if (obs.hasRequestJson) {
    observeValue((model.requestSchema ??= createSchemaNode()), obs.requestJson);
  }
}

// Response facts are learned only from the real API: a mock, failover or chaos answer is
// ours, and learning it would feed the model its own output (or invent a status).
function observeResponse(model: EndpointModel, obs: Observation, at: number): void {
  const status = String(obs.status);
  const response = (model.responses[status] ??= createResponseModel());
  if (obs.responseContentType !== '') addCount(response.contentTypes, obs.responseContentType);
  learnHeaders(response.headers, obs.responseHeaders);
  addMoment(response.bodySize, obs.responseSize, at);
  if (obs.learnResponseSchema && obs.hasResponseJson) {
    observeValue((response.schema ??= createSchemaNode()), obs.responseJson);
  }
  if (obs.keepExample) addExample((model.examples[status] ??= []), toExample(obs, at));
}

/**
 * Learns one exchange into the model (mutating). Every exchange counts in the statistics;
 * the rest is learned from `ok` outcomes only (an aborted or failed exchange says nothing
 * about the contract), responses only when the real API answered (source `proxy`), schemas
 * only when their learn flag is set. Everything is filed under the exchange's own time,
 * startedAt, bounded by `now` so a clock-skewed timestamp cannot push the decay reference
 * and the series into the future; that makes the model independent of when it was built.
 */
export function observeExchange(model: EndpointModel, obs: Observation, now: number): void {
  const at = Number.isFinite(obs.startedAt) ? Math.min(obs.startedAt, now) : now;
  observeStats(model.stats, obs, at);
  if (obs.outcome !== 'ok') return;
  observeRequest(model, obs);
  if (obs.source === 'proxy') observeResponse(model, obs, at);
}
