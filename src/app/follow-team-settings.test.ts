import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import type { EngineEvent } from '../pipeline/create-engine.js';
import type { EngineClient } from '../pipeline/engine-client.js';
import { RuntimeState, type Target } from '../state/runtime-state.js';
import { followTeamSettings } from './follow-team-settings.js';

const targetOf = (url: string): Target => {
  const parsed = new URL(url);
  return {
    url,
    protocol: 'http:',
    hostname: parsed.hostname,
    port: Number(parsed.port),
    basePath: '',
    authority: parsed.host,
  };
};

function setUp(rejected: string[] = []) {
  const events = new EventEmitter<{ event: [EngineEvent] }>();
  const engine = {
    on: (_: 'event', listener: (e: EngineEvent) => void) => void events.on('event', listener),
  } as unknown as EngineClient;
  const state = new RuntimeState({
    target: targetOf('http://127.0.0.1:1'),
    mode: 'proxy',
    learning: true,
  });
  const team = followTeamSettings({
    engine,
    state,
    checkTarget: (input) =>
      rejected.includes(String(input))
        ? Promise.reject(new Error('not allowed'))
        : Promise.resolve(targetOf(String(input))),
    logger: createLogger('silent'),
  });
  // What create-app's persist listener would write back: only local changes.
  const persisted: string[] = [];
  const changed: string[] = [];
  state.on('change', (_snapshot, key) => {
    changed.push(key);
    if (!team.applying()) persisted.push(key);
  });
  const send = async (values: Record<string, unknown>) => {
    events.emit('event', { type: 'settings', values });
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { state, send, persisted, changed };
}

describe('followTeamSettings', () => {
  it.each([
    {
      values: { target: 'http://127.0.0.1:2' },
      changed: ['target'],
      target: 'http://127.0.0.1:2',
      mode: 'proxy',
      learning: true,
    },
    {
      values: { target: null },
      changed: ['target'],
      target: undefined,
      mode: 'proxy',
      learning: true,
    },
    {
      values: { mode: 'mock', learning: false },
      changed: ['mode', 'learning'],
      target: 'http://127.0.0.1:1',
      mode: 'mock',
      learning: false,
    },
    {
      values: { target: 'http://127.0.0.1:1', mode: 'proxy', learning: true },
      changed: [],
      target: 'http://127.0.0.1:1',
      mode: 'proxy',
      learning: true,
    },
    {
      values: { mode: 'chaos', learning: 'yes', chaos: { rate: 1 } },
      changed: [],
      target: 'http://127.0.0.1:1',
      mode: 'proxy',
      learning: true,
    },
    {
      values: { target: 'http://10.0.0.1:80', mode: 'mock' },
      changed: ['mode'],
      target: 'http://127.0.0.1:1',
      mode: 'mock',
      learning: true,
    },
  ])('applies $values without persisting it again', async (c) => {
    const t = setUp(['http://10.0.0.1:80']);
    await t.send(c.values);
    expect(t.changed).toEqual(c.changed);
    expect(t.persisted).toEqual([]);
    expect(t.state.snapshot()).toEqual({
      target: c.target ? targetOf(c.target) : undefined,
      mode: c.mode,
      learning: c.learning,
    });
  });

  it('still persists local changes afterwards', async () => {
    const t = setUp();
    await t.send({ mode: 'mock' });
    t.state.setLearning(false);
    expect(t.persisted).toEqual(['learning']);
  });
});
