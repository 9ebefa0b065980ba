import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from './browser-harness.js';

const CATALOG_SIZE = 50;
const DRIFT_WARMUP = 5;
/** Enough samples for `plan` to be learned as an enum (core/schema/enum-rule.ts: 20). */
const ACCOUNT_SAMPLES = 24;

/** The backend: 50 catalog endpoints and an account endpoint whose contract changes on demand. */
function accountBody(id: number, drifted: boolean): unknown {
  if (drifted) return { id: `acct-${id}`, email: 'ada@example.com', plan: 'pro' };
  return {
    id,
    email: `user${id}@example.com`,
    nickname: id % 2 === 0 ? 'ada' : null,
    plan: id % 3 === 0 ? 'pro' : 'free',
    ...(id % 2 === 0 ? { bio: 'Writes compilers.' } : {}),
    created_at: '2024-05-01T10:00:00Z',
  };
}

describe.skipIf(!HAS_CHROMIUM)('Explorer in Chromium', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  let browser: BrowserSession;
  let drifted = false;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    origin.handler = (req, res) => {
      const url = req.url ?? '/';
      const account = /^\/accounts\/(\d+)/.exec(url);
      const body = account ? accountBody(Number(account[1]), drifted) : { items: [], url };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    app = await startTestApp({ target: origin.url, store: 'memory', driftWarmup: DRIFT_WARMUP });
    for (let n = 0; n < CATALOG_SIZE; n++) await fetch(`${app.proxyUrl}/pagecat${n}/items`);
    for (let id = 1; id <= ACCOUNT_SAMPLES; id++)
      await fetch(`${app.proxyUrl}/accounts/${id}?expand=true`);
    await app.flush();
    browser = await launchBrowser();
    await signIn(browser.page, app.adminUrl, '/admin/explorer');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await origin?.close();
  });

  const cards = () => browser.page.locator('[data-testid=endpoint-card]');
  const search = async (text: string, expectedCards: number) => {
    await browser.page.fill('[data-testid=explorer-search]', text);
    await browser.page.waitForURL((url) => (url.searchParams.get('q') ?? '') === text);
    await browser.page
      .locator('[data-testid=endpoint-cards][aria-busy=false]')
      .waitFor({ state: 'attached' });
    await expect(cards().count()).resolves.toBe(expectedCards);
  };
  const templatesShown = () =>
    browser.page.locator('[data-testid=endpoint-template]').allTextContents();

  it('searches on the server and pages through 50 endpoints', async () => {
    const { page } = browser;
    await search('pagecat', 20);
    await expect(page.textContent('[data-testid=endpoint-total]')).resolves.toBe(
      '50 endpoints match',
    );
    const seen = new Set<string>();
    for (const [pageNo, range, count] of [
      [1, '1–20', 20],
      [2, '21–40', 20],
      [3, '41–50', 10],
    ] as const) {
      await page
        .locator('[data-testid=page-info]', { hasText: `Page ${pageNo} of 3 · ${range} of 50` })
        .waitFor();
      await expect(cards().count()).resolves.toBe(count);
      for (const template of await templatesShown()) seen.add(template);
      await saveScreenshot(page, `explorer-page-${pageNo}`);
      if (pageNo < 3) await page.click('[data-testid=page-next]');
    }
    expect(seen.size).toBe(CATALOG_SIZE);
    expect([...seen].every((t) => /^\/pagecat\d+\/items$/.test(t))).toBe(true);
    await expect(page.isDisabled('[data-testid=page-next]')).resolves.toBe(true);
    // The page is kept in the address, so a reload shows the same slice.
    expect(new URL(page.url()).searchParams.get('page')).toBe('3');
  });

  it('shows learned schemas with marks and sample counts, examples and charts', async () => {
    const { page } = browser;
    await search('accounts', 1);
    await page.click('[data-testid=endpoint-toggle]');
    const response = page.locator('[data-testid=schema-view][aria-label="200 response"]');
    await response.waitFor();
    const row = (field: string) => response.locator('.tree-row', { hasText: `${field}:` }).first();
    await expect(row('email').textContent()).resolves.toMatch(
      /string.*required.*email.*24 samples/,
    );
    await expect(row('nickname').textContent()).resolves.toMatch(/nullable/);
    await expect(row('bio').textContent()).resolves.toMatch(/optional.*12 samples \(in 12 of 24\)/);
    await expect(row('plan').textContent()).resolves.toMatch(/one of "free", "pro"/);
    await expect(
      page.locator('[data-testid=schema-view][aria-label=query]').textContent(),
    ).resolves.toContain('expand');
    // Collapsing a node hides its fields.
    await response.locator('button.toggle').first().click();
    await expect.poll(() => response.locator('.tree-row', { hasText: 'email:' }).count()).toBe(0);
    await response.locator('button.toggle').first().click();
    await saveScreenshot(page, 'explorer-schemas', true);

    await page.click('[data-testid=tab-examples]');
    await expect(page.locator('[data-testid=example]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid=example]').first().textContent()).resolves.toContain(
      '/accounts/',
    );
    await saveScreenshot(page, 'explorer-examples', true);

    await page.click('[data-testid=tab-charts]');
    await page.locator('[data-testid=latency-chart] canvas').waitFor();
    await page.locator('[data-testid=status-chart] canvas').waitFor();
    await expect(page.locator('[data-testid=latency-chart]').textContent()).resolves.toContain(
      'p95',
    );
    await saveScreenshot(page, 'explorer-charts', true);
  });

  it('opens a drift alert, toggles narrated and raw, and accepts the new shape', async () => {
    const { page } = browser;
    drifted = true;
    for (let id = 1; id <= 2; id++) await fetch(`${app.proxyUrl}/accounts/${id}`);
    await app.flush();
    await page.click('[data-testid=refresh]');
    await page.click('[data-testid=open-drift]');
    const alert = page.locator('[data-testid=drift-alert][open]');
    await alert.waitFor();
    const narrated = alert.locator('[data-testid=drift-narrated]');
    await expect(narrated.textContent()).resolves.toMatch(/BREAKING.*id.*CHANGED TYPE/);
    await saveScreenshot(page, 'explorer-drift-narrated', true);

    await alert.locator('[data-testid=drift-view-raw]').click();
    await expect(alert.locator('[data-testid=drift-raw]').textContent()).resolves.toContain(
      '"type_changed"',
    );
    await expect(narrated.count()).resolves.toBe(0);
    await saveScreenshot(page, 'explorer-drift-raw', true);
    await alert.locator('[data-testid=drift-view-narrated]').click();
    await narrated.waitFor();

    await alert.locator('[data-testid=drift-accept]').click();
    await alert.locator('.badge', { hasText: 'accepted' }).waitFor();
    // The card's badge clears when the overview reloads after the accept, which is asynchronous.
    await page.locator('[data-testid=drift-badge]').waitFor({ state: 'detached' });
    const open = (await (await app.admin('/admin/drift-alerts?unresolved_only=true')).json()) as {
      total: number;
    };
    expect(open.total).toBe(0);
  });

  it('previews, copies and downloads the TypeScript export', async () => {
    const { page } = browser;
    await page.click('[data-testid=export-panel] summary');
    const preview = page.locator('[data-testid=export-preview]');
    await page.locator('[data-testid=export-preview]', { hasText: 'export interface' }).waitFor();
    await expect(preview.textContent()).resolves.toContain('/accounts/{id}');
    await saveScreenshot(page, 'explorer-export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=export-download]'),
    ]);
    expect(download.suggestedFilename()).toBe('api-types.ts');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain('export interface');
    expect(text).toContain('/pagecat49/items');

    await page.click('[data-testid=export-openapi]');
    await page.locator('[data-testid=export-preview]', { hasText: '"openapi"' }).waitFor();
  });

  it('refreshes by hand when auto-sync is off', async () => {
    const { page } = browser;
    await page.uncheck('[data-testid=auto-sync]');
    await search('latecomer', 0);
    await fetch(`${app.proxyUrl}/latecomer/feed`);
    await app.flush();
    await page.waitForTimeout(200);
    await expect(cards().count()).resolves.toBe(0);
    await page.click('[data-testid=refresh]');
    await page.locator('[data-testid=endpoint-template]', { hasText: '/latecomer/feed' }).waitFor();
    await saveScreenshot(page, 'explorer-manual-refresh');
  });

  it('fits a tablet screen without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize(TABLET);
    await search('accounts', 1);
    await page.click('[data-testid=endpoint-toggle]');
    await page.locator('[data-testid=schema-view]').first().waitFor();
    expect(await measureOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'explorer-tablet', true);
  });
});
