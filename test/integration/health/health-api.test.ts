import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEntry } from '../../../src/contract/live-messages.js';
import { createRng } from '../../../src/core/random.js';
import { startTestApp, type TestApp } from '../../helpers/start-test-app.js';
import { openLiveStream, type LiveStream } from '../drift/open-live-stream.js';
import { createTwoPointDelays } from './create-two-point-delays.js';
import { findEndpointId, readHealth, type HealthReport } from './read-health.js';
import { sendConcurrently } from './send-concurrently.js';
import {
  startScriptedBackend,
  type ScriptedBackend,
  type ScriptedReply,
} from './scripted-backend.js';

const SEED = 99;
const MEAN_MS = 100;
const HEALTHY = ['/healthy-a', '/healthy-b', '/healthy-c'];
/**
 * Healthy endpoints get fewer requests than any detector's warm-up (latency 30, errors 10
 * outcomes, sizes 10 bodies): nothing can be judged on them, so they are exactly 100.
 */
const HEALTHY_REQUESTS = 10;
/**
 * The critical endpoint answers in 0 or 200 ms (CV 1, so only beyond 6σ is a spike: stalls
 * of a loaded machine are not), then a 10× latency spike (−22.5) and 5 errors (−37.5) → 40.
 */
const WARM_REQUESTS = 40;
const ERRORS = 5;
const CRITICAL_REQUESTS = WARM_REQUESTS + 1 + ERRORS;

/** Text exposition format 0.0.4: `name{label="value",…} value [timestamp]`. */
const LABEL = String.raw`[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"`;
const SAMPLE_LINE = new RegExp(
  String.raw`^[a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:${LABEL}(?:,${LABEL})*)?\})? ` +
    String.raw`(?:NaN|[+-]Inf|[+-]?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?: -?\d+)?$`,
);
const COMMENT_LINE =
  /^# (?:HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (?:counter|gauge|histogram|summary|untyped))$/;

