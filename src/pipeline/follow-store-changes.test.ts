import { describe, expect, it } from 'vitest';
import { createEndpointModel } from '../core/model/create-endpoint-model.js';
import { createLogger } from '../logger.js';
import type { Store, StoreChange, StoredEndpoint, TrafficRow } from '../store/store.js';
import type { Engine, EngineEvent } from './create-engine.js';
import type { EngineApi, PathRule } from './engine-api.js';
import { followStoreChanges } from './follow-store-changes.js';

const endpoint = (id: number, template: string): StoredEndpoint => ({
  id,
  method: 'GET',
  template,
  model: createEndpointModel('GET', template),
  createdAt: 1,
  updatedAt: 1,
});

const row: TrafficRow = {
  exchangeId: 'other-1',
  startedAt: Date.UTC(2025, 0, 1),
  method: 'GET',
  path: '/users/7',
  query: '',
  template: '/users/{id}',
  endpointId: 1,
  status: 200,
  source: 'proxy',
  outcome: 'ok',
  latencyMs: 12.345,
  requestSize: 0,
  responseSize: 10,
  hasDrift: false,
  health: 'HEALTHY',
  error: null,
};

/** A store holding `settings` and `endpoints`, a spy engine, and the change feed to drive them. */
function setUp(
  settings: Record<string, unknown>,
  endpoints: StoredEndpoint[],
  known: StoredEndpoint[],
  rules: PathRule[],
) {
  let onChange: ((change: StoreChange) => void) | undefined;
  const store = {
    watch: (listener: (change: StoreChange) => void) => {
      onChange = listener;
      return () => undefined;
    },
    readSettings: () => Promise.resolve(settings),
    getEndpoint: (id: number) => Promise.resolve(endpoints.find((e) => e.id === id)),
    loadEndpoints: () => Promise.resolve(endpoints),
  } as unknown as Store;
  const adopted: [number[], number[]][] = [];
  const ruleWrites: PathRule[][] = [];
  const engine = {
    adoptEndpoints: (found: StoredEndpoint[], removed: number[]) =>
      adopted.push([found.map((e) => e.id), removed]),
    api: {
      getPathRules: () => Promise.resolve(rules),
      setPathRules: (next: PathRule[]) => {
        ruleWrites.push(next);
        return Promise.resolve({ rules: next, retemplated: [] });
      },
      allEndpoints: () => Promise.resolve(known),
    } as Partial<EngineApi>,
  } as unknown as Engine;
  const events: EngineEvent[] = [];
  let chain = Promise.resolve();
  followStoreChanges({
    store,
    engine,
    enqueue: (task) => {
      chain = chain.then(task);
    },
    emit: (event) => events.push(event),
    logger: createLogger('silent'),
  });
  const feed = async (change: StoreChange) => {
    onChange!(change);
    await chain;
  };
  return { feed, adopted, ruleWrites, events };
}

const rule: PathRule = { pattern: '/files/{name}', kind: 'param' };

describe('followStoreChanges', () => {
  it.each([
    {
      what: 'runtime settings go to the main thread; engine-private keys never do',
      settings: {
        target: 'http://b',
        mode: 'mock',
        adminTokenHash: 'h',
        pathLearner: { rules: [] },
      },
      keys: ['target', 'mode', 'adminTokenHash', 'pathLearner'],
      rules: [],
      events: [{ type: 'settings', values: { target: 'http://b', mode: 'mock' } }],
      ruleWrites: [],
    },
    {
      what: 'path rules that differ are adopted',
      settings: { pathLearner: { rules: [rule] } },
      keys: ['pathLearner'],
      rules: [],
      events: [],
      ruleWrites: [[rule]],
    },
    {
      what: 'equal path rules are left alone (this ends the echo between instances)',
      settings: { pathLearner: { rules: [rule] } },
      keys: ['pathLearner'],
      rules: [rule],
      events: [],
      ruleWrites: [],
    },
  ])('settings: $what', async (c) => {
    const t = setUp(c.settings, [], [], c.rules);
    await t.feed({ kind: 'settings', instance: 'other', keys: c.keys });
    expect(t.events).toEqual(c.events);
    expect(t.ruleWrites).toEqual(c.ruleWrites);
  });

  it('re-reads merged endpoints and treats vanished ones as removed', async () => {
    const t = setUp({}, [endpoint(1, '/a'), endpoint(2, '/b')], [], []);
    await t.feed({ kind: 'endpoints', instance: 'other', ids: [1, 3], removed: [4] });
    expect(t.adopted).toEqual([[[1], [4, 3]]]);
  });

  it("turns another instance's traffic into live entries tagged with its instance", async () => {
    const t = setUp({}, [], [], []);
    await t.feed({
      kind: 'traffic',
      instance: 'other',
      rows: [row, { ...row, exchangeId: 'other-2', health: 'bogus' }],
    });
    expect(t.events).toEqual([
      {
        type: 'live',
        entries: [
          expect.objectContaining({
            id: 'other-1',
            instance: 'other',
            latencyMs: 12.3,
            health: 'HEALTHY',
            time: '2025-01-01T00:00:00.000Z',
          }),
          expect.objectContaining({ id: 'other-2', instance: 'other', health: null }),
        ],
      },
    ]);
  });

  it('on resync reloads every endpoint, drops those gone, and re-applies settings', async () => {
    const t = setUp(
      { learning: false },
      [endpoint(1, '/a')],
      [endpoint(1, '/a'), endpoint(9, '/old')],
      [],
    );
    await t.feed({ kind: 'resync', instance: 'me' });
    expect(t.adopted).toEqual([[[1], [9]]]);
    expect(t.events).toEqual([{ type: 'settings', values: { learning: false } }]);
  });

  it('does nothing for a store without a change feed', () => {
    const unsubscribe = followStoreChanges({
      store: {} as Store,
      engine: {} as Engine,
      enqueue: () => expect.unreachable(),
      emit: () => expect.unreachable(),
      logger: createLogger('silent'),
    });
    expect(unsubscribe()).toBeUndefined();
  });
});
