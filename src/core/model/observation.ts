import type { ExchangeOutcome, ResponseSource } from '../exchange.js';

/**
 * What the endpoint model learns from one exchange (built by the pipeline from an Exchange).
 * Headers, query and bodies must already be redacted (redactHeaders, redactQuery, redactJson):
 * the model stores what it is given. The model may keep references to the body values, so
 * treat an observation as immutable once observed.
 */
export interface Observation {
  method: string;
  /** Status the client saw; 0 when none could be sent. */
  status: number;
  source: ResponseSource;
  outcome: ExchangeOutcome;
  latencyMs: number;
  /** Epoch ms when the request arrived: the time every statistic is filed under. */
  startedAt: number;
  /** Response body size in bytes on the wire. */
  responseSize: number;
  /** Raw query string without `?`, values already redacted; '' when none. */
  query: string;
  /** Parsed request body; meaningful when hasRequestJson (JSON null is a body too). */
  requestJson?: unknown;
  hasRequestJson: boolean;
  /** Request media type without parameters, lower-case; '' when absent. */
  requestContentType: string;
  responseJson?: unknown;
  hasResponseJson: boolean;
  responseContentType: string;
  /** Text preview of a non-JSON response body. */
  responseText?: string;
  /** Response headers, lower-case names, already redacted. */
  responseHeaders: Record<string, string>;
  /** Raw request path (no query); secret-looking segments are masked when kept in examples. */
  path: string;
  learnRequestSchema: boolean;
  learnResponseSchema: boolean;
  keepExample: boolean;
}
