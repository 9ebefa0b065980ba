import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TEST_TOKEN } from '../helpers/start-test-app.js';

/** Debian's Chromium (`.ci/run` installs it when missing). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
if (!HAS_CHROMIUM) {
  console.warn(
    `Browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install chromium, or run .ci/run).`,
  );
}

/** Compiled to <outDir>/test/browser/: the repository root is three levels up. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 820, height: 1180 };

/** Every wait in the browser suites gives up after this long. */
export const WAIT_MS = 5000;

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Dialogs (alert/confirm/prompt) the pages opened: must stay empty. */
  dialogs: string[];
  /** Uncaught page errors, for diagnosis when a test fails. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium on a fresh profile directory with one page. `bypassCSP` lets
 * the XSS suite prove that escaping alone (not only the CSP) keeps payloads inert.
 */
export async function launchBrowser(
  options: { bypassCSP?: boolean } = {},
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'am-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: LAPTOP,
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
    timeout: 20_000,
  });
  context.setDefaultTimeout(WAIT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const session: BrowserSession = {
    context,
    page,
    dialogs: [],
    errors: [],
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  context.on('dialog', (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => session.errors.push(error.message));
  return session;
}

/** Saves a PNG under test-output/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Signs in through the login page with the test token and lands on `next`. */
export async function signIn(page: Page, adminUrl: string, next = '/'): Promise<void> {
  await page.goto(`${adminUrl}${next}`);
  await page.waitForURL((url) => url.pathname === '/admin/login');
  await page.fill('#token', TEST_TOKEN);
  await page.press('#token', 'Enter');
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * The page globals that callbacks run inside the browser use. This project compiles without
 * the DOM lib, so a callback reads them as `globalThis as unknown as PageGlobals` (the cast is
 * erased; the function runs in the page).
 */
export interface PageGlobals {
  document: {
    documentElement: { scrollWidth: number };
    querySelector(selector: string): { textContent: string | null } | null;
    querySelectorAll(selector: string): { length: number };
  };
  innerWidth: number;
  performance: {
    now(): number;
    getEntriesByType(type: string): { name: string; startTime: number }[];
  };
  __pwned?: unknown;
}

/** How far the page is wider than the viewport (≤ 0: no horizontal scrolling). */
export function measureOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return w.document.documentElement.scrollWidth - w.innerWidth;
  });
}
