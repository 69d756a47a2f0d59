// End-to-end: the static build hosted under a sub-path (/clausebook/), as on
// a shared static host. Built by `trunk build --release --public-url /clausebook/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, newPage, DIST } from './browser.mjs';

let env;
before(async () => {
  env = await launch({ dist: join(DIST, '..', 'dist-subpath'), prefix: '/clausebook' });
});
after(async () => {
  await env?.close();
});

test('the app works under /clausebook/: links, deep links, reload, offline', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await page.getByLabel('Organisation name').fill('Sub Path Ltd');
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('link', { name: 'Clauses', exact: true }).click();
  await page.waitForURL(env.base + '/clauses');
  await page.getByRole('link', { name: /^4\.1 Understanding/ }).click();
  await page.waitForURL(env.base + '/clauses/4.1');
  await page.getByRole('button', { name: 'Next requirement' }).click();
  await page.waitForURL(env.base + '/clauses/4.2');
  await page.getByLabel('Notes').fill('Under a sub-path');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel('Notes').inputValue(), 'Under a sub-path');
  assert.equal(
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clauses' }).getAttribute('aria-current'),
    'page',
  );
  // The service worker is scoped to the sub-path and serves it offline.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  assert.equal(
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope),
    env.base + '/',
  );
  await page.context().setOffline(true);
  await page.goto(env.base + '/clauses/4.2');
  assert.equal(await page.getByLabel('Notes').inputValue(), 'Under a sub-path');
  await page.context().setOffline(false);
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
});
