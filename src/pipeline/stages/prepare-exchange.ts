import type { Exchange } from '../../core/exchange.js';
import { redactJson } from '../../core/redact/redact-json.js';
import { decodeBody, type DecodedBody } from './decode-body.js';

/** An exchange with its bodies decoded, parsed and redacted: the first pipeline stage. */
export interface PreparedExchange {
  exchange: Exchange;
  request: DecodedBody;
  response: DecodedBody;
}

/**
 * Decodes and redacts bodies (headers and query were redacted by the proxy). Nothing downstream (learning, storage, the live stream, logs) ever
 * sees an unredacted body: the captured bytes are dropped here.
 */
export function prepareExchange(exchange: Exchange, maxBytes: number): PreparedExchange {
  const request = decodeBody(exchange.requestBody, maxBytes);
  const response = decodeBody(exchange.responseBody, maxBytes);
  if (request.json !== undefined) request.json = redactJson(request.json);
  if (response.json !== undefined) response.json = redactJson(response.json);
  delete exchange.requestBody;
  delete exchange.responseBody;
  return { exchange, request, response };
}
