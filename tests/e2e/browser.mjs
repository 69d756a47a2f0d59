// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core (no browser download), and the release build served locally.
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.CLAUSEBOOK_DIST ?? join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch({ dist = DIST, prefix = '' } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // For experiments, e.g. CLAUSEBOOK_CHROMIUM_ARGS=--js-flags=--no-wasm-lazy-compilation
      ...(process.env.CLAUSEBOOK_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  });
  const server = await startServer(dist, 0, { prefix });
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return {
    browser,
    base,
    server,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/// A fresh page (own storage) that fails the test on any uncaught error.
export async function newPage(env, { width = 1280, height = 900 } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  return page;
}

export function shot(page, name) {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/// Creates a workbook through the welcome form and waits for its Overview.
export async function createWorkbook(page, base, name = 'Harbour Street IT') {
  await page.goto(base + '/');
  await page.getByLabel('Organisation name').fill(name);
  await page.getByLabel('Scope').fill('Managed desktops and hosting for small offices in Bristol.');
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

// Where the open workbook's copy in force is stored: the list names the
// workbooks, `clausebook.active` the open one, and its head the slot.
function slotKey() {
  const lib = JSON.parse(localStorage.getItem('clausebook.library') || '{"workbooks":[]}');
  const live = lib.workbooks.filter((w) => !w.deleted_at);
  let id = localStorage.getItem('clausebook.active');
  if (!live.some((w) => w.id === id)) id = live[0]?.id;
  if (!id) return null;
  const head = JSON.parse(localStorage.getItem(`clausebook.wb.${id}.head`) || 'null');
  return head ? `clausebook.wb.${id}.${head.slot.toLowerCase()}` : null;
}

/// The stored text of the open workbook (null if none).
export function storedRaw(page) {
  return page.evaluate(`(${slotKey})() && localStorage.getItem((${slotKey})())`);
}

/// Changes the stored open workbook in place (as if an older or other copy of the app wrote it).
export async function editStored(page, change, arg) {
  await page.evaluate(
    ([key, change, arg]) => {
      const stored = JSON.parse(localStorage.getItem(key));
      new Function('stored', 'arg', change)(stored, arg);
      localStorage.setItem(key, JSON.stringify(stored));
    },
    [await page.evaluate(`(${slotKey})()`), change, arg],
  );
}
