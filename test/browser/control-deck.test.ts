import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocketRoute } from 'playwright-core';
import { startEchoOrigin, type EchoOrigin } from '../helpers/echo-origin.js';
import { startTestApp, type TestApp } from '../helpers/start-test-app.js';
import {
  HAS_CHROMIUM,
  launchBrowser,
  measureOverflow,
  saveScreenshot,
  signIn,
  TABLET,
  type BrowserSession,
  type PageGlobals,
} from './browser-harness.js';

/** Loopback budgets from the issue: first meaningful paint, request → live row. */
const PAINT_BUDGET_MS = 1000;
const LIVE_BUDGET_MS = 1000;

describe.skipIf(!HAS_CHROMIUM)('Control Deck in Chromium', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  let browser: BrowserSession;
  let probe = 100;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    origin.handler = (_req, res) => {
      const body = JSON.stringify({ id: 7, name: 'Ada', email: 'ada@example.com' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    };
    app = await startTestApp({ target: origin.url, store: 'memory' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await origin?.close();
  });

  const liveRow = (path: string) =>
    browser.page.locator('[data-testid=live-row]', { hasText: path }).first();
  const nextProbe = () => `/deckprobe/${probe++}`;

  it('signs in through the login page and shows the Control Deck', async () => {
    await signIn(browser.page, app.adminUrl, '/');
    await browser.page.locator('[data-testid=health-banner]').waitFor();
    await expect(browser.page.locator('header.top').textContent()).resolves.toContain('Sign out');
    await saveScreenshot(browser.page, 'deck-signed-in');
  });

  it('paints the Control Deck with live health in under 1 s', async () => {
    const { page } = browser;
    await page.goto(`${app.adminUrl}/`);
    // Polled every animation frame inside the page: the time the live banner was first there.
    const banner = await page.waitForFunction(
      () => {
        const w = globalThis as unknown as PageGlobals;
        return w.document.querySelector('[data-testid=health-banner][data-state=live]')
          ? w.performance.now()
          : null;
      },
      undefined,
      { polling: 'raf' },
    );
    const bannerMs = (await banner.jsonValue()) as number;
    // The paint entry is queued after the frame is presented, which a loaded machine delays:
    // wait for it rather than read it once (its startTime is still the paint's own time).
    const fcp = await page.waitForFunction(() => {
      const w = globalThis as unknown as PageGlobals;
      const paint = w.performance.getEntriesByType('paint');
      return paint.find((e) => e.name === 'first-contentful-paint')?.startTime ?? null;
    });
    const fcpMs = (await fcp.jsonValue()) as number;
    console.log(
      `Control Deck: first contentful paint ${fcpMs.toFixed(0)} ms, live health banner ${bannerMs.toFixed(0)} ms`,
    );
    expect(fcpMs).toBeLessThan(PAINT_BUDGET_MS);
    expect(bannerMs).toBeLessThan(PAINT_BUDGET_MS);
    await saveScreenshot(page, 'deck-first-paint');
  });

  it('shows a proxied request in the live stream within 1 s', async () => {
    const { page } = browser;
    await page.locator('[data-testid=live-status]', { hasText: 'online' }).waitFor();
    const path = nextProbe();
    const started = Date.now();
    const response = await fetch(`${app.proxyUrl}${path}`);
    expect(response.status).toBe(200);
    await liveRow(path).waitFor({ timeout: LIVE_BUDGET_MS });
    expect(Date.now() - started).toBeLessThan(LIVE_BUDGET_MS);
    await expect(liveRow(path).locator('[data-testid=live-source]').textContent()).resolves.toBe(
      'proxy',
    );
    await saveScreenshot(page, 'deck-live-stream');
  });

  it('switches to mock and the source column follows', async () => {
    const { page } = browser;
    await app.flush();
    await page.click('[data-testid=mode-mock]');
    await page.locator('[data-testid=mode-mock][aria-pressed=true]').waitFor();
    const path = nextProbe();
    const response = await fetch(`${app.proxyUrl}${path}`);
    expect(response.status).toBe(200);
    await expect(liveRow(path).locator('[data-testid=live-source]').textContent()).resolves.toBe(
      'mock',
    );
    await saveScreenshot(page, 'deck-mock-mode');
    await page.click('[data-testid=mode-proxy]');
    await page.locator('[data-testid=mode-proxy][aria-pressed=true]').waitFor();
    const after = nextProbe();
    await fetch(`${app.proxyUrl}${after}`);
    await expect(liveRow(after).locator('[data-testid=live-source]').textContent()).resolves.toBe(
      'proxy',
    );
  });

  it.each([
    { name: 'metadata', target: 'http://169.254.169.254/latest/meta-data' },
    { name: 'scheme', target: 'ftp://files.example.com/' },
    { name: 'garbage', target: 'not a url' },
  ])('shows an invalid target ($name) inline and keeps the old one', async ({ name, target }) => {
    const { page } = browser;
    await page.fill('[data-testid=target-input]', target);
    await page.click('[data-testid=target-save]');
    const error = page.locator('[data-testid=target-error]');
    await error.waitFor();
    expect((await error.textContent())?.trim().length).toBeGreaterThan(0);
    await expect(page.getAttribute('[data-testid=target-input]', 'aria-invalid')).resolves.toBe(
      'true',
    );
    const config = (await (await app.admin('/admin/config')).json()) as { target_url: string };
    expect(config.target_url).toBe(origin.url);
    await saveScreenshot(page, `deck-invalid-target-${name}`);
  });

  it('applies per-endpoint chaos and shows a rejected value inline', async () => {
    const { page } = browser;
    await page.fill('[data-testid=endpoint-chaos-search]', 'deckprobe');
    await page
      .locator('[data-testid=endpoint-chaos] button', { hasText: '/deckprobe/{id}' })
      .click();
    await page.fill('[data-testid=endpoint-chaos-errorRate]', '100');
    await page.fill('[data-testid=endpoint-chaos-errorStatus]', '799');
    await page.click('[data-testid=endpoint-chaos-save]');
    await page.locator('[data-testid=endpoint-chaos-error]', { hasText: 'errorStatus' }).waitFor();

    await page.fill('[data-testid=endpoint-chaos-errorStatus]', '503');
    await page.click('[data-testid=endpoint-chaos-save]');
    await page.locator('[data-testid=endpoint-chaos] >> text=Saved').waitFor();
    const path = nextProbe();
    expect((await fetch(`${app.proxyUrl}${path}`)).status).toBe(503);
    await expect(liveRow(path).locator('[data-testid=live-source]').textContent()).resolves.toBe(
      'chaos',
    );
    await saveScreenshot(page, 'deck-endpoint-chaos');

    await page.locator('[data-testid=endpoint-chaos] button', { hasText: 'Turn off' }).click();
    await page.locator('[data-testid=endpoint-chaos] >> text=Endpoint chaos is off').waitFor();
    expect((await fetch(`${app.proxyUrl}${nextProbe()}`)).status).toBe(200);
  });

  it('says when the live stream is offline and reconnects by itself', async () => {
    const { page } = browser;
    let blocked = false;
    const open: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/admin\/ws/, (ws) => {
      if (blocked) return ws.close({ code: 1011, reason: 'test outage' });
      ws.connectToServer();
      open.push(ws);
    });
    await page.goto(`${app.adminUrl}/`);
    await page.locator('[data-testid=live-status]', { hasText: 'online' }).waitFor();

    blocked = true;
    for (const ws of open) await ws.close({ code: 1011, reason: 'test outage' });
    await page.locator('.offline', { hasText: 'offline' }).waitFor();
    await saveScreenshot(page, 'deck-offline');

    blocked = false;
    await page
      .locator('[data-testid=live-status]', { hasText: 'online' })
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.offline').count()).toBe(0);
    const path = nextProbe();
    await fetch(`${app.proxyUrl}${path}`);
    await liveRow(path).waitFor();
    await page.unrouteAll();
  });

  it('fits a tablet screen without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize(TABLET);
    await page.goto(`${app.adminUrl}/`);
    await page.locator('[data-testid=health-banner][data-state=live]').waitFor();
    expect(await measureOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'deck-tablet', true);
  });
});
