import type { EndpointModel } from '../core/model/endpoint-model.js';
import { createEndpointModel } from '../core/model/create-endpoint-model.js';
import { observeExchange } from '../core/model/observe-exchange.js';
import { mergeEndpointModel } from '../core/model/merge-endpoint-model.js';
import type { PathLearner } from '../core/paths/create-path-learner.js';
import { AppError } from '../errors.js';
import type { Store, StoredEndpoint } from '../store/store.js';
import type { EngineApi, EngineStats, EndpointSummary, PathRule } from './engine-api.js';
import type { EngineEvent } from './create-engine.js';
import type { HealthTracker } from './stages/health-tracker.js';
import { listHistory } from '../core/health/list-history.js';
import { createDriftApi } from './drift-api.js';
import { explorerOverview } from './explorer-overview.js';

export interface EngineRpcDeps {
  store: Store;
  models: Map<string, StoredEndpoint>;
  stats: EngineStats;
  now: () => number;
  getLearner: () => PathLearner;
  setLearner: (learner: PathLearner) => void;
  mergeTemplates: (from: string[], to: string, method: string | undefined) => Promise<void>;
  emit: (event: EngineEvent) => void;
  health: HealthTracker;
  metricsText: () => Promise<string>;
}

export function toSummary(endpoint: StoredEndpoint): EndpointSummary {
  return {
    id: endpoint.id,
    method: endpoint.method,
    template: endpoint.template,
    requestCount: endpoint.model.stats.requestCount,
    statuses: endpoint.model.stats.statusCounts,
    manual: endpoint.model.manual,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}

const key = (method: string, template: string) => `${method} ${template}`;

/** The engine's request/response surface, answered inside the worker. */
export function createEngineApi(deps: EngineRpcDeps): EngineApi {
  const publish = (endpoints: StoredEndpoint[], removed: number[] = []) =>
    deps.emit({ type: 'models', endpoints, removed, paths: deps.getLearner().toJSON() });

  return {
    ...createDriftApi({
      store: deps.store,
      models: deps.models,
      health: deps.health,
      now: deps.now,
      publish,
    }),
    getSettings: () => deps.store.readSettings(),
    putSettings: (values) => deps.store.writeSettings(values),
    async listEndpoints(query) {
      const page = await deps.store.listEndpoints(query);
      return { total: page.total, items: page.items.map(toSummary) };
    },
    getEndpoint: (id) => deps.store.getEndpoint(id),
    allEndpoints: () => Promise.resolve([...deps.models.values()]),
    async deleteEndpoint(id) {
      const endpoint = await deps.store.getEndpoint(id);
      const deleted = await deps.store.deleteEndpoint(id);
      if (endpoint) {
        deps.models.delete(key(endpoint.method, endpoint.template));
        deps.health.forget(key(endpoint.method, endpoint.template));
      }
      if (deleted) publish([], [id]);
      return deleted;
    },
    async defineManualEndpoint(input) {
      const method = input.method.toUpperCase();
      const raw = input.path.startsWith('/') ? input.path : `/${input.path}`;
      // A hand-written `{param}` segment is pinned as a rule, so the proxy's matcher knows it.
      const learner = deps.getLearner();
      if (raw.includes('{') && !learner.rules().some((r) => r.pattern === raw)) {
        learner.setRules([...learner.rules(), { pattern: raw, kind: 'param' }]);
      }
      const template = learner.observe(method, raw).template;
      const existing = deps.models.get(key(method, template));
      // Learn into a fresh model, then merge: stored models come from JSON and must not be
      // observed into directly (a learned `__proto__` key would hit a real prototype).
      const model: EndpointModel = createEndpointModel(method, template, true);
      const body = (value: unknown) => (value === undefined ? {} : { json: value });
      const response = body(input.responseBody);
      const request = body(input.requestBody);
      observeExchange(
        model,
        {
          method,
          status: input.statusCode,
          source: 'proxy',
          outcome: 'ok',
          latencyMs: 50,
          startedAt: deps.now(),
          responseSize:
            input.responseBody === undefined ? 0 : JSON.stringify(input.responseBody).length,
          query: '',
          path: raw,
          hasRequestJson: 'json' in request,
          ...('json' in request ? { requestJson: request.json } : {}),
          requestContentType: 'application/json',
          hasResponseJson: 'json' in response,
          ...('json' in response ? { responseJson: response.json } : {}),
          responseContentType: 'application/json',
          responseHeaders: { 'content-type': 'application/json' },
          learnRequestSchema: true,
          learnResponseSchema: true,
          keepExample: true,
        },
        deps.now(),
      );
      const merged = existing
        ? { ...mergeEndpointModel(existing.model, model), manual: true }
        : model;
      const saved = await deps.store.putEndpoint(method, template, merged);
      deps.models.set(key(method, template), saved);
      await deps.store.writeSettings({ pathLearner: deps.getLearner().toJSON() });
      publish([saved]);
      return { created: !existing, endpoint: saved };
    },
    async setSchemaOverride(id, override) {
      const endpoint = await deps.store.getEndpoint(id);
      if (!endpoint) return undefined;
      const model = endpoint.model;
      model.overrides = [
        ...model.overrides.filter(
          (o) => !(o.target === override.target && o.status === override.status),
        ),
        { ...override, setAt: deps.now() },
      ];
      const saved = await deps.store.putEndpoint(endpoint.method, endpoint.template, model);
      deps.models.set(key(saved.method, saved.template), saved);
      publish([saved]);
      return saved;
    },
    async setPathRules(rules: PathRule[]) {
      const learner = deps.getLearner();
      const result = learner.setRules(rules);
      if (!result.ok) {
        throw new AppError(
          'INVALID_BODY',
          result.errors
            .map((e) => (e.index >= 0 ? `rules[${e.index}]: ${e.message}` : e.message))
            .join('; '),
        );
      }
      const retemplated = Object.entries(result.templates)
        .filter(([from, to]) => from !== to)
        .map(([from, to]) => ({ from, to }));
      for (const merge of result.merges) await deps.mergeTemplates(merge.from, merge.to, undefined);
      await deps.store.writeSettings({ pathLearner: learner.toJSON() });
      publish([]);
      return { rules, retemplated };
    },
    getPathRules: () => Promise.resolve(deps.getLearner().rules()),
    listTraffic: (query) => deps.store.listTraffic(query),
    // Team mode: a networked store reports an unreachable database or a lost change feed,
    // and the writes it gave up on (a lost batch is one store error).
    stats: () => {
      const store = deps.store.status?.();
      return Promise.resolve({
        ...deps.stats,
        degraded: store?.degraded ?? deps.stats.degraded,
        storeErrors: deps.stats.storeErrors + (store?.failedWrites ?? 0),
      });
    },
    health() {
      const now = deps.now();
      const endpoints = [...deps.models.values()].map((e) => ({
        id: e.id,
        method: e.method,
        template: e.template,
        health: deps.health.snapshot(key(e.method, e.template), now) ?? null,
      }));
      return Promise.resolve({ global: deps.health.global(now), endpoints });
    },
    metrics: () => deps.metricsText(),
    explorerOverview: (query) => explorerOverview(deps.store, deps.health, deps.now(), query),
    healthGlobal: () => Promise.resolve(deps.health.global(deps.now())),
    healthOf(id, limit) {
      const endpoint = [...deps.models.values()].find((e) => e.id === id);
      if (!endpoint) return Promise.resolve(undefined);
      const k = key(endpoint.method, endpoint.template);
      const state = deps.health.state(k);
      return Promise.resolve({
        endpoint: { id, method: endpoint.method, template: endpoint.template },
        current: deps.health.snapshot(k, deps.now()) ?? null,
        history: state ? listHistory(state, limit) : [],
      });
    },
  };
}
