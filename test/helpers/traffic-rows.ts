import type { TrafficRow } from '../../src/store/store.js';
import type { TestApp } from './start-test-app.js';

/**
 * The stored traffic rows whose path is `path`, once at least `count` are committed. The
 * proxy captures an exchange when its response closes, which a client may notice first,
 * so this flushes and polls (bounded by `timeoutMs`) instead of reading once.
 */
export async function trafficRows(
  app: TestApp,
  path: string,
  count = 1,
  timeoutMs = 2000,
): Promise<TrafficRow[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await app.flush();
    const rows = (await app.engine.api.listTraffic({ limit: 500, offset: 0 })).items.filter(
      (r) => r.path === path,
    );
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}
