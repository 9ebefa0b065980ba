import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Exchange } from '../../core/exchange.js';
import type { HealthTracker } from './health-tracker.js';

/**
 * Prometheus metrics kept by the engine (off the hot path: exchanges are observed in the
 * pipeline). Label values are endpoint templates, which the path learner bounds.
 */
export function createEngineMetrics(
  health: HealthTracker,
  endpointKeys: () => string[],
  now: () => number,
) {
  const registry = new Registry();
  const requests = new Counter({
    name: 'adaptive_mock_requests_total',
    help: 'Exchanges seen by the pipeline, by endpoint, status and response source.',
    labelNames: ['method', 'template', 'status', 'source'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'adaptive_mock_request_duration_seconds',
    help: 'Time to the last response byte, by endpoint and source.',
    labelNames: ['method', 'template', 'source'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'adaptive_mock_endpoint_health_score',
    help: 'Health score (0-100) per endpoint.',
    labelNames: ['method', 'template'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const key of endpointKeys()) {
        const snapshot = health.snapshot(key, now());
        if (!snapshot) continue;
        const space = key.indexOf(' ');
        this.set({ method: key.slice(0, space), template: key.slice(space + 1) }, snapshot.score);
      }
    },
  });
  new Gauge({
    name: 'adaptive_mock_global_health_score',
    help: 'Global health score: 0.7 x average + 0.3 x worst endpoint.',
    registers: [registry],
    collect() {
      this.set(health.global(now()).score);
    },
  });
  return {
    observe(exchange: Exchange, template: string | null) {
      const labels = {
        method: exchange.method,
        template: template ?? '(unmatched)',
        source: exchange.source,
      };
      requests.inc({ ...labels, status: String(exchange.status) });
      latency.observe(labels, exchange.latencyMs / 1000);
    },
    text: () => registry.metrics(),
  };
}
