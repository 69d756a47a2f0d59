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

/// A page whose wasm, JS and CSS requests are recorded (file names only).
/// The service worker is blocked: its install precaches every file.
async function recordingPage() {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = new Set();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (/\.(wasm|js|css)$/.test(path)) fetched.add(path.replace(/^\//, ''));
  });
  page.errors = [];
  page.on('pageerror', (e) => {
    // With service workers blocked, registering one fails; not what is tested here.
    if (!/reading 'waiting'/.test(e.message)) page.errors.push(e.message);
  });
  return { page, fetched };
}

test('a first visit to the Overview fetches only the files counted as first load', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  const { page, fetched } = await recordingPage();
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual([...fetched].filter((f) => !counted.has(f)), [], 'welcome page');

  // With a workbook stored, the Overview is the dashboard.
  await createWorkbook(page, env.base);
  fetched.clear();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual([...fetched].filter((f) => !counted.has(f)), [], 'dashboard');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the other pages load their code on demand', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  const { page, fetched } = await recordingPage();
  await createWorkbook(page, env.base);
  fetched.clear();
  await page.getByRole('link', { name: 'Clauses', exact: true }).click();
  await page.waitForURL('**/clauses');
  await page.getByRole('link', { name: /^4\.1 Understanding the organization/ }).waitFor();
  const chunks = [...fetched].filter((f) => f.endsWith('.wasm') && !counted.has(f));
  if (firstLoadFiles(DIST).some((f) => f.endsWith('_split.js'))) {
    assert.ok(chunks.length > 0, 'the Clauses page fetched no wasm chunk');
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
