import type { HealthStatus, LiveEntry } from '../contract/live-messages.js';
import type { Logger } from '../logger.js';
import type { Store, StoreChange, StoredEndpoint, TrafficRow } from '../store/store.js';
import type { Engine, EngineEvent } from './create-engine.js';
import type { PathRule } from './engine-api.js';

export interface FollowStoreChangesDeps {
  store: Store;
  engine: Engine;
  /** Runs a task in the worker's single chain, after the batches and calls before it. */
  enqueue: (task: () => Promise<void>) => void;
  emit: (event: EngineEvent) => void;
  logger: Logger;
}

/** Settings that are this engine's own business or secret; never forwarded as runtime settings. */
const ENGINE_KEYS = new Set(['pathLearner', 'adminTokenHash']);
const HEALTH = new Set<string>(['HEALTHY', 'DEGRADED', 'CRITICAL']);

/** A live-stream row for traffic another instance proxied (its id travels as `instance`). */
export function toLiveEntry(row: TrafficRow, instance: string): LiveEntry {
  return {
    id: row.exchangeId,
    time: new Date(row.startedAt).toISOString(),
    method: row.method,
    path: row.path,
    template: row.template,
    endpointId: row.endpointId,
    status: row.status,
    latencyMs: Math.round(row.latencyMs * 10) / 10,
    source: row.source,
    outcome: row.outcome,
    hasDrift: row.hasDrift,
    health: row.health !== null && HEALTH.has(row.health) ? (row.health as HealthStatus) : null,
    instance,
  };
}

const sameRules = (a: PathRule[], b: PathRule[]) =>
  a.length === b.length &&
  a.every((rule, i) => rule.pattern === b[i]?.pattern && rule.kind === b[i]?.kind);

function rulesOf(state: unknown): PathRule[] | undefined {
  const rules = (state as { rules?: unknown } | null)?.rules;
  return Array.isArray(rules) ? (rules as PathRule[]) : undefined;
}

/**
 * Team mode: applies what other instances commit to a shared store. Merged endpoints are
 * re-read and adopted (drift baselines, mock snapshot), path rules are adopted when they
 * differ (the equality check ends the echo: adopting writes the rules back, unchanged),
 * runtime settings go to the main thread, and other instances' traffic feeds the live
 * stream. A no-op for stores without `watch`. Returns the unsubscribe function.
 */
export function followStoreChanges(deps: FollowStoreChangesDeps): () => void {
  const { store, engine } = deps;
  if (!store.watch) return () => undefined;

  const adoptSettings = async (keys: string[] | 'all') => {
    const all = await store.readSettings();
    const wanted = keys === 'all' ? Object.keys(all) : keys;
    const rules = wanted.includes('pathLearner') ? rulesOf(all.pathLearner) : undefined;
    if (rules && !sameRules(rules, await engine.api.getPathRules()))
      await engine.api.setPathRules(rules);
    const values = Object.fromEntries(
      wanted.filter((k) => !ENGINE_KEYS.has(k) && k in all).map((k) => [k, all[k]]),
    );
    if (Object.keys(values).length > 0) deps.emit({ type: 'settings', values });
  };

  const adoptEndpoints = async (ids: number[], removed: number[]) => {
    const found: StoredEndpoint[] = [];
    const gone = [...removed];
    for (const id of ids) {
      const endpoint = await store.getEndpoint(id);
      if (endpoint) found.push(endpoint);
      else gone.push(id);
    }
    engine.adoptEndpoints(found, gone);
  };

  const resync = async () => {
    const current = await store.loadEndpoints();
    const present = new Set(current.map((e) => e.id));
    const known = await engine.api.allEndpoints();
    engine.adoptEndpoints(
      current,
      known.filter((e) => !present.has(e.id)).map((e) => e.id),
    );
    await adoptSettings('all');
  };

  const apply = (change: StoreChange): Promise<void> => {
    switch (change.kind) {
      case 'settings':
        return adoptSettings(change.keys);
      case 'endpoints':
        return adoptEndpoints(change.ids, change.removed);
      case 'traffic':
        deps.emit({
          type: 'live',
          entries: change.rows.map((row) => toLiveEntry(row, change.instance)),
        });
        return Promise.resolve();
      case 'resync':
        return resync();
    }
  };

  return store.watch((change) =>
    deps.enqueue(() =>
      apply(change).catch((error: unknown) =>
        deps.logger.warn(
          { err: error, change: change.kind },
          'could not apply a change from another instance',
        ),
      ),
    ),
  );
}
