// Shared set-up for the end-to-end tests: Debian's browsers through
// playwright-core (no browser download), and the release build served locally.
// CLAUSEBOOK_ENGINE picks the engine: chromium (the default) over CDP, or
// firefox (Debian's firefox-esr) over WebDriver BiDi, where that Firefox
// knows the BiDi commands playwright-core needs (ESR 153 does, ESR 140 does
// not: firefox-check.mjs, asked first by .ci/test). WebKit has no driver
// playwright can use here; tests/e2e/webdriver/ drives WebKit, and Firefox
// too (every ESR, through geckodriver), over WebDriver classic.
import { chromium, firefox } from 'playwright-core';
import { startServer } from './serve.mjs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.CLAUSEBOOK_DIST ?? join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const ENGINE = process.env.CLAUSEBOOK_ENGINE ?? 'chromium';
if (!['chromium', 'firefox'].includes(ENGINE)) throw new Error(`CLAUSEBOOK_ENGINE=${ENGINE}: use chromium or firefox`);

/// Whether the driver can emulate CSS media (print, prefers-color-scheme):
/// Firefox ESR 153's WebDriver BiDi cannot, and ignores the request.
export const EMULATES_MEDIA = ENGINE === 'chromium';

/// Shows the app in a colour scheme. Where the driver cannot emulate the
/// system's scheme, the app's own Theme choice is stored before the page
/// loads: the palette is the same (light-dark() under color-scheme).
export async function useColorScheme(page, scheme) {
  if (EMULATES_MEDIA) return page.emulateMedia({ colorScheme: scheme });
  await page.addInitScript((s) => localStorage.setItem('clausebook.theme', s), scheme);
}

/// The page's errors, less one known open defect in Firefox (issue 20): on
/// a reload soon after a first visit, under load, the service worker's answer
/// for the app chunk sometimes fails ("A ServiceWorker intercepted the
/// request and encountered an unexpected error") and the loader panics. It is
/// not seen in Chromium, nor in Firefox when the machine is idle.
export function unexpectedErrors(page) {
  if (ENGINE !== 'firefox') return page.errors;
  return page.errors.filter(
    (e) => !/split_mount_app_.*ServiceWorker intercepted|SplitLoaderError|^Error$|unreachable executed/.test(e),
  );
}

/// For a test that an engine's driver cannot run: `test(name, skipIn({ firefox: 'why' }), fn)`.
/// The reason is printed in the report, so a skip is never silent.
export function skipIn(reasons) {
  return { skip: reasons[ENGINE] ?? false };
}

function launchBrowser() {
  if (ENGINE === 'firefox') {
    return firefox.launch({
      channel: 'moz-firefox',
      executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
      headless: true,
    });
  }
  return chromium.launch({
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
}

export async function launch({ dist = DIST, prefix = '' } = {}) {
  const browser = await launchBrowser().catch((e) => {
    // Seen once on a loaded CI machine: Chromium died while starting
    // (SIGSEGV before its first page). That is the browser's start, not
    // the app under test: start it once more, and say so.
    console.warn(`# the browser did not start (${String(e).split('\n')[0]}); starting it again`);
    return launchBrowser();
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

// In Firefox, playwright's screenshot adds and removes a `body {}` style
// element to sync animations; the app's CSP blocks it and reports its hash.
// That report is the driver's, not the app's.
const SCREENSHOT_STYLE = "'sha256-YjaKGiklmzC6wjXA513HAMmzus8VE61XCOT+SmwNZWA='";

/// A fresh page (own storage) that fails the test on any uncaught error.
/// `userAgent` makes it present itself as another browser (e.g. Safari).
export async function newPage(env, { width = 1280, height = 900, userAgent } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    acceptDownloads: true,
    ...(userAgent ? { userAgent } : {}),
  });
  const page = await context.newPage();
  if (ENGINE === 'firefox') {
    await page.addInitScript(captureDownloads);
    // A headless Firefox page starts without focus, so nothing would match
    // :focus (or show a focus ring) until the page is activated.
    await page.bringToFront();
  }
  page.errors = [];
  page.on('pageerror', (e) => {
    if (!e.message.includes(SCREENSHOT_STYLE)) page.errors.push(e.message);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes(SCREENSHOT_STYLE)) page.errors.push(m.text());
  });
  return page;
}

// Firefox ESR's WebDriver BiDi announces no download for a `blob:` URL, which
// is how the app hands over every file. There the page records what the app
// asked the browser to download (name and content) as it clicks the link.
function captureDownloads() {
  // The blobs by URL: the app's CSP (rightly) forbids fetching a blob: URL.
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = createObjectURL(blob);
    blobs.set(url, blob);
    return url;
  };
  const click = HTMLAnchorElement.prototype.click;
  window.__downloads = [];
  const record = (a) => {
    const blob = a?.download && blobs.get(a.href);
    // Decoded keeping a byte order mark, as a file on disk keeps it.
    const decode = (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    if (blob) window.__downloads.push(blob.arrayBuffer().then((b) => ({ name: a.download, text: decode(b) })));
  };
  // The app clicks a link it never attaches; the crash screen shows one.
  HTMLAnchorElement.prototype.click = function () {
    if (!this.isConnected) record(this);
    return click.call(this);
  };
  addEventListener('click', (e) => record(e.target.closest?.('a')), true);
}

/// Opens the file chooser with the button named `button` and picks `files`
/// (paths, or `{ name, mimeType, buffer }`). Firefox ESR's WebDriver BiDi
/// reports no file dialog, so there the files go straight to the file input
/// the button opens, found by its label `input`.
export async function chooseFiles(page, { button, input }, files) {
  if (ENGINE === 'firefox') return page.getByLabel(input).setInputFiles(files);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button }).click()]);
  return chooser.setFiles(files);
}

/// Clicks with `trigger` and returns the file the app downloads:
/// `{ name, text, saveAs(path) }`.
export async function downloadFile(page, trigger) {
  if (ENGINE !== 'firefox') {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
    const text = await readFile(await file.path(), 'utf8');
    return { name: file.suggestedFilename(), text, saveAs: (path) => writeFile(path, text) };
  }
  const before = await page.evaluate(() => window.__downloads.length);
  await trigger();
  await page.waitForFunction((n) => window.__downloads.length > n, before);
  const file = await page.evaluate((n) => window.__downloads[n], before);
  return { ...file, saveAs: (path) => writeFile(path, file.text) };
}

export function shot(page, name) {
  // `caret: 'initial'`: hiding the caret injects a style element, which the
  // app's CSP rightly blocks (and reports) where the driver does not bypass it.
  const file = ENGINE === 'chromium' ? name : `${name}-${ENGINE}`;
  return page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage: true, caret: 'initial' });
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

/// Run in the page: someone else's data fills the rest of this site's
/// local storage quota, to within a few KB.
export function fillStorage() {
  let lo = 0;
  let hi = 6 * 1024 * 1024;
  while (hi - lo > 1024) {
    const mid = Math.floor((lo + hi) / 2);
    try {
      localStorage.setItem('filler', 'f'.repeat(mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  localStorage.setItem('filler', 'f'.repeat(lo));
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
