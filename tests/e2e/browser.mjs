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
      // (how stop 16 found that first-call compiles dominated the preview).
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
      // The copy of the Overview's figures (src/ui/boot.rs) no longer
      // matches; a writer that does not know of it leaves none.
      localStorage.removeItem(key.replace(/\.[ab]$/, '.overview'));
    },
    [await page.evaluate(`(${slotKey})()`), change, arg],
  );
  await clearMirror(page);
}

/// The start-up mirror (src/startup.rs) of the app's namespace in the page:
/// `op` is 'get' (its entries, key → text, or null), 'put' (stores `value`)
/// or 'delete'.
function mirror(page, op, value) {
  return page.evaluate(
    ([op, value]) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('clausebook', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('start');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('start', op === 'get' ? 'readonly' : 'readwrite');
          const store = tx.objectStore('start');
          const request = op === 'get' ? store.get('mirror') : op === 'put' ? store.put(value, 'mirror') : store.delete('mirror');
          tx.oncomplete = () => {
            open.result.close();
            ok(op === 'get' ? (request.result ?? null) : undefined);
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    [op, value],
  );
}

export const readMirror = (page) => mirror(page, 'get');
export const writeMirror = (page, entries) => mirror(page, 'put', entries);
/// Removes the mirror, as a writer that does not know of it would leave
/// none: the next start reads local storage.
export const clearMirror = (page) => mirror(page, 'delete');

/// Waits (up to two seconds) until the mirror satisfies `ok`.
export async function mirrorUntil(page, ok) {
  for (let i = 0; i < 100; i++) {
    if (ok(await readMirror(page))) return;
    await page.waitForTimeout(20);
  }
  throw new Error(`the mirror never got there: ${JSON.stringify(await readMirror(page)).slice(0, 300)}`);
}
