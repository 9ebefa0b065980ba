/** Messages of the live stream (/admin/ws), shared by the server and the dashboard. */

export type HealthStatus = 'HEALTHY' | 'DEGRADED' | 'CRITICAL';

/** One row of the live transaction stream. */
export interface LiveEntry {
  id: string;
  /** ISO 8601 time the request arrived. */
  time: string;
  method: string;
  /** Path with secret-looking segments replaced by their parameter. */
  path: string;
  template: string | null;
  endpointId: number | null;
  status: number;
  latencyMs: number;
  source: 'proxy' | 'mock' | 'failover' | 'chaos';
  outcome: string;
  hasDrift: boolean;
  health: HealthStatus | null;
  /** Which instance served it (team mode). */
  instance: string;
}

export interface GlobalHealth {
  score: number;
  status: HealthStatus;
  monitoredEndpoints: number;
  activeAnomalies: number;
}

export type LiveMessage =
  | { type: 'initial'; entries: LiveEntry[]; health: GlobalHealth | null }
  | { type: 'entries'; entries: LiveEntry[] }
  | { type: 'health'; health: GlobalHealth }
  | { type: 'config'; mode: string; learning: boolean; target: string | null }
  | { type: 'drift'; alertId: number; endpointId: number; summary: string; score: number }
  | { type: 'counters'; queued: number; dropped: number; processed: number }
  | { type: 'skipped'; dropped: number; reason: string };
