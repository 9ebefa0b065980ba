import { Gauge, Registry } from 'prom-client';
import type { Exchange } from '../../core/exchange.js';
import type { HealthTracker } from './health-tracker.js';
import { createRequestMetrics } from './request-metrics.js';

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
  const requests = createRequestMetrics();
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
      requests.observe(
        exchange.method,
        template ?? '(unmatched)',
        exchange.status,
        exchange.source,
        exchange.latencyMs / 1000,
      );
    },
    text: async () => `${requests.text()}${await registry.metrics()}`,
  };
}
