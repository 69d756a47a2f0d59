// End-to-end: more frameworks on the same engine (issue #9) — a FitSM-1
// workbook with its 0–4 capability scale and CC BY attribution, and the
// ISO 9001 / ISO/IEC 27001 counterparts on ISO/IEC 20000-1 pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, shot, createWorkbook, storedRaw } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function createFitsmWorkbook(page, name = 'Lakeside Research Computing') {
  await page.goto(env.base + '/');
  const choice = page.getByRole('group', { name: 'Framework' });
  // ISO/IEC 20000-1 stays the default.
  assert.equal(await choice.getByRole('radio', { name: 'ISO/IEC 20000-1:2018' }).isChecked(), true);
  await page.getByLabel('Organisation name').fill(name);
  await choice.getByRole('radio', { name: 'FitSM-1 (3.0)' }).check();
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

test('a FitSM-1 workbook: walk, rate on 0–4, see the attribution', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await page.getByRole('group', { name: 'Framework' }).waitFor();
  await shot(page, 'frameworks-welcome-1280');
  await createFitsmWorkbook(page);
  assert.match(await page.locator('.brand-sub').textContent(), /FitSM-1 \(3\.0\)/);
  // The footer carries the CC BY 4.0 attribution with a licence link.
  const footer = page.getByRole('contentinfo');
  await footer.getByText(/ITEMO e\.V\., licensed under CC BY 4\.0/).waitFor();
  assert.equal(
    await footer.getByRole('link', { name: /CC BY 4\.0 licence/ }).getAttribute('href'),
    'https://creativecommons.org/licenses/by/4.0/',
  );
  // The Overview's capability table is on FitSM's scale.
  await page.getByRole('table', { name: 'Average capability level (0–4)' }).waitFor();
  await shot(page, 'frameworks-fitsm-overview-1280');

  // The clause tree is FitSM's.
  await page.goto(env.base + '/clauses');
  await page.getByRole('link', { name: /^PR12 Change Management/ }).first().waitFor();

  // Walk from the first requirement to the next.
  await page.goto(env.base + '/clauses/GR1.1');
  await page.getByText('1 of 82').waitFor();
  await page.getByRole('button', { name: 'Next requirement' }).click();
  await page.waitForURL('**/clauses/GR1.2');
  await page.getByRole('heading', { level: 1, name: /GR1\.2/ }).waitFor();

  // A requirement page shows FitSM's own text with the attribution.
  await page.goto(env.base + '/clauses/PR12.3');
  const text = page.getByRole('region', { name: 'FitSM-1 (3.0) text' });
  await text.getByText(/Changes shall be assessed in a consistent manner/).waitFor();
  await text.getByText(/CC BY 4\.0/).first().waitFor();
  // No ISO-only notes or counterparts on a FitSM page.
  assert.equal(await page.getByText(/allows no exclusions/).count(), 0);
  assert.equal(await page.getByRole('region', { name: 'Also serves' }).count(), 0);

  // Capability goes to 4 and no further.
  const current = page.getByLabel('Current capability');
  const offered = await current.evaluate((s) => [...s.options].map((o) => o.textContent));
  assert.deepEqual(offered, ['Not rated', '0 Non-existent', '1 Initial', '2 Repeatable', '3 Defined', '4 Managed']);
  await page.getByRole('group', { name: 'Capability (FitSM capability scale)' }).waitFor();
  await page.getByLabel('Target capability').selectOption({ label: '4 Managed' });
  await current.selectOption({ label: '2 Repeatable' });
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  assert.match(await page.locator('#capability-target-meaning').textContent(), /Measured against goals/);
  await shot(page, 'frameworks-fitsm-requirement-1280');
  const stored = JSON.parse(await storedRaw(page));
  assert.equal(stored.workbook.framework.id, 'fitsm-1-3.0');
  assert.deepEqual(stored.workbook.assessments['PR12.3'].capability, { current: 2, target: 4 });

  // It survives a reload as a FitSM workbook.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /PR12\.3/ }).waitFor();
  assert.equal(
    await page.getByLabel('Target capability').evaluate((s) => s.selectedOptions[0].textContent),
    '4 Managed',
  );
  assert.deepEqual(page.errors, []);
});

