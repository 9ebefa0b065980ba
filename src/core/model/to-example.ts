import { redactPathTokens } from '../paths/redact-path-tokens.js';
import type { RecordedExample } from './endpoint-model.js';
import type { Observation } from './observation.js';

/** Characters of a non-JSON response body kept in an example. */
export const EXAMPLE_TEXT_LIMIT = 1024;

function previewOf(text: string): string {
  if (text.length <= EXAMPLE_TEXT_LIMIT) return text;
  const cut = text.slice(0, EXAMPLE_TEXT_LIMIT);
  // Never end on half a surrogate pair: it would not survive JSON round trips intact.
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** The example an observation is recorded as (secret-looking path segments masked). */
export function toExample(obs: Observation, at: number): RecordedExample {
  const example: RecordedExample = {
    path: redactPathTokens(obs.path),
    query: obs.query,
    status: obs.status,
    contentType: obs.responseContentType,
    recordedAt: at,
  };
  if (obs.hasRequestJson && obs.requestJson !== undefined) example.requestBody = obs.requestJson;
  if (obs.hasResponseJson && obs.responseJson !== undefined) {
    example.responseBody = obs.responseJson;
  } else if (obs.responseText !== undefined) {
    example.responseText = previewOf(obs.responseText);
  }
  return example;
}
