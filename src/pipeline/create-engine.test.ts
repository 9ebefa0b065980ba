import { describe, expect, it } from 'vitest';
import type { Exchange } from '../core/exchange.js';
import { createLogger } from '../logger.js';
import { openMemoryStore } from '../store/memory/memory-store.js';
import { createEngine, type EngineEvent } from './create-engine.js';

const exchange = (i: number): Exchange => ({
  id: `e-${i}`,
  startedAt: Date.UTC(2026, 0, 1) + i,
  method: 'GET',
  path: `/items/${i}`,
  query: '',
  status: 200,
  source: 'proxy',
  outcome: 'ok',
  latencyMs: 3,
  requestHeaders: {},
  responseHeaders: { 'content-type': 'application/json' },
  learn: true,
  requestSize: 0,
  responseSize: 10,
});

describe('createEngine live entries', () => {
  it('emits every live entry, or only the newest liveLimit of them, and records every exchange', async () => {
    const events: EngineEvent[] = [];
    const store = openMemoryStore({ trafficLogLimit: 1000 });
    const engine = await createEngine({
      store,
      logger: createLogger('silent'),
      instanceId: 'test',
      captureMaxBytes: 1024,
      emit: (event) => events.push(event),
    });
    const live = () =>
      events.flatMap((e) => (e.type === 'live' ? [e.entries.map((entry) => entry.id)] : []));
    await engine.processBatch(Array.from({ length: 150 }, (_, i) => exchange(i)));
    await engine.processBatch(
      Array.from({ length: 150 }, (_, i) => exchange(150 + i)),
      100,
    );
    const [all, newest] = live();
    expect(all).toHaveLength(150);
    expect(newest).toEqual(Array.from({ length: 100 }, (_, i) => `e-${200 + i}`));
    expect(await store.countTraffic()).toBe(300);
    await engine.close();
  });
});
