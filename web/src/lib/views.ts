import type { StatsView } from '../../../src/contract/admin-api.js';
import type { HealthStatus } from '../../../src/contract/live-messages.js';

/*
 * Wire shapes of the Explorer's admin routes, as the dashboard reads them. They mirror the
 * server's views (endpoint-routes.ts, drift-routes.ts, explorer-overview.ts) and belong in
 * src/contract once that module grows them; every string in them is untrusted learned data.
 */

/** What was observed at one place of a learned schema (`x-observed`). */
export interface ObservedView {
  samples: number;
  nulls?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** The JSON Schema 2020-12 subset the server emits for learned schemas. */
export interface JsonSchemaView {
  title?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaView>;
  required?: string[];
  additionalProperties?: JsonSchemaView | boolean;
  items?: JsonSchemaView;
  examples?: unknown[];
  'x-observed'?: ObservedView;
}

export interface AnomalyView {
  type: string;
  severity: 'medium' | 'high';
  message: string;
  detectedAt: number;
  lastSeenAt: number;
  occurrences: number;
}

export interface HealthView {
  score: number;
  status: HealthStatus;
  anomalies: AnomalyView[];
  observations: number;
}

/** One narrated drift change (core/drift NarratedChange). */
export interface NarratedChangeView {
  label: 'BREAKING' | 'WARNING' | 'INFO';
  headline: string;
  context?: string;
  impact: string;
  action: string;
  path: string;
  kind: string;
}

export interface NarrationView {
  text: string;
  items: NarratedChangeView[];
}

/** One card of GET /admin/explorer/overview. */
export interface ExplorerItemView {
  id: number;
  method: string;
  template: string;
  manual: boolean;
  stats: StatsView;
  schema_preview: { status: string; schema: JsonSchemaView } | null;
  request_schema: JsonSchemaView | null;
  health: HealthView | null;
  latest_drift: {
    id: number;
    score: number;
    summary: string;
    narration: unknown;
    details: unknown[];
    resolved: boolean;
    last_seen: string;
  } | null;
  unresolved_count: number;
}

export interface ExampleView {
  path: string;
  query: string;
  status: number;
  requestBody?: unknown;
  responseBody?: unknown;
  responseText?: string;
  contentType: string;
  recordedAt: number;
}

/** GET /admin/endpoints/:id. */
export interface EndpointDetailView {
  id: number;
  method: string;
  template: string;
  request: { schema: JsonSchemaView | null; content_types: Record<string, number> };
  query: { schema: JsonSchemaView | null };
  responses: Record<
    string,
    {
      schema: JsonSchemaView | null;
      content_types: Record<string, number>;
      /** Learned header name → value → count (bounded, secrets left out by the server). */
      headers: Record<string, Record<string, number>>;
    }
  >;
  stats: StatsView;
  examples: Record<string, ExampleView[]>;
}

/** One alert of GET /admin/drift-alerts. */
export interface DriftAlertView {
  id: number;
  endpoint_id: number;
  target: 'response' | 'request';
  status: string;
  drift_score: number;
  drift_summary: string;
  drift_details: unknown[];
  drift_narration: unknown;
  occurrences: number;
  first_seen: string;
  last_seen: string;
  is_resolved: boolean;
  resolved_at: string | null;
  accepted: boolean;
}

/** One minute of GET /admin/endpoints/:id/series. */
export interface SeriesPointView {
  start: number;
  count: number;
  errorCount: number;
  p50: number;
  p95: number;
  statusCounts: Record<string, number>;
}

/** GET /admin/endpoints/:id/chaos and the body of its POST (core/chaos EndpointChaos). */
export interface EndpointChaosView {
  enabled: boolean;
  level?: number;
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: number;
  resetRate?: number;
  hangRate?: number;
  corruptRate?: number;
}
