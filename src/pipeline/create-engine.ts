import type { Exchange } from '../core/exchange.js';
import type { EndpointModel } from '../core/model/endpoint-model.js';
import { createEndpointModel } from '../core/model/create-endpoint-model.js';
import { mergeEndpointModel } from '../core/model/merge-endpoint-model.js';
import { observeExchange } from '../core/model/observe-exchange.js';
import { createPathLearner, type PathLearner } from '../core/paths/create-path-learner.js';
import { redactPathTokens } from '../core/paths/redact-path-tokens.js';
import type { PathLearnerState } from '../core/paths/path-learner-state.js';
import type { LiveEntry } from '../contract/live-messages.js';
import type { Logger } from '../logger.js';
import type { EndpointDelta, Store, StoredEndpoint, TrafficRow } from '../store/store.js';
import type { EngineApi, EngineStats } from './engine-api.js';
import { createEngineApi } from './engine-rpc.js';
import { prepareExchange, type PreparedExchange } from './stages/prepare-exchange.js';
import { toObservation } from './stages/to-observation.js';
import { HealthTracker } from './stages/health-tracker.js';
import { createEngineMetrics } from './stages/engine-metrics.js';
import { DriftCollector } from './stages/drift-collector.js';
import { hasActiveBreaking, listBreakingEndpoints } from './drift-api.js';
import type { GlobalHealth } from '../core/health/global-health.js';

export type EngineEvent =
  | { type: 'models'; endpoints: StoredEndpoint[]; removed: number[]; paths?: unknown }
  | { type: 'live'; entries: LiveEntry[] }
  | { type: 'health'; health: GlobalHealth }
  | { type: 'drift'; alertId: number; endpointId: number; summary: string; score: number }
  /** Team mode: settings another instance wrote (target, mode, learning, …). */
  | { type: 'settings'; values: Record<string, unknown> };

export interface EngineDeps {
  store: Store;
  logger: Logger;
  instanceId: string;
  captureMaxBytes: number;
  /** Samples a schema needs before drift is judged against it. */
  driftWarmup?: number;
  /** How long a health anomaly stays active after its last occurrence (ms). */
  healthWindowMs?: number;
  /** False skips health scoring entirely (for comparison benchmarks). */
  health?: boolean;
  emit: (event: EngineEvent) => void;
  now?: () => number;
}

export interface Engine {
  /** `liveLimit`: emit only the newest live entries (all when undefined). */
  processBatch(exchanges: Exchange[], liveLimit?: number): Promise<void>;
  readonly api: EngineApi;
  /** The path learner state (for the main thread's matcher). */
  pathState(): unknown;
  /** Team mode: takes in endpoints another instance merged or deleted, and publishes them. */
  adoptEndpoints(endpoints: StoredEndpoint[], removed: number[]): void;
  close(): Promise<void>;
}

export const endpointKey = (method: string, template: string): string => `${method} ${template}`;

/**
 * The background pipeline. It runs inside the engine worker: prepare (decode, redact) →
 * template → learn → persist in one transaction per batch → publish the merged models and
 * live entries back to the main thread. The proxy never waits for any of it.
 */
