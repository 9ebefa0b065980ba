import type { SchemaNode } from '../schema/schema-node.js';

/**
 * Everything learned about one endpoint (method + path template). Like SchemaNode, every
 * part is mergeable (counts, sums, sketches, bounded sets), so the model of two instances
 * that learned disjoint traffic merges into the model of one instance that saw it all.
 */

/** Mergeable streaming quantiles: log-spaced buckets (relative accuracy ≈ 1%). */
export interface QuantileSketch {
  /** bucket index → count; index i covers (γ^(i-1), γ^i]. */
  buckets: Record<string, number>;
  /** Count of values ≤ the smallest tracked magnitude (zeros, sub-microsecond). */
  zeroCount: number;
  count: number;
  min: number;
  max: number;
}

/**
 * Exact running moments plus time-decayed moments. The decay weights each sample by
 * 2^-((refTime - t) / halfLife) against wall-clock time, which (unlike a per-sample EMA)
 * is mergeable: rescale both sides to the later refTime, then add.
 */
export interface MomentStats {
  count: number;
  sum: number;
  sumSquares: number;
  min: number;
  max: number;
  /** Time-decayed weight, weighted sum and weighted sum of squares at `refTime`. */
  decayedWeight: number;
  decayedSum: number;
  decayedSumSquares: number;
  /** Epoch ms the decayed sums refer to. */
  refTime: number;
}

/** One bucket of the per-endpoint time series (for charts); buckets are 1 minute wide. */
export interface TimeBucket {
  /** Epoch ms of the bucket start. */
  start: number;
  count: number;
  errorCount: number;
  latency: QuantileSketch;
  statusCounts: Record<string, number>;
}

export interface EndpointStats {
  requestCount: number;
  /** status code (as string) → count. */
  statusCounts: Record<string, number>;
  /** Exchanges by response source (proxy/mock/failover/chaos) → count. */
  sourceCounts: Record<string, number>;
  latency: MomentStats;
  latencySketch: QuantileSketch;
  responseSize: MomentStats;
  firstSeen: number;
  lastSeen: number;
  /** Recent per-minute buckets, newest last, at most SERIES_LIMIT. */
  series: TimeBucket[];
}

/** A recorded, redacted example exchange. */
export interface RecordedExample {
  /** Raw path of the example (already templated where a segment is a secret token). */
  path: string;
  query: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
  /** Non-JSON bodies are kept as a short text preview. */
  responseText?: string;
  contentType: string;
  recordedAt: number;
}

/** What was learned about the responses with one status code. */
export interface ResponseModel {
  /** JSON body schema (absent when no JSON body was seen). */
  schema?: SchemaNode;
  /** media type → count (non-JSON bodies are recorded by type and size only). */
  contentTypes: Record<string, number>;
  /** Learned response header name → value → count (bounded, no secrets). */
  headers: Record<string, Record<string, number>>;
  bodySize: MomentStats;
}

/** User-set schema that later traffic never silently overwrites. */
export interface SchemaOverride {
  target: 'request' | 'response';
  /** Status for response overrides ('200' …). */
  status?: string;
  /** A JSON Schema document (2020-12) supplied by the user. */
  jsonSchema: unknown;
  setAt: number;
}

export interface EndpointModel {
  method: string;
  template: string;
  requestSchema?: SchemaNode;
  /** Request media type → count (JSON, form, multipart, …). */
  requestContentTypes: Record<string, number>;
  /** Query parameters as an object schema (values typed: integer, boolean, string…). */
  querySchema?: SchemaNode;
  /** status code (as string) → response model. */
  responses: Record<string, ResponseModel>;
  stats: EndpointStats;
  /** status → bounded list of examples, newest last. */
  examples: Record<string, RecordedExample[]>;
  overrides: SchemaOverride[];
  /** True when defined by hand (POST /admin/endpoints/manual). */
  manual: boolean;
}

/** Per-minute buckets kept in EndpointStats.series. */
export const SERIES_LIMIT = 120;
/** Examples kept per status. */
export const EXAMPLES_PER_STATUS = 5;
/** Distinct values kept per learned response header. */
export const HEADER_VALUES_LIMIT = 8;
/** Half-life of the decayed latency baseline. */
export const DECAY_HALF_LIFE_MS = 10 * 60 * 1000;
