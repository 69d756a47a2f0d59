// Start-up (src/app/boot.rs): a returning visit opens the stored workbook
// in the theme chosen earlier, from the app's first paint, and every control
// works at once; what an older version left beside the workbook is harmless.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, shot, createWorkbook } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const appUp = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('clausebook:app').length > 0);

/// A workbook with an assessed requirement and an overdue improvement.
async function workbookWithData(page) {
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Status').selectOption({ label: 'Partially implemented' });
  await page.getByText('Saved at').waitFor();
  await page.goto(env.base + '/improvements');
  await page.getByRole('form', { name: 'Raise an item' }).getByLabel('Title').fill('Backup restore test failed');
  await page.getByRole('button', { name: 'Raise item' }).click();
  await page.getByRole('heading', { level: 1, name: /^IMP-0001/ }).waitFor();
  await page.getByLabel('Target date').fill('2026-01-15');
  await page.getByText('Saved at').waitFor();
  await page.waitForTimeout(400);
  await page.getByText('Saved at').waitFor();
}

test('a returning visit opens the stored workbook in the chosen theme, and its controls work', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  await page.getByLabel('Theme').selectOption('dark');
  // The theme in force when the app's header first appears: the app's
  // first paint is already in it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('header')) {
        sessionStorage.setItem('theme-at-first-header', document.documentElement.dataset.theme ?? 'none');
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(env.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  await appUp(page);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('theme-at-first-header')), 'dark');
  assert.equal(await page.getByLabel('Theme').inputValue(), 'dark');
  await page.getByRole('region', { name: 'Overdue improvements' })
    .getByRole('link', { name: 'IMP-0001 Backup restore test failed' }).waitFor();
  assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
  await shot(page, 'start-returning-1280');
  // Every control is live: a link in the navigation, and keyboard focus.
  await page.getByRole('link', { name: 'Improvements', exact: true }).click();
  await page.waitForURL('**/improvements');
  await page.getByRole('heading', { level: 1, name: 'Improvements' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  await page.getByRole('link', { name: 'Progress', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/progress');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a copy of the Overview left by an older version is harmless, and removed', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  // Older versions kept the Overview's figures beside each workbook; one
  // for another workbook and day is never shown.
  const key = await page.evaluate(() => {
    const key = `clausebook.wb.${localStorage.getItem('clausebook.active')}.overview`;
    localStorage.setItem(key, JSON.stringify({ revision: 99, today: '2020-01-01', overview: { organisation: 'Stale Ltd' } }));
    return key;
  });
  await page.goto(env.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  await appUp(page);
  assert.equal(await page.getByText('Stale Ltd').count(), 0);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), key), null);
  // The workbook itself is untouched and still saves.
  await page.getByLabel('Organisation name').fill('Harbour Street IT Ltd');
  await page.getByText('Saved at').waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT Ltd' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
