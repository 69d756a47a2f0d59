// The first-load figure (.ci/size-check.mjs) counts what index.html links and
// what its modules import. These tests check that against what Chromium
// actually fetches: a first visit to the Overview (welcome page, and the
// dashboard with a workbook open) fetches nothing else, and the other pages
// fetch their code on demand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, DIST, createWorkbook } from './browser.mjs';
import { firstLoadFiles } from '../../.ci/size-check.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// A fresh page; the service worker is blocked (its install precaches every file).
async function plainPage() {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => {
    // With service workers blocked, registering one fails; not what is tested here.
    if (!/reading 'waiting'/.test(e.message)) page.errors.push(e.message);
  });
  return page;
}

/// The wasm, JS and CSS the page fetched, by file name, split at the moment
/// the app began loading the other pages' code in the background (after the
/// first page was up), once that has finished.
async function fetchedFiles(page) {
  await page.waitForFunction(() => performance.getEntriesByName('clausebook:prefetched').length > 0);
  return page.evaluate(() => {
    const start = performance.getEntriesByName('clausebook:prefetch-start')[0].startTime;
    const before = [];
    const after = [];
    for (const r of performance.getEntriesByType('resource')) {
      const path = new URL(r.name).pathname.replace(/^\//, '');
      if (/\.(wasm|js|css)$/.test(path)) (r.startTime < start ? before : after).push(path);
    }
    return { before, after };
  });
}

test('a first visit to the Overview fetches only the files counted as first load', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  const page = await plainPage();
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  let { before } = await fetchedFiles(page);
  assert.ok(before.length > 0);
  assert.deepEqual(before.filter((f) => !counted.has(f)), [], 'welcome page');

  // With a workbook stored, the Overview is the dashboard.
  await createWorkbook(page, env.base);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  ({ before } = await fetchedFiles(page));
  assert.deepEqual(before.filter((f) => !counted.has(f)), [], 'dashboard');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the other pages load their code in the background once the first page is up', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  const split = firstLoadFiles(DIST).some((f) => f.endsWith('_split.js'));
  const page = await plainPage();
  await createWorkbook(page, env.base);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  const { after } = await fetchedFiles(page);
  const chunks = after.filter((f) => f.endsWith('.wasm') && !counted.has(f));
  if (split) assert.ok(chunks.length > 0, 'no page code was loaded in the background');
  // Then a page of another area needs nothing more from the network.
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.getByRole('link', { name: 'Clauses', exact: true }).click();
  await page.waitForURL('**/clauses');
  await page.getByRole('link', { name: /^4\.1 Understanding the organization/ }).waitFor();
  assert.deepEqual(requested.filter((p) => p.endsWith('.wasm')), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
