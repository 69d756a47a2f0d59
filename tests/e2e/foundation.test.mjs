// End-to-end: the release build in Chromium, driven as a person would,
// finding everything by role and accessible name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newPage, shot, ARTIFACTS, createWorkbook, storedRaw, editStored, downloadFile, chooseFiles, skipIn, unexpectedErrors } from './browser.mjs';

const IMPORT = { button: 'Import JSON', input: 'Clausebook JSON file to import' };

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function assess41(page) {
  await page.getByRole('link', { name: 'Clauses', exact: true }).click();
  await page.getByRole('link', { name: /^4\.1 Understanding the organization/ }).click();
  await page.waitForURL('**/clauses/4.1');
  await page.getByLabel('Status').selectOption({ label: 'Partially implemented' });
  await page.getByLabel('Notes').fill('Context workshop held on 3 November; issues list in draft.');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
}

test('the five pages are links, each with its own URL, and history works', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, path] of [
    ['Clauses', '/clauses'],
    ['Improvements', '/improvements'],
    ['Portfolio', '/portfolio'],
    ['Data', '/data'],
    ['Overview', '/'],
  ]) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.waitForURL(env.base + path);
    assert.equal(
      await nav.getByRole('link', { name, exact: true }).getAttribute('aria-current'),
      'page',
    );
  }
  await page.goBack();
  await page.waitForURL(env.base + '/data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await page.goForward();
  await page.waitForURL(env.base + '/');
  // A deep link loads directly and survives a reload.
  await page.goto(env.base + '/clauses/8.5.1.2');
  await page.getByRole('heading', { level: 1, name: /8\.5\.1\.2 Change management initiation/ }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /8\.5\.1\.2/ }).waitFor();
  await page.getByRole('heading', { name: 'Evidence an auditor usually looks for' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('create a workbook, assess 4.1, reload and find it kept', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  assert.equal(await page.getByTestId('organisation').textContent(), 'Harbour Street IT');
  await assess41(page);
  await shot(page, 'e2e-requirement-1280');
  await page.reload();
  await page.getByLabel('Status').waitFor();
  assert.equal(
    await page.getByLabel('Status').evaluate((s) => s.selectedOptions[0].textContent),
    'Partially implemented',
  );
  assert.match(await page.getByLabel('Notes').inputValue(), /Context workshop held/);
  assert.equal(await page.getByTestId('organisation').textContent(), 'Harbour Street IT');
  // The clause tree and the Overview reflect it.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('row', { name: /Partially implemented 1/ }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('an edit followed by closing the tab is not lost', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Quick Close Ltd');
  await page.goto(env.base + '/clauses/9.2');
  // Hold back the autosave timer, so only the flush on page hide can save.
  await page.evaluate(() => {
    const original = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => (ms === 300 ? 0 : original(fn, ms, ...rest));
  });
  await page.getByLabel('Owner').fill('Priya');
  await page.waitForTimeout(500);
  assert.doesNotMatch(
    (await storedRaw(page)) ?? '',
    /Priya/,
    'nothing written before the page hides',
  );
  // Close at once: well inside the 300 ms save window.
  const context = page.context();
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(env.base + '/clauses/9.2');
  await again.getByLabel('Owner').waitFor();
  assert.equal(await again.getByLabel('Owner').inputValue(), 'Priya');
});

test('export, clear storage, import: the workbook comes back', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await assess41(page);
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const download = await downloadFile(page, () => page.getByRole('button', { name: 'Download a copy' }).click());
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  assert.equal(download.name, `harbour-street-it-${today}.clausebook.json`);
  const file = join(ARTIFACTS, 'exported.clausebook.json');
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.schema_version, 5);
  assert.equal(exported.format, 'clausebook.workbook');
  assert.ok(exported.app_version);
  assert.match(exported.exported_at, /^\d{4}-\d\d-\d\dT/);
  assert.equal(exported.workbook.assessments['4.1'].status, 'partially_implemented');

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  assert.equal(await page.getByTestId('organisation').textContent(), '');

  await chooseFiles(page, IMPORT, file);
  const preview = page.getByRole('region', { name: 'Check before importing' });
  await preview.waitFor();
  assert.match(await preview.textContent(), /Harbour Street IT/);
  assert.match(await preview.textContent(), /1 of 57/);
  await shot(page, 'e2e-import-preview-1280');
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  assert.equal(await page.getByTestId('organisation').textContent(), 'Harbour Street IT');
  await page.reload();
  await page.goto(env.base + '/clauses/4.1');
  assert.match(await page.getByLabel('Notes').inputValue(), /Context workshop held/);
  assert.deepEqual(unexpectedErrors(page), []);
});