export async function createEngine(deps: EngineDeps): Promise<Engine> {
  const now = deps.now ?? Date.now;
  const log = deps.logger.child({ layer: 'pipeline' });
  const models = new Map<string, StoredEndpoint>();
  for (const endpoint of await deps.store.loadEndpoints()) {
    models.set(endpointKey(endpoint.method, endpoint.template), endpoint);
  }
  const settings = await deps.store.readSettings();
  let learner: PathLearner;
  try {
    learner = createPathLearner(
      settings.pathLearner ? { state: settings.pathLearner as PathLearnerState } : {},
    );
  } catch (error) {
    // A damaged learner state must not stop the proxy: start afresh and say so.
    log.error({ err: error }, 'stored path learner state is invalid; starting with an empty one');
    learner = createPathLearner();
  }
  const health = new HealthTracker(
    deps.healthWindowMs === undefined ? {} : { anomalyWindowMs: deps.healthWindowMs },
  );
  const drift = new DriftCollector(deps.driftWarmup ?? 20);
  // An unresolved BREAKING alert outlives a restart, and so must its health penalty.
  const breaking = await listBreakingEndpoints(deps.store);
  for (const [key, endpoint] of models) if (breaking.has(endpoint.id)) health.setDrift(key, true);
  const metrics = createEngineMetrics(health, () => [...models.keys()], now);
  const stats: EngineStats = {
    processed: 0,
    batches: 0,
    learned: 0,
    storeErrors: 0,
    lastBatchMs: 0,
    pendingBatches: 0,
    endpoints: models.size,
    degraded: null,
  };

  /** Folds the models of re-templated endpoints into their new template. */
  const mergeTemplates = async (from: string[], to: string, method: string | undefined) => {
    const removed: number[] = [];
    const changed: StoredEndpoint[] = [];
    for (const [key, endpoint] of [...models]) {
      if (!from.includes(endpoint.template) || (method && endpoint.method !== method)) continue;
      const targetKey = endpointKey(endpoint.method, to);
      const existing = models.get(targetKey);
      const moved: EndpointModel = { ...endpoint.model, template: to };
      health.rename(key, targetKey);
      const merged = existing ? mergeEndpointModel(existing.model, moved) : moved;
      const saved = await deps.store.putEndpoint(endpoint.method, to, merged);
      await deps.store.deleteEndpoint(endpoint.id);
      models.delete(key);
      models.set(targetKey, saved);
      removed.push(endpoint.id);
      changed.push(saved);
    }
    if (removed.length > 0) {
      log.info(
        { from, to, merged: removed.length },
        'path position promoted to a parameter; endpoints merged',
      );
      deps.emit({ type: 'models', endpoints: changed, removed, paths: learner.toJSON() });
    }
  };

  const processBatch = async (exchanges: Exchange[], liveLimit?: number): Promise<void> => {
    const started = performance.now();
    const at = now();
    const deltas = new Map<string, EndpointDelta>();
    const traffic: TrafficRow[] = [];
    const entries: LiveEntry[] = [];
    let learnerChanged = false;
    const examplesTaken = new Set<string>();
    // Live entries older than the newest `liveLimit` would be dropped anyway: never built.
    const firstLive = liveLimit === undefined ? 0 : exchanges.length - liveLimit;
    for (let index = 0; index < exchanges.length; index++) {
      const exchange = exchanges[index]!;
      const prepared: PreparedExchange = prepareExchange(exchange, deps.captureMaxBytes);
      const learns = exchange.learn && exchange.source === 'proxy';
      let template: string;
      let key: string;
      let drifted = false;
      if (learns) {
        const result = learner.observe(exchange.method, exchange.path);
        template = result.template;
        for (const merge of result.merged ?? []) {
          learnerChanged = true;
          await mergeTemplates(merge.from, merge.to, undefined);
        }
        key = endpointKey(exchange.method, template);
        if (!models.has(key) && !deltas.has(key)) learnerChanged = true;
        let delta = deltas.get(key);
        if (!delta) {
          delta = {
            method: exchange.method,
            template,
            delta: createEndpointModel(exchange.method, template),
          };
          deltas.set(key, delta);
        }
        const verdict = drift.check(key, models.get(key)?.model, prepared);
        drifted = verdict.drifted;
        const observation = toObservation(prepared, !verdict.holdResponse, !verdict.holdRequest);
        // One example per endpoint and status per batch is plenty and keeps sorting cheap.
        // A held body is no example either: replay mocks would serve the drift before "accept".
        if (observation.keepExample) {
          const exampleKey = `${key} ${exchange.status}`;
          if (examplesTaken.has(exampleKey) || verdict.holdResponse || verdict.holdRequest)
            observation.keepExample = false;
          else examplesTaken.add(exampleKey);
        }
        observeExchange(delta.delta, observation, at);
        stats.learned++;
      } else {
        template = learner.match(exchange.method, exchange.path).template;
        key = endpointKey(exchange.method, template);
      }
      const known = models.get(key);
      const path = redactPathTokens(exchange.path);
      metrics.observe(exchange, learns || known ? template : null);
      const scored =
        deps.health !== false && (learns || known) ? health.observe(key, exchange) : null;
      for (const anomaly of scored?.anomalies ?? []) {
        if (anomaly.occurrences === 1)
          log.warn({ endpoint: key, anomaly: anomaly.type }, anomaly.message);
      }
      const healthStatus = scored?.snapshot.status ?? health.snapshot(key, at)?.status ?? null;
      traffic.push({
        exchangeId: exchange.id,
        startedAt: exchange.startedAt,
        method: exchange.method,
        path,
        query: exchange.query,
        template: learns || known ? template : null,
        endpointId: known?.id ?? null,
        status: exchange.status,
        source: exchange.source,
        outcome: exchange.outcome,
        latencyMs: exchange.latencyMs,
        requestSize: exchange.requestSize,
        responseSize: exchange.responseSize,
        hasDrift: drifted,
        health: healthStatus,
        error: exchange.error ?? null,
      });
      if (index < firstLive) continue;
      entries.push({
        id: exchange.id,
        time: new Date(exchange.startedAt).toISOString(),
        method: exchange.method,
        path,
        template: learns || known ? template : null,
        endpointId: known?.id ?? null,
        status: exchange.status,
        latencyMs: Math.round(exchange.latencyMs * 10) / 10,
        source: exchange.source,
        outcome: exchange.outcome,
        hasDrift: drifted,
        health: healthStatus,
        instance: deps.instanceId,
      });
    }
    const result = await deps.store.writeBatch({ traffic, deltas: [...deltas.values()] });
    for (const endpoint of result.endpoints) {
      models.set(endpointKey(endpoint.method, endpoint.template), endpoint);
    }
    for (const entry of entries) {
      if (entry.endpointId === null && entry.template) {
        entry.endpointId = models.get(endpointKey(entry.method, entry.template))?.id ?? null;
      }
    }
    if (learnerChanged) await deps.store.writeSettings({ pathLearner: learner.toJSON() });
    for (const alert of await drift.flush(deps.store, models, log)) {
      const endpoint = [...result.endpoints, ...models.values()].find(
        (e) => e.id === alert.endpointId,
      );
      if (endpoint)
        health.setDrift(
          endpointKey(endpoint.method, endpoint.template),
          await hasActiveBreaking(deps.store, endpoint.id),
        );
      deps.emit({
        type: 'drift',
        alertId: alert.id,
        endpointId: alert.endpointId,
        summary: alert.summary,
        score: alert.score,
      });
    }
    stats.processed += exchanges.length;
    stats.batches++;
    stats.endpoints = models.size;
    stats.lastBatchMs = performance.now() - started;
    if (result.endpoints.length > 0) {
      deps.emit({
        type: 'models',
        endpoints: result.endpoints,
        removed: [],
        ...(learnerChanged ? { paths: learner.toJSON() } : {}),
      });
    }
    deps.emit({ type: 'live', entries });
    deps.emit({ type: 'health', health: health.global(at) });
  };

  const api = createEngineApi({
    store: deps.store,
    models,
    stats,
    now,
    getLearner: () => learner,
    setLearner: (next) => {
      learner = next;
    },
    mergeTemplates,
    emit: deps.emit,
    health,
    metricsText: metrics.text,
  });

  return {
    processBatch,
    api,
    pathState: () => learner.toJSON(),
    // Team mode (follow-store-changes.ts): keeps drift baselines and the mock snapshot current.
    adoptEndpoints(endpoints, removed) {
      const gone = new Set(removed);
      for (const [key, endpoint] of [...models]) {
        if (!gone.has(endpoint.id)) continue;
        models.delete(key);
        health.forget(key);
      }
      for (const endpoint of endpoints)
        models.set(endpointKey(endpoint.method, endpoint.template), endpoint);
      stats.endpoints = models.size;
      if (endpoints.length > 0 || removed.length > 0)
        deps.emit({ type: 'models', endpoints, removed });
    },
    close: () => deps.store.close(),
  };
}
