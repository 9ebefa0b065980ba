/** Wire types of the admin API, shared by the server routes and the dashboard's typed client. */

export interface ConfigView {
  target_url: string | null;
  mode: 'proxy' | 'mock';
  learning: boolean;
  chaos: { active_profile: string; level: number };
  queue: {
    queued: number;
    dropped: number;
    enqueued: number;
    pending_batches: number;
    capacity: number;
  };
  store: { kind: string; location: string };
  version: string;
}

export interface PageOf<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface EndpointSummaryView {
  id: number;
  method: string;
  template: string;
  requestCount: number;
  statuses: Record<string, number>;
  manual: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface StatsView {
  requestCount: number;
  statusCounts: Record<string, number>;
  errorRate: number;
  latency: {
    mean: number;
    std: number;
    p50: number;
    p95: number;
    p99: number;
    min: number;
    max: number;
  };
  responseSize: { mean: number; min: number; max: number };
  firstSeen: number;
  lastSeen: number;
}

export interface ProblemView {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  [extra: string]: unknown;
}
