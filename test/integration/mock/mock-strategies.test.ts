import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../src/config/load-config.js';
import { sendRequest } from '../../helpers/send-request.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { driveApiTraffic } from '../learning/fixtures/drive-api-traffic.js';
import {
  compileSchema,
  fetchLearnedEndpoints,
  schemaErrors,
  type EndpointView,
} from '../learning/fixtures/fetch-learned-endpoints.js';
import { startApiBackend } from '../learning/fixtures/start-api-backend.js';

type Overrides = Partial<Omit<Config, 'explicit'>>;

const bodyOf = async (app: TestApp, path: string) => {
  const response = await sendRequest(app.proxyPort, { path });
  expect(response.headers['x-mock-source']).toBe('mock');
  return JSON.parse(response.body.toString()) as unknown;
};

/**
 * One learning run into a SQLite store, then each test restarts the app in mock mode on the
 * same store with other mock options (which also shows the model is loaded at start).
 */
describe('mock strategies and options on a model loaded from the store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'am-mock-strategies-'));
  let users: EndpointView;
  let list: EndpointView;

  beforeAll(async () => {
    const backend = await startApiBackend();
    const learner = await startTestApp({ target: backend.url, dataDir });
    try {
      await driveApiTraffic(learner, 10);
      const learned = await fetchLearnedEndpoints(learner);
      users = learned.get('GET /users/{id}')!;
      list = learned.get('GET /users')!;
    } finally {
      await learner.stop();
      await backend.stop();
    }
  }, 60_000);

  let app: TestApp | undefined;
  const restart = async (overrides: Overrides) => {
    await app?.stop();
    app = await startTestApp({ dataDir, mode: 'mock', mockLatency: 'off', ...overrides });
    return app;
  };
  afterAll(async () => {
    await app?.stop();
  });

  it('replay serves recorded examples: the exact one for a recorded path, any other otherwise', async () => {
    const mock = await restart({ mockStrategy: 'replay' });
    const examples = users.examples['200']!;
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(await bodyOf(mock, example.path)).toEqual(example.responseBody);
    }
    const recorded = examples.map((e) => JSON.stringify(e.responseBody));
    expect(recorded).toContain(JSON.stringify(await bodyOf(mock, '/users/777')));
  });

  it('hybrid replays the example of the exact request and generates for any other', async () => {
    const mock = await restart({ mockStrategy: 'hybrid' });
    const example = users.examples['200']![0]!;
    expect(await bodyOf(mock, example.path)).toEqual(example.responseBody);
    const generated = (await bodyOf(mock, '/users/777')) as { id: unknown };
    expect(generated.id).toBe(777);
    expect(schemaErrors(compileSchema(users.responses['200']!.schema), generated)).toBe('');
    const recorded = users.examples['200']!.map((e) => JSON.stringify(e.responseBody));
    expect(recorded).not.toContain(JSON.stringify(generated));
  });

  it('--mock-seed makes bodies reproducible without a header; X-Mock-Seed still varies them', async () => {
    const mock = await restart({ mockSeed: 1234 });
    const first = await bodyOf(mock, '/users?page=3');
    expect(await bodyOf(mock, '/users?page=3')).toEqual(first);
    const other = await sendRequest(mock.proxyPort, {
      path: '/users?page=3',
      headers: { 'x-mock-seed': '99' },
    });
    expect(JSON.parse(other.body.toString())).not.toEqual(first);
    expect(schemaErrors(compileSchema(list.responses['200']!.schema), first)).toBe('');
  });

  it('--mock-latency: a fixed delay holds every mock; off answers at once', async () => {
    const timed = async (mock: TestApp) => {
      const started = performance.now();
      const response = await sendRequest(mock.proxyPort, { path: '/health' });
      expect(response.status).toBe(200);
      return performance.now() - started;
    };
    const slow = await restart({ mockLatency: '300' });
    for (let i = 0; i < 3; i++) expect(await timed(slow)).toBeGreaterThanOrEqual(299);
    const fast = await restart({ mockLatency: 'off' });
    const times = [];
    for (let i = 0; i < 5; i++) times.push(await timed(fast));
    // Generous for a loaded machine: only the absence of the 300 ms wait is checked.
    expect(Math.min(...times)).toBeLessThan(150);
  });
});
