import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoOrigin, type EchoOrigin } from '../helpers/echo-origin.js';
import { startTestApp, type TestApp } from '../helpers/start-test-app.js';
import {
  HAS_CHROMIUM,
  launchBrowser,
  saveScreenshot,
  signIn,
  type BrowserSession,
  type PageGlobals,
} from './browser-harness.js';

// Each payload both sets window.__pwned and opens a dialog if it ever runs. No quotes in
// them, so their JSON spelling (the JSON views show strings quoted) contains them verbatim.
const IMG = '<img src=x onerror=window.__pwned=1;alert(1)>';
const SVG = '<svg onload=window.__pwned=2;alert(2)>';
const SCRIPT = '<script>window.__pwned=3;alert(3)</script>';
const ENCODED_SCRIPT_SEGMENT = '%3Cscript%3Ewindow.__pwned%3D4%3C%2Fscript%3E';
const DRIFT_WARMUP = 3;

/** Bodies whose keys and values are markup; after `drifted`, the keys change (drift alerts). */
function payloadBody(drifted: boolean): unknown {
  return drifted
    ? { [SVG]: 42, comment: IMG }
    : { [IMG]: SVG, title: SCRIPT, nested: { [SVG]: [IMG, SCRIPT] } };
}

describe.skipIf(!HAS_CHROMIUM)('stored XSS: learned traffic stays text in Chromium', () => {
  let origin: EchoOrigin;
  let app: TestApp;
  let browser: BrowserSession;
  let drifted = false;

  beforeAll(async () => {
    origin = await startEchoOrigin();
    origin.handler = (req, res) => {
      if ((req.url ?? '').startsWith('/xss/broken')) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`upstream failed: ${SCRIPT} ${IMG}`);
        return;
      }
      const body = JSON.stringify(payloadBody(drifted));
      res.writeHead(200, { 'content-type': 'application/json', 'x-payload-note': IMG });
      res.end(body);
    };
    app = await startTestApp({ target: origin.url, store: 'memory', driftWarmup: DRIFT_WARMUP });
    const send = (path: string) =>
      fetch(`${app.proxyUrl}${path}`, { headers: { 'x-payload': SVG, referer: IMG } });
    const query = `?q=${encodeURIComponent(IMG)}`;
    for (let id = 1; id <= DRIFT_WARMUP + 2; id++) await send(`/xss/${id}${query}`);
    await send(`/xss/${ENCODED_SCRIPT_SEGMENT}/view${query}`);
    await send('/xss/broken/now');
    // Drift is judged against the committed model: under load the warm-up could still share a
    // batch with the drifted response, which would then be judged against too few samples.
    await app.flush();
    drifted = true;
    await send('/xss/99');
    await app.flush();
    // bypassCSP: escaping alone must keep payloads inert; the CSP is a second wall.
    browser = await launchBrowser({ bypassCSP: true });
    await signIn(browser.page, app.adminUrl, '/');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await origin?.close();
  });

  /** Nothing ran and no payload became an element; the text itself is on screen. */
  const expectInert = async (visibleText: string[]) => {
    const { page } = browser;
    const state = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return {
        pwned: w.__pwned ?? null,
        injected: w.document.querySelectorAll(
          'img, svg, iframe, script:not([src]), [onerror], [onload]',
        ).length,
      };
    });
    expect(browser.dialogs).toEqual([]);
    expect(state).toEqual({ pwned: null, injected: 0 });
    for (const text of visibleText) {
      const shown = await page.getByText(text, { exact: false }).first().isVisible();
      expect({ text, shown }).toEqual({ text, shown: true });
    }
  };

  it('shows payload paths in the live stream as text', async () => {
    const { page } = browser;
    await page.locator('[data-testid=live-row]', { hasText: '/xss/' }).first().waitFor();
    await expectInert([ENCODED_SCRIPT_SEGMENT]);
    await saveScreenshot(page, 'xss-control-deck');
  });

  it('shows payload keys and values as text in cards, schemas and examples', async () => {
    const { page } = browser;
    await page.goto(`${app.adminUrl}/admin/explorer?q=xss`);
    await page.locator('[data-testid=endpoint-template]', { hasText: '/xss/{id}' }).waitFor();
    await expectInert([ENCODED_SCRIPT_SEGMENT, IMG]);

    const card = page.locator('[data-testid=endpoint-card]', { hasText: '/xss/{id}' });
    await card.locator('[data-testid=endpoint-toggle]').click();
    await card.locator('[data-testid=schema-view][aria-label="200 response"]').waitFor();
    await card
      .locator('[data-testid=schema-view] button.toggle[aria-expanded=false]')
      .first()
      .click();
    await expectInert([IMG, SVG]);
    await saveScreenshot(page, 'xss-explorer-schemas', true);

    await card.locator('[data-testid=tab-examples]').click();
    await card.locator('[data-testid=example]').first().waitFor();
    await expectInert([`"${SCRIPT}"`, `"${SVG}"`]);
    await saveScreenshot(page, 'xss-explorer-examples', true);

    const broken = page.locator('[data-testid=endpoint-card]', { hasText: '/xss/broken/now' });
    await broken.locator('[data-testid=endpoint-toggle]').click();
    await broken.locator('[data-testid=tab-examples]').click();
    await broken.locator('[data-testid=example] pre').waitFor();
    await expectInert([`upstream failed: ${SCRIPT}`]);
  });

  it('shows payload field names as text in the narrated and the raw drift view', async () => {
    const { page } = browser;
    const card = page.locator('[data-testid=endpoint-card]', { hasText: '/xss/{id}' });
    await card.locator('[data-testid=open-drift]').click();
    const alert = card.locator('[data-testid=drift-alert][open]');
    await alert.locator('[data-testid=drift-narrated]').waitFor();
    await expectInert([IMG]);
    await saveScreenshot(page, 'xss-drift-narrated', true);
    await alert.locator('[data-testid=drift-view-raw]').click();
    await alert.locator('[data-testid=drift-raw]').waitFor();
    await expectInert([IMG]);
    await saveScreenshot(page, 'xss-drift-raw', true);
  });

  it.each(['/', '/landing', '/admin/explorer', '/admin/docs', '/admin/login'])(
    'does not reflect a query parameter into %s',
    async (route) => {
      const attack = '</script><script>window.__pwned=5;alert(5)</script>';
      const url = `${app.adminUrl}${route}?token=${encodeURIComponent(attack)}&next=${encodeURIComponent(attack)}`;
      const html = await (await app.admin(`${route}?token=${encodeURIComponent(attack)}`)).text();
      expect(html).not.toContain('window.__pwned');
      await browser.page.goto(url);
      // Module scripts run before the load event: a reflected script would have run by then.
      await browser.page.waitForLoadState('load');
      const pwned = await browser.page.evaluate(
        () => (globalThis as unknown as PageGlobals).__pwned ?? null,
      );
      expect(pwned).toBeNull();
      expect(browser.dialogs).toEqual([]);
      await saveScreenshot(
        browser.page,
        `xss-reflection-${route.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'deck'}`,
      );
    },
  );
});
