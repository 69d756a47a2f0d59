// End-to-end: offline use and updates through the service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newPage, DIST, downloadFile } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
}

test('after one online visit the app loads and works offline', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  await controlled(page);
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]').href);
  assert.match(manifest, /manifest\.webmanifest$/);

  await page.context().setOffline(true);
  await page.reload();
  await page.getByLabel('Organisation name').fill('Offline Training Ltd');
  await page.getByRole('button', { name: 'Create workbook' }).click();
  // A deep link works offline too.
  await page.goto(env.base + '/clauses/8.6.1');
  await page.getByLabel('Notes').fill('Written on the train');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const download = await downloadFile(page, () => page.getByRole('button', { name: 'Download a copy' }).click());
  const text = download.text;
  assert.match(text, /Written on the train/);
  await page.context().setOffline(false);
  assert.deepEqual(page.errors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED/.test(e)), []);
});

test('a new build replaces the old cache and says an update is ready', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());
  assert.equal(before.length, 1);

  // Serve a "new build": the same files under a new version.
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const next = sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1next"');
  assert.notEqual(next, sw, 'the build wrote a version into sw.js');
  env.server.overrides.set('/sw.js', (res) => {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' });
    res.end(next);
  });
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByText('A new version of Clausebook is ready.').waitFor({ timeout: 15000 });
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await page.getByRole('button', { name: 'Create workbook' }).waitFor();
    const after = await page.evaluate(() => caches.keys());
    assert.deepEqual(after, [before[0] + 'next'], 'only the new build is cached');
  } finally {
    env.server.overrides.delete('/sw.js');
  }
});
