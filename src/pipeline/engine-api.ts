import type { DriftAlertRow, Page, StoredEndpoint, TrafficRow } from '../store/store.js';
import type { GlobalHealth } from '../core/health/global-health.js';
import type { HealthSnapshot } from '../core/health/score-health.js';
import type { HistoryPoint } from '../core/health/health-state.js';
import type { ExplorerItem } from './explorer-overview.js';

/** Summary row of GET /admin/endpoints. */
export interface EndpointSummary {
  id: number;
  method: string;
  template: string;
  requestCount: number;
  statuses: Record<string, number>;
  manual: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ManualEndpointInput {
  method: string;
  path: string;
  statusCode: number;
  responseBody?: unknown;
  requestBody?: unknown;
}

export interface PathRule {
  pattern: string;
  kind: 'literal' | 'param';
}

export interface EngineStats {
  processed: number;
  batches: number;
  learned: number;
  storeErrors: number;
  lastBatchMs: number;
  pendingBatches: number;
  endpoints: number;
  degraded: string | null;
}

/**
 * Everything the main thread may ask the engine (worker) for. Every method is async and
 * takes and returns structured-cloneable values: it is called over postMessage.
 */
export interface EngineApi {
  getSettings(): Promise<Record<string, unknown>>;
  putSettings(values: Record<string, unknown>): Promise<void>;
  listEndpoints(query: {
    search?: string;
    limit: number;
    offset: number;
  }): Promise<Page<EndpointSummary>>;
  getEndpoint(id: number): Promise<StoredEndpoint | undefined>;
  /** Every endpoint with its full model (the main thread's snapshot, exports). */
  allEndpoints(): Promise<StoredEndpoint[]>;
  deleteEndpoint(id: number): Promise<boolean>;
  defineManualEndpoint(
    input: ManualEndpointInput,
  ): Promise<{ created: boolean; endpoint: StoredEndpoint }>;
  setSchemaOverride(
    id: number,
    override: { target: 'request' | 'response'; status?: string; jsonSchema: unknown },
  ): Promise<StoredEndpoint | undefined>;
  getPathRules(): Promise<PathRule[]>;
  setPathRules(
    rules: PathRule[],
  ): Promise<{ rules: PathRule[]; retemplated: { from: string; to: string }[] }>;
  listTraffic(query: {
    limit: number;
    offset: number;
    endpointId?: number;
  }): Promise<Page<TrafficRow>>;
  stats(): Promise<EngineStats>;
  explorerOverview(query: {
    search: string;
    limit: number;
    offset: number;
  }): Promise<Page<ExplorerItem>>;
  listDriftAlerts(query: {
    unresolvedOnly?: boolean;
    endpointId?: number;
    limit: number;
    offset: number;
  }): Promise<Page<DriftAlertRow>>;
  /** accept=true adopts the drifting shape as the baseline; false only acknowledges. */
  resolveDriftAlert(id: number, accept: boolean): Promise<DriftAlertRow | undefined>;
  driftStats(endpointId: number): Promise<DriftStats | undefined>;
  health(): Promise<{
    global: GlobalHealth;
    endpoints: { id: number; method: string; template: string; health: HealthSnapshot | null }[];
  }>;
  healthGlobal(): Promise<GlobalHealth>;
  /** Prometheus text exposition of the engine's metrics. */
  metrics(): Promise<string>;
  healthOf(
    id: number,
    limit: number,
  ): Promise<
    | {
        endpoint: { id: number; method: string; template: string };
        current: HealthSnapshot | null;
        history: HistoryPoint[];
      }
    | undefined
  >;
}

export interface DriftStats {
  endpointId: number;
  totalAlerts: number;
  unresolvedAlerts: number;
  averageDriftScore: number;
  latestAlert: DriftAlertRow | null;
}

export type EngineMethod = keyof EngineApi;
