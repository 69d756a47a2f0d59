// The first-load figure (.ci/size-check.mjs) counts what index.html links and
// what its modules import. These tests check that against what Chromium
// actually fetches: the start-up code (src/app/boot.rs) runs from those files
// alone, and the rest of the app is one more file, fetched after that, which
// holds every page.
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
  // With service workers blocked, registering one resolves to nothing; the
  // app says so in a warning and carries on online.
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}

/// The wasm, JS and CSS the page fetched, by file name, split at the mark
/// `name`, once the app has taken over.
async function fetchedAround(page, name) {
  await page.waitForFunction(() => performance.getEntriesByName('clausebook:app').length > 0);
  return page.evaluate((name) => {
    const mark = performance.getEntriesByName(name)[0];
    const before = [];
    const after = [];
    for (const r of performance.getEntriesByType('resource')) {
      const path = new URL(r.name).pathname.replace(/^\//, '');
      if (/\.(wasm|js|css)$/.test(path)) (mark && r.startTime < mark.startTime ? before : after).push(path);
    }
    return { before, after, marked: Boolean(mark) };
  }, name);
}

const isAppChunk = (f) => /^split_mount_app_.*\.wasm$/.test(f);

test('a returning visit starts from the files counted as first load, then fetches the app chunk', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  assert.ok(![...counted].some(isAppChunk), 'the app chunk is not counted as first load');
  const page = await plainPage();
  await createWorkbook(page, env.base);
  await page.getByText('Saved at').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  const { before, after, marked } = await fetchedAround(page, 'clausebook:boot');
  assert.ok(marked, 'the start-up code ran');
  assert.ok(before.length > 0);
  assert.deepEqual(before.filter((f) => !counted.has(f)), [], 'fetched before the start-up code ran');
  // Then the app: one chunk, and nothing else that is not first load.
  assert.deepEqual(
    after.filter((f) => !counted.has(f)),
    after.filter(isAppChunk),
  );
  assert.equal(after.filter(isAppChunk).length, 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a first visit fetches the first-load files and the app chunk, and every page is then in hand', async () => {
  const counted = new Set(firstLoadFiles(DIST));
  const page = await plainPage();
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  const { before, after, marked } = await fetchedAround(page, 'clausebook:boot');
  assert.equal(marked, true);
  const fetched = [...before, ...after];
  assert.deepEqual(fetched.filter((f) => !counted.has(f) && !isAppChunk(f)), []);
  assert.equal(fetched.filter(isAppChunk).length, 1);
  // No page needs anything more from the network.
  await createWorkbook(page, env.base);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  for (const [name, url] of [['Clauses', '**/clauses'], ['Improvements', '**/improvements'], ['Study', '**/study']]) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.waitForURL(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  assert.deepEqual(requested.filter((p) => /\.(wasm|js)$/.test(p)), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
