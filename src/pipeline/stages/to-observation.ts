import type { Observation } from '../../core/model/observation.js';
import type { PreparedExchange } from './prepare-exchange.js';

/** Maps a prepared exchange onto what the model learns from. */
export function toObservation(
  prepared: PreparedExchange,
  learnResponseSchema = true,
  learnRequestSchema = true,
): Observation {
  const { exchange, request, response } = prepared;
  const ok = exchange.outcome === 'ok';
  const observation: Observation = {
    method: exchange.method,
    status: exchange.status,
    source: exchange.source,
    outcome: exchange.outcome,
    latencyMs: exchange.latencyMs,
    startedAt: exchange.startedAt,
    responseSize: exchange.responseSize,
    query: exchange.query,
    path: exchange.path,
    hasRequestJson: request.json !== undefined,
    requestContentType:
      exchange.requestHeaders['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '',
    hasResponseJson: response.json !== undefined,
    responseContentType:
      exchange.responseHeaders['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '',
    responseHeaders: exchange.responseHeaders,
    learnRequestSchema: ok && learnRequestSchema,
    learnResponseSchema: ok && learnResponseSchema,
    keepExample: ok,
  };
  if (request.json !== undefined) observation.requestJson = request.json;
  if (response.json !== undefined) observation.responseJson = response.json;
  if (response.text !== undefined) observation.responseText = response.text;
  return observation;
}
