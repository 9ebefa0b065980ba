import { addCount } from './add-count.js';
import { addMoment } from './add-moment.js';
import { addToSeries } from './add-to-series.js';
import { addToSketch } from './add-to-sketch.js';
import type { EndpointStats } from './endpoint-model.js';
import type { Observation } from './observation.js';

/** Counts one exchange, whatever its outcome or source, filed at `at` (epoch ms; mutating). */
export function observeStats(stats: EndpointStats, obs: Observation, at: number): void {
  stats.firstSeen = stats.requestCount === 0 ? at : Math.min(stats.firstSeen, at);
  stats.lastSeen = stats.requestCount === 0 ? at : Math.max(stats.lastSeen, at);
  stats.requestCount++;
  addCount(stats.statusCounts, String(obs.status));
  addCount(stats.sourceCounts, obs.source);
  addMoment(stats.latency, obs.latencyMs, at);
  addToSketch(stats.latencySketch, obs.latencyMs);
  addMoment(stats.responseSize, obs.responseSize, at);
  addToSeries(stats.series, at, obs.status, obs.latencyMs);
}