test('FitSM pages at phone width do not scroll sideways', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createFitsmWorkbook(page);
  await shot(page, 'frameworks-fitsm-overview-390');
  await noSidewaysScroll(page, 'FitSM overview');
  for (const path of ['/clauses', '/clauses/PR12.3', '/clauses/PR12']) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await noSidewaysScroll(page, path);
  }
  await page.goto(env.base + '/clauses/PR12.3');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'frameworks-fitsm-requirement-390');
  await page.goto(env.base + '/');
  // The app has started (and fetched its code) before the reload, so the
  // page being left reports no aborted fetch.
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('group', { name: 'Framework' }).waitFor();
  await shot(page, 'frameworks-welcome-390');
  await noSidewaysScroll(page, 'welcome');
  assert.deepEqual(page.errors, []);
});

test('an ISO/IEC 20000-1 requirement names its ISO 9001 and ISO/IEC 27001 counterparts', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  // No FitSM attribution for an ISO workbook.
  assert.equal(await page.getByRole('contentinfo').getByText(/ITEMO/).count(), 0);
  await page.getByRole('table', { name: 'Average capability level (0–5)' }).waitFor();

  await page.goto(env.base + '/clauses/9.3');
  const serves = page.getByRole('region', { name: 'Also serves' });
  await serves.getByRole('heading', { name: 'ISO 9001:2015' }).waitFor();
  await serves.getByRole('heading', { name: 'ISO/IEC 27001:2022' }).waitFor();
  const items = async () => (await serves.getByRole('listitem').allTextContents()).map((t) => t.trim());
  assert.deepEqual(await items(), ['9.3 Management review', '9.3 Management review']);
  // The ISO scale still offers level 5.
  assert.equal(await page.getByLabel('Current capability').locator('option', { hasText: '5 Innovating' }).count(), 1);
  await shot(page, 'frameworks-iso-9.3-1280');

  // Clause 10 is matched by topic: nonconformity is 9001 10.2 and 27001:2022 10.2,
  // continual improvement is 9001 10.3 and 27001:2022 10.1.
  await page.goto(env.base + '/clauses/10.1');
  // (A page's code may still be loading after goto: wait for the list.)
  await serves.getByRole('listitem').first().waitFor();
  assert.deepEqual(await items(), ['10.2 Nonconformity and corrective action', '10.2 Nonconformity and corrective action']);
  await page.goto(env.base + '/clauses/10.2');
  await serves.getByRole('listitem').first().waitFor();
  assert.deepEqual(await items(), ['10.3 Continual improvement', '10.1 Continual improvement']);
  await shot(page, 'frameworks-iso-10.2-1280');

  // An operational clause without counterparts has no such section.
  await page.goto(env.base + '/clauses/8.6.1');
  await page.getByRole('heading', { level: 1, name: /8\.6\.1/ }).waitFor();
  assert.equal(await serves.count(), 0);
  assert.deepEqual(page.errors, []);
});

test('importing a FitSM-1 file into an ISO workbook counts its own requirements', async () => {
  const fitsm = await newPage(env);
  await createFitsmWorkbook(fitsm, 'Fit Imports Ltd');
  await fitsm.goto(env.base + '/clauses/GR1.1');
  await fitsm.getByLabel('Status').selectOption({ label: 'Fully implemented' });
  await fitsm.waitForFunction(() => /fully_implemented/.test(JSON.stringify(localStorage)));
  const file = await storedRaw(fitsm);
  await fitsm.context().close();

  const page = await newPage(env);
  await createWorkbook(page, env.base, 'ISO Host Ltd');
  await page.goto(env.base + '/data');
  await page.getByLabel('Clausebook JSON file to import').setInputFiles({
    name: 'fit.json',
    mimeType: 'application/json',
    buffer: Buffer.from(file),
  });
  const preview = page.getByRole('region', { name: 'Check before importing' });
  await preview.getByText('Fit Imports Ltd').waitFor();
  // FitSM-1 has 82 requirements: counted against the open ISO workbook's
  // clauses, the file would read "0 of" the ISO count.
  await preview.getByText('1 of 82', { exact: true }).waitFor();
  await page.context().close();
});
