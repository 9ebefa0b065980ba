import { isErrorStatus } from '../health/is-error-status.js';
import { addCount } from './add-count.js';
import { decayedMeanOf } from './decayed-mean-of.js';
import { decayedStdOf } from './decayed-std-of.js';
import { decayedWeightAt } from './decayed-weight-at.js';
import type { EndpointModel } from './endpoint-model.js';
import { meanOf } from './mean-of.js';
import { quantileOf } from './quantile-of.js';
import { stdOf } from './std-of.js';

/** The statistics of an endpoint as the admin API shows them (plain numbers). */
export interface StatsSummary {
  requestCount: number;
  statusCounts: Record<string, number>;
  /** Share of exchanges with no response or a 5xx (see isErrorStatus); 0 without traffic. */
  errorRate: number;
  latency: {
    mean: number;
    std: number;
    decayedMean: number;
    decayedStd: number;
    /** Effective sample count behind the decayed figures at `now`. */
    decayedWeight: number;
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

/** Summarises an endpoint's statistics at `now` (epoch ms); every figure is 0 without traffic. */
export function summarizeStats(model: EndpointModel, now: number): StatsSummary {
  const { stats } = model;
  const { latency, latencySketch, responseSize } = stats;
  let errors = 0;
  const statusCounts = Object.create(null) as Record<string, number>;
  for (const status of Object.keys(stats.statusCounts).sort()) {
    const count = stats.statusCounts[status] ?? 0;
    addCount(statusCounts, status, count);
    if (isErrorStatus(Number(status))) errors += count;
  }
  return {
    requestCount: stats.requestCount,
    statusCounts,
    errorRate: stats.requestCount > 0 ? errors / stats.requestCount : 0,
    latency: {
      mean: meanOf(latency),
      std: stdOf(latency),
      decayedMean: decayedMeanOf(latency),
      decayedStd: decayedStdOf(latency),
      decayedWeight: decayedWeightAt(latency, now),
      p50: quantileOf(latencySketch, 0.5),
      p95: quantileOf(latencySketch, 0.95),
      p99: quantileOf(latencySketch, 0.99),
      min: latency.min,
      max: latency.max,
    },
    responseSize: { mean: meanOf(responseSize), min: responseSize.min, max: responseSize.max },
    firstSeen: stats.firstSeen,
    lastSeen: stats.lastSeen,
  };
}
