import type { EndpointStats } from './endpoint-model.js';
import { mergeCounts } from './merge-counts.js';
import { mergeMoments } from './merge-moments.js';
import { mergeSeries } from './merge-series.js';
import { mergeSketch } from './merge-sketch.js';

/** Statistics of both inputs' exchanges (pure; see mergeMoments for float exactness). */
export function mergeStats(a: EndpointStats, b: EndpointStats): EndpointStats {
  const seen = [a, b].filter((stats) => stats.requestCount > 0);
  return {
    requestCount: a.requestCount + b.requestCount,
    statusCounts: mergeCounts(a.statusCounts, b.statusCounts),
    sourceCounts: mergeCounts(a.sourceCounts, b.sourceCounts),
    latency: mergeMoments(a.latency, b.latency),
    latencySketch: mergeSketch(a.latencySketch, b.latencySketch),
    responseSize: mergeMoments(a.responseSize, b.responseSize),
    firstSeen: seen.length > 0 ? Math.min(...seen.map((stats) => stats.firstSeen)) : 0,
    lastSeen: seen.length > 0 ? Math.max(...seen.map((stats) => stats.lastSeen)) : 0,
    series: mergeSeries(a.series, b.series),
  };
}