describe('health: scores, API, live stream and Prometheus metrics', () => {
  let backend: ScriptedBackend;
  let app: TestApp;
  let live: LiveStream;
  let reply: () => ScriptedReply;
  let criticalId: number;

  const send = (path: string, count: number, concurrency = 10) =>
    sendConcurrently(app.proxyPort, count, concurrency, () => ({ path }));
  const getJson = async (path: string) => {
    const response = await app.admin(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const delay = createTwoPointDelays(createRng(SEED), MEAN_MS, 1);
    backend = await startScriptedBackend(({ path }) =>
      path === '/critical' ? reply() : { body: { path } },
    );
    // The 1 s spike must not meet the test app's default header timeout (1.5 s) on a slow run.
    app = await startTestApp({ target: backend.url, store: 'memory', headersTimeoutMs: 5000 });
    live = await openLiveStream(app);
    await Promise.all(HEALTHY.map((path) => send(path, HEALTHY_REQUESTS)));
    reply = () => ({ body: { ok: true }, delayMs: delay() });
    await send('/critical', WARM_REQUESTS);
    criticalId = await findEndpointId(app, 'GET', '/critical');
    reply = () => ({ body: { ok: true }, delayMs: 10 * MEAN_MS });
    await send('/critical', 1);
    reply = () => ({ status: 500, body: { error: 'boom' } });
    await send('/critical', ERRORS, 1);
    await readHealth(app, criticalId, CRITICAL_REQUESTS);
    for (const path of HEALTHY)
      await readHealth(app, await findEndpointId(app, 'GET', path), HEALTHY_REQUESTS);
  });
  afterAll(async () => {
    live.close();
    await app.stop();
    await backend.close();
  });

  it('global score = 0.7·average + 0.3·worst (one CRITICAL, three HEALTHY endpoints)', async () => {
    const { body } = await getJson('/admin/health');
    const report = body as unknown as HealthReport;
    const scores = report.endpoints.map((e) => e.health?.score ?? -1).sort((a, b) => a - b);
    expect(scores).toEqual([40, 100, 100, 100]);
    const critical = report.endpoints.find((e) => e.id === criticalId)!;
    expect(critical.health).toMatchObject({ score: 40, status: 'CRITICAL' });
    expect(critical.health?.anomalies.map((a) => [a.type, a.severity]).sort()).toEqual([
      ['error_spike', 'high'],
      ['latency_spike', 'high'],
    ]);
    for (const anomaly of critical.health!.anomalies) expect(anomaly.message).toMatch(/\w+ \d/);

    const average = (40 + 3 * 100) / 4;
    expect(report.global).toEqual({
      score: 0.7 * average + 0.3 * 40,
      status: 'DEGRADED',
      monitoredEndpoints: 4,
      activeAnomalies: 2,
    });
    expect(report.global.score).toBe(71.5);
    expect((await getJson('/admin/health/global')).body).toEqual(report.global);
  });

  it('pushes the global score on the live stream; entries carry their endpoint health', async () => {
    await live.waitFor((m) => m.type === 'health' && m.health.score === 71.5);
    await live.waitFor(
      (m) => m.type === 'entries' && m.entries.some((e) => e.health === 'CRITICAL'),
    );
    const entries = live.messages.flatMap((m): LiveEntry[] =>
      m.type === 'entries' || m.type === 'initial' ? m.entries : [],
    );
    const healthy = entries.filter((e) => HEALTHY.includes(e.path));
    expect(healthy.length).toBeGreaterThan(0);
    expect(healthy.every((e) => e.health === 'HEALTHY')).toBe(true);
    const critical = entries.filter((e) => e.path === '/critical');
    expect(critical.at(-1)?.health).toBe('CRITICAL');
  });

  it('GET /admin/health/{id}: snapshot plus a bounded per-minute history', async () => {
    const full = await getJson(`/admin/health/${criticalId}`);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      endpoint: { id: criticalId, method: 'GET', template: '/critical' },
      current: { score: 40, observations: CRITICAL_REQUESTS },
    });
    const history = full.body.history as { count: number; errorCount: number }[];
    // The test's traffic spans one or two clock minutes.
    expect(history.length).toBeGreaterThanOrEqual(1);
    expect(history.length).toBeLessThanOrEqual(2);
    expect(history.reduce((n, p) => n + p.count, 0)).toBe(CRITICAL_REQUESTS);
    expect(history.reduce((n, p) => n + p.errorCount, 0)).toBe(ERRORS);
    const one = await getJson(`/admin/health/${criticalId}?limit=1`);
    expect(one.body.history).toEqual(history.slice(-1));
  });

  it.each([
    ['/admin/health/999', 404],
    ['/admin/health/0', 400],
    ['/admin/health/abc', 400],
    ['/admin/health/1?limit=0', 400],
    ['/admin/health/1?limit=121', 400],
  ])('GET %s answers %i', async (path, status) => {
    expect((await getJson(path)).status).toBe(status);
  });

  it('GET /admin/metrics parses as Prometheus text and agrees with the health API', async () => {
    const response = await app.admin('/admin/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    // The parser throws on a malformed line; every family must be declared once, typed and documented.
    const families = parsePrometheusTextFormat(text);
    const byName = new Map(families.map((f) => [f.name, f]));
    expect(byName.size).toBe(families.length);
    for (const family of families) {
      expect(family.help).not.toBe('');
      expect(family.type).not.toBe('UNTYPED');
    }
    // The parser folds a labelled histogram into one unlabelled series, so every line is also
    // held to the exposition grammar and histogram series are read from the lines themselves.
    const lines = text.split('\n').filter((line) => line !== '');
    for (const line of lines)
      expect(line).toMatch(line.startsWith('#') ? COMMENT_LINE : SAMPLE_LINE);

    const family = (name: string, type: PrometheusFamily['type']) => {
      const found = byName.get(name);
      expect(found?.type).toBe(type);
      return found!.metrics;
    };
    const ofCritical = (labels?: Record<string, string>) => labels?.template === '/critical';
    const requests = family('adaptive_mock_requests_total', 'COUNTER').filter((m) =>
      ofCritical(m.labels),
    );
    expect(requests.reduce((n, m) => n + Number(m.value), 0)).toBe(CRITICAL_REQUESTS);
    expect(requests.find((m) => m.labels?.status === '500')?.value).toBe(String(ERRORS));

    family('adaptive_mock_request_duration_seconds', 'HISTOGRAM');
    const series = (suffix: string) =>
      lines
        .filter((l) => l.startsWith(`adaptive_mock_request_duration_seconds_${suffix}{`))
        .filter((l) => l.includes('template="/critical"'))
        .map((l) => ({ le: /le="([^"]+)"/.exec(l)?.[1], value: Number(l.split(' ').at(-1)) }));
    expect(series('count').map((s) => s.value)).toEqual([CRITICAL_REQUESTS]);
    const buckets = new Map(series('bucket').map((b) => [b.le, b.value]));
    expect(buckets.get('+Inf')).toBe(CRITICAL_REQUESTS);
    // The 1 s spike lands above the 0.5 s bucket and within the 2.5 s one.
    expect(buckets.get('2.5')! - buckets.get('0.5')!).toBe(1);

    const scores = family('adaptive_mock_endpoint_health_score', 'GAUGE');
    expect(scores).toHaveLength(4);
    expect(scores.find((m) => ofCritical(m.labels))?.value).toBe('40');
    expect(family('adaptive_mock_global_health_score', 'GAUGE')[0]?.value).toBe('71.5');
    expect(family('adaptive_mock_capture_dropped', 'GAUGE')[0]?.value).toBe('0');
  });
});
