import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoOrigin, type EchoOrigin } from '../helpers/echo-origin.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../helpers/start-test-app.js';
import {
  HAS_CHROMIUM,
  LAPTOP,
  launchBrowser,
  measureOverflow,
  saveScreenshot,
  signIn,
  TABLET,
  type BrowserSession,
} from './browser-harness.js';

/** The setup polls every 3 s; a step may take one poll to tick. */
const POLL_WAIT_MS = 8000;

describe.skipIf(!HAS_CHROMIUM)('landing page, shared header and sign-out in Chromium', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    // Started without a target: the guided setup begins at step 1.
    app = await startTestApp({ store: 'memory' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await origin?.close();
  });

  const step = (n: number) => browser.page.locator(`[data-testid=setup-step-${n}]`);

  it('explains the product to a visitor and offers to sign in', async () => {
    const { page } = browser;
    await page.goto(`${app.adminUrl}/landing`);
    await page.locator('[data-testid=setup-sign-in]').waitFor();
    await expect(page.locator('header.top [data-testid=sign-in]').count()).resolves.toBe(1);
    for (const n of [1, 2, 3, 4]) await step(n).waitFor();
    await expect(page.textContent('h1')).resolves.toContain('digital twin');
    await saveScreenshot(page, 'landing-visitor', true);
  });

  it('walks a signed-in user through target, traffic and mock mode', async () => {
    const { page } = browser;
    await page.click('[data-testid=setup-sign-in]');
    await page.waitForURL((url) => url.pathname === '/admin/login');
    await page.fill('#token', TEST_TOKEN);
    await page.press('#token', 'Enter');
    await page.waitForURL((url) => url.pathname === '/landing');
    await step(1).locator('[data-testid=target-input]').waitFor();
    await expect(step(1).getAttribute('class')).resolves.not.toContain('done');

    await step(1).locator('[data-testid=target-input]').fill(origin.url);
    await step(1).locator('[data-testid=target-save]').click();
    await page.locator('[data-testid=setup-step-1].done').waitFor({ timeout: POLL_WAIT_MS });

    await fetch(`${app.proxyUrl}/guided/tour`);
    await app.flush();
    await page.locator('[data-testid=setup-step-2].done').waitFor({ timeout: POLL_WAIT_MS });
    await expect(step(2).textContent()).resolves.toMatch(/\d+ endpoints? learned so far/);

    await page.click('[data-testid=setup-mode]');
    await page.locator('[data-testid=setup-step-3].done').waitFor({ timeout: POLL_WAIT_MS });
    const config = (await (await app.admin('/admin/config')).json()) as {
      mode: string;
      target_url: string;
    };
    expect(config).toMatchObject({ mode: 'mock', target_url: origin.url });
    await saveScreenshot(page, 'landing-guided-setup', true);
    await page.click('[data-testid=setup-mode]');
    await page.locator('[data-testid=setup-step-3]:not(.done)').waitFor({ timeout: POLL_WAIT_MS });
  });

  it.each([
    { route: '/', ready: '[data-testid=health-banner][data-state=live]' },
    { route: '/admin/explorer', ready: '[data-testid=endpoint-cards][aria-busy=false]' },
    { route: '/landing', ready: '[data-testid=setup-step-1] [data-testid=target-input]' },
  ])('$route is readable on a laptop and a tablet', async ({ route, ready }) => {
    const { page } = browser;
    const name = route === '/' ? 'deck' : route.split('/').pop();
    for (const [device, viewport] of [
      ['laptop', LAPTOP],
      ['tablet', TABLET],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${app.adminUrl}${route}`);
      await page.locator(ready).waitFor({ state: 'attached' });
      expect(await measureOverflow(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, `page-${name}-${device}`);
    }
    await page.setViewportSize(LAPTOP);
  });

  it('links the docs from the shared header and signs out', async () => {
    const { page } = browser;
    await page.goto(`${app.adminUrl}/admin/explorer`);
    await page.click('header.top >> text=API docs');
    await page.waitForURL((url) => url.pathname === '/admin/docs');
    await page.locator('#swagger .swagger-ui').waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'page-docs-laptop');

    await page.goto(`${app.adminUrl}/`);
    await page.click('[data-testid=sign-out]');
    await page.waitForURL((url) => url.pathname === '/admin/login');
    await saveScreenshot(page, 'page-login-laptop');
    await page.goto(`${app.adminUrl}/admin/explorer`);
    await page.waitForURL((url) => url.pathname === '/admin/login');
    await signIn(page, app.adminUrl, '/');
  });
});