test('a broken import shows a clear error and changes nothing', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await assess41(page);
  const before = await storedRaw(page);
  await page.getByRole('link', { name: 'Data', exact: true }).click();

  const cases = [
    ['broken.json', '{"format": "clausebook.workbook", "schema_version": 2, "workb', /not valid JSON \(line 1/],
    ['other.json', '{"name": "a spreadsheet export"}', /not a Clausebook workbook/],
    ['newer.json', '{"format": "clausebook.workbook", "schema_version": 99, "workbook": {}}', /newer Clausebook/],
  ];
  for (const [name, content, message] of cases) {
    await chooseFiles(page, IMPORT, { name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const alert = page.getByTestId('import-error');
    await alert.filter({ hasText: message }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Replace current workbook' }).count(), 0);
  }
  // Oversized: refused before it is read.
  const big = join(ARTIFACTS, 'oversized.json');
  await writeFile(big, Buffer.alloc(5 * 1024 * 1024 + 10, 32));
  await chooseFiles(page, IMPORT, big);
  await page.getByTestId('import-error').filter({ hasText: /5,242,890 bytes: more than the 5,242,880 bytes/ }).waitFor();
  await shot(page, 'e2e-import-error-1280');

  await page.reload();
  assert.equal(await storedRaw(page), before);
  assert.equal(await page.getByTestId('organisation').textContent(), 'Harbour Street IT');
  await page.goto(env.base + '/clauses/4.1');
  assert.equal(
    await page.getByLabel('Status').evaluate((s) => s.selectedOptions[0].textContent),
    'Partially implemented',
  );
});

test('unreadable storage opens the recovery screen and keeps the data', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  const corrupt = '{"format":"clausebook.workbook","schema_version":2,"workbook":{"organisation":';
  await page.evaluate((raw) => localStorage.setItem('clausebook.workbook', raw), corrupt);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your stored workbook could not be opened' }).waitFor();
  const download = await downloadFile(page, () => page.getByRole('button', { name: 'Download stored data' }).click());
  const saved = join(ARTIFACTS, 'recovered.json');
  await download.saveAs(saved);
  assert.equal(await readFile(saved, 'utf8'), corrupt);
  await shot(page, 'e2e-recovery-1280');
  assert.equal(await storedRaw(page), corrupt);
  // Starting again needs an explicit confirmation.
  const startAgain = page.getByRole('button', { name: 'Delete stored data and start again' });
  assert.equal(await startAgain.isDisabled(), true);
  await page.getByLabel('I have downloaded the stored data, or I do not need it').check();
  await startAgain.click();
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
});

test('pages render at phone width without horizontal scrolling', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base);
  for (const path of ['/', '/clauses', '/clauses/8.5.1.2', '/improvements', '/portfolio', '/data']) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await shot(page, `e2e-390${path.replaceAll('/', '-') || '-overview'}`);
  }
});

test(
  'leaving the page warns only when the last save failed',
  skipIn({ firefox: 'closing a page with runBeforeUnload never returns over Firefox ESR 153 WebDriver BiDi' }),
  async () => {
    // Saved work: closing is silent.
    const calm = await newPage(env);
    await createWorkbook(calm, env.base, 'Leaving Ltd');
    await calm.goto(env.base + '/clauses/9.2');
    await calm.getByLabel('Owner').fill('Priya');
    const calmDialogs = [];
    calm.on('dialog', async (d) => {
      calmDialogs.push(d.type());
      await d.accept();
    });
    await calm.close({ runBeforeUnload: true });
    await new Promise((ok) => setTimeout(ok, 300));
    assert.deepEqual(calmDialogs, []);

    // Storage refuses every write: the header says so, and leaving warns.
    const page = await newPage(env);
    await createWorkbook(page, env.base, 'Full Storage Ltd');
    await page.goto(env.base + '/clauses/9.2');
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByLabel('Notes').fill('Typed while storage is full');
    await page.getByRole('status').filter({ hasText: /^Not saved — .*storage for this site is full/ }).waitFor();
    const warned = new Promise((ok) => page.once('dialog', async (d) => {
      ok(d.type());
      await d.dismiss(); // stay on the page
    }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await warned, 'beforeunload');
    assert.equal(page.isClosed(), false, 'the page stays open to export the work');
    assert.equal(await page.getByLabel('Notes').inputValue(), 'Typed while storage is full');
  },
);
