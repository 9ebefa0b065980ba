import type { EndpointModel } from '../core/model/endpoint-model.js';
import type { ExchangeOutcome, ResponseSource } from '../core/exchange.js';

/**
 * The persistence interface. One interface, several adapters (SQLite, memory, PostgreSQL),
 * one contract suite (store-contract.ts) that every adapter passes. Only app/ picks one.
 *
 * Endpoint models are written as deltas: the adapter merges each delta into the stored
 * model inside the batch transaction (mergeEndpointModel is associative and commutative),
 * so several writers never lose each other's updates.
 */

export interface StoredEndpoint {
  id: number;
  method: string;
  template: string;
  model: EndpointModel;
  createdAt: number;
  updatedAt: number;
}

/** One row of the retained traffic log. */
export interface TrafficRow {
  id?: number;
  exchangeId: string;
  startedAt: number;
  method: string;
  /** Path with secret-looking segments replaced by their template parameter. */
  path: string;
  query: string;
  template: string | null;
  endpointId: number | null;
  status: number;
  source: ResponseSource;
  outcome: ExchangeOutcome;
  latencyMs: number;
  requestSize: number;
  responseSize: number;
  hasDrift: boolean;
  health: string | null;
  error: string | null;
}

export interface EndpointDelta {
  method: string;
  template: string;
  /** What this batch learned about the endpoint (merged into the stored model). */
  delta: EndpointModel;
}

export interface WriteBatch {
  traffic: TrafficRow[];
  deltas: EndpointDelta[];
}

export interface WriteResult {
  /** The merged models of every endpoint the batch touched, with their ids. */
  endpoints: StoredEndpoint[];
  /** Traffic rows written (ids filled). */
  trafficWritten: number;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface EndpointQuery {
  /** Case-insensitive substring of "METHOD template"; `%` and `_` match literally. */
  search?: string;
  limit: number;
  offset: number;
}

export interface TrafficQuery {
  limit: number;
  offset: number;
  endpointId?: number;
}

/** A drift alert as written by the pipeline (one per endpoint + set of changes). */
export interface DriftAlertInput {
  endpointId: number;
  /** Identity of "the same set of changes" (core/drift driftFingerprint). */
  fingerprint: string;
  /** Whether the response or the request body drifted. */
  target: 'response' | 'request';
  /** HTTP status of the drifting responses ('' for request drift). */
  status: string;
  score: number;
  summary: string;
  details: unknown[];
  narration: unknown;
  /** The latest drifting body (redacted), adopted into the baseline on accept. */
  sample: unknown;
  occurrences: number;
  seenAt: number;
}

export interface DriftAlertRow extends DriftAlertInput {
  id: number;
  firstSeen: number;
  lastSeen: number;
  resolved: boolean;
  resolvedAt: number | null;
  accepted: boolean;
}

export interface DriftAlertQuery {
  unresolvedOnly?: boolean;
  endpointId?: number;
  limit: number;
  offset: number;
}

export interface DriftUpsertResult {
  alert: DriftAlertRow;
  /** 'created' for a new alert, 'reopened' for an acknowledged one that recurred. */
  change: 'created' | 'reopened' | 'updated' | 'ignored';
}

export type StoreKind = 'sqlite' | 'memory' | 'postgres';

/**
 * A change another instance committed to a shared store (team mode). `instance` is the
 * writer's id; a store never reports its own writes. 'resync' means notifications may have
 * been missed (the listening connection was lost): re-read what you cache.
 */
export type StoreChange =
  | { kind: 'settings'; instance: string; keys: string[] }
  | { kind: 'endpoints'; instance: string; ids: number[]; removed: number[] }
  | { kind: 'traffic'; instance: string; rows: TrafficRow[] }
  | { kind: 'resync'; instance: string };

/** Whether a networked store is reachable (team mode). */
export interface StoreStatus {
  /** Why the store is degraded (database unreachable, change feed lost), else null. */
  degraded: string | null;
  /** Writes currently waiting for the database to come back. */
  waitingWrites: number;
  /** Writes given up after the retry budget (their data is lost). */
  failedWrites: number;
}

export interface Store {
  readonly kind: StoreKind;
  /** A human-readable location (file path, "memory", sanitised URL). */
  readonly location: string;

  readSettings(): Promise<Record<string, unknown>>;
  writeSettings(values: Record<string, unknown>): Promise<void>;

  /** Writes traffic rows and merges endpoint deltas in one transaction. */
  writeBatch(batch: WriteBatch): Promise<WriteResult>;

  loadEndpoints(): Promise<StoredEndpoint[]>;
  listEndpoints(query: EndpointQuery): Promise<Page<StoredEndpoint>>;
  getEndpoint(id: number): Promise<StoredEndpoint | undefined>;
  /** Replaces an endpoint's model (creating it when new). */
  putEndpoint(method: string, template: string, model: EndpointModel): Promise<StoredEndpoint>;
  deleteEndpoint(id: number): Promise<boolean>;

  listTraffic(query: TrafficQuery): Promise<Page<TrafficRow>>;

  /**
   * Creates the alert, or adds occurrences to the existing one with the same endpoint,
   * target and fingerprint. An acknowledged alert reopens; an accepted one stays closed.
   */
  upsertDriftAlert(input: DriftAlertInput): Promise<DriftUpsertResult>;
  listDriftAlerts(query: DriftAlertQuery): Promise<Page<DriftAlertRow>>;
  getDriftAlert(id: number): Promise<DriftAlertRow | undefined>;
  resolveDriftAlert(id: number, accept: boolean, at: number): Promise<DriftAlertRow | undefined>;
  countTraffic(): Promise<number>;

  /**
   * Optional (shared stores only): calls `onChange` for every change other instances commit.
   * Returns the unsubscribe function.
   */
  watch?(onChange: (change: StoreChange) => void): () => void;
  /** Optional (networked stores only): reachability, for engine stats. */
  status?(): StoreStatus;

  close(): Promise<void>;
}
