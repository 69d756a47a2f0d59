// Workshops: comparing participants' exports, baselines and progress over
// time, and trainer notes that participants see read-only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launch, newPage, shot, createWorkbook, storedRaw } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// A participant's export as Clausebook writes it (schema 5).
function exportOf(organisation, statuses) {
  const assessments = {};
  for (const [id, status] of Object.entries(statuses)) assessments[id] = { status };
  return JSON.stringify({
    format: 'clausebook.workbook',
    schema_version: 5,
    app_version: '0.1.0',
    exported_at: '2026-11-25T10:00:00.000Z',
    workbook: {
      organisation: { name: organisation, scope: '' },
      framework: { id: 'iso20000-1-2018', version: '1.0.0' },
      assessments,
      created_at: '2026-11-20T09:00:00.000Z',
      updated_at: '2026-11-25T09:00:00.000Z',
    },
  }, null, 2);
}

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function axe(page, what) {
  // Through the DevTools protocol: the page's CSP blocks injected <script> tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.map((v) => `${what}: ${v.id} ${v.help} — ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')}`);
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test('three exports compared side by side, with counts and differences, own workbook untouched', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Trainer Workbook Ltd');
  await page.getByRole('status').filter({ hasText: /saved/i }).first().waitFor();
  const ownBefore = await storedRaw(page);

  await page.goto(env.base + '/data');
  await page.getByRole('link', { name: 'Compare workbooks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare workbooks' }).waitFor();
  await page.getByLabel('Exported Clausebook JSON files to compare').setInputFiles([
    file('alice.json', exportOf('Team Alice', { '4.1': 'fully_implemented', '4.2': 'partially_implemented', '8.1': 'not_implemented' })),
    file('bob.json', exportOf('Team Bob', { '4.1': 'fully_implemented', '4.2': 'largely_implemented', '8.1': 'not_implemented' })),
    file('broken.json', '{"format": "clausebook.workbook", "schema_version": 5, "workb'),
    file('cara.json', exportOf('Team Cara', { '4.1': 'fully_implemented', '4.2': 'largely_implemented' })),
  ]);
  await page.getByText('Loaded 3 workbooks; skipped 1 file').waitFor();
  const errors = page.getByTestId('compare-errors');
  assert.match(await errors.innerText(), /^broken\.json: The text is not valid JSON/);

  const table = page.locator('table.compare-table');
  const heads = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(heads.slice(0, 4), ['Requirement', 'alice.json (Team Alice)', 'bob.json (Team Bob)', 'cara.json (Team Cara)']);
  const col = (name) => heads.indexOf(name);
  const cells = async (id) => {
    const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id.replace('.', '\\.')} `) }) });
    return row.locator('th, td').allInnerTexts();
  };
  // All three agree on 4.1.
  let row = await cells('4.1');
  assert.equal(row[col('Count: Fully implemented')], '3');
  assert.equal(row[col('Agreement')], 'Agree');
  // 4.2: one partially, two largely.
  row = await cells('4.2');
  assert.deepEqual(row.slice(1, 4), ['Partially implemented', 'Largely implemented', 'Largely implemented']);
  assert.equal(row[col('Count: Partially implemented')], '1');
  assert.equal(row[col('Count: Largely implemented')], '2');
  assert.equal(row[col('Count: Not assessed')], '0');
  assert.equal(row[col('Agreement')], '≠ Differs');
  // 8.1: two not implemented, one not assessed.
  row = await cells('8.1');
  assert.equal(row[col('Count: Not implemented')], '2');
  assert.equal(row[col('Count: Not assessed')], '1');
  assert.match(await page.getByTestId('difference-summary').innerText(), /^2 of \d+ requirements rated differently\.$/);
  // Differences are highlighted by style as well as by the word.
  const highlighted = await table.locator('tbody tr.differs').count();
  assert.equal(highlighted, 2);
  const bg = await table.locator('tbody tr.differs').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.notEqual(bg, 'rgba(0, 0, 0, 0)');

  await page.getByLabel('Only show differences').check();
  assert.equal(await table.locator('tbody tr').count(), 2);
  await shot(page, 'workshop-compare-1280');
  assert.deepEqual(await axe(page, '/compare loaded'), []);

  // Nothing of this reached storage, and the own workbook is still open.
  assert.equal(await storedRaw(page), ownBefore);
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('clausebook.library')).workbooks.length), 1);
  assert.equal(await page.getByTestId('organisation').innerText(), 'Trainer Workbook Ltd');

  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok((await sideways(page)) <= 0, 'the page does not scroll sideways at 390 px');
  await shot(page, 'workshop-compare-390');
  assert.deepEqual(page.errors, []);
});

test('a baseline, then changes, compared per requirement and charted', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Progress Ltd');
  const status = async (id, label) => {
    await page.goto(env.base + '/clauses/' + id);
    await page.getByLabel('Status', { exact: true }).selectOption({ label });
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  };
  await status('4.1', 'Partially implemented');
  await status('4.3', 'Largely implemented');

  await page.goto(env.base + '/progress');
  await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Gap analysis, March');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-15');
  await page.getByRole('button', { name: 'Mark baseline' }).click();
  await page.getByText('Marked baseline “Gap analysis, March” (2026-03-15).').waitFor();

  await status('4.1', 'Fully implemented');
  await status('4.3', 'Partially implemented');
  await page.goto(env.base + '/progress');
  const summary = page.getByTestId('change-summary');
  assert.match(await summary.innerText(), /^1 improved, 1 worsened, \d+ unchanged\.$/);
  const changes = page.locator('table.change-table tbody tr');
  assert.equal(await changes.count(), 2, 'only the changes by default');
  const r41 = await changes.filter({ hasText: /^4\.1 / }).locator('th, td').allInnerTexts();
  assert.deepEqual(r41.slice(1), ['Partially implemented', 'Fully implemented', '↑ Improved']);
  const r43 = await changes.filter({ hasText: /^4\.3 / }).locator('th, td').allInnerTexts();
  assert.deepEqual(r43.slice(1), ['Largely implemented', 'Partially implemented', '↓ Worsened']);
  await page.getByLabel('Only requirements that changed').uncheck();
  assert.ok((await changes.count()) > 50, 'every requirement when unfiltered');

  const series = await page.locator('table.series-table tbody tr').allInnerTexts();
  assert.equal(series.length, 2);
  assert.match(series[0], /^Gap analysis, March\t2026-03-15\t2 of \d+\t2%\t/);
  assert.match(series[1], /^Now\t/);
  assert.equal(await page.getByRole('img', { name: 'Readiness at each baseline and now' }).count(), 1);
  await shot(page, 'workshop-progress-1280');
  assert.deepEqual(await axe(page, '/progress with a baseline'), []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok((await sideways(page)) <= 0, 'the page does not scroll sideways at 390 px');
  await shot(page, 'workshop-progress-390');

  // Deleting asks first.
  await page.getByRole('button', { name: 'Delete baseline Gap analysis, March' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No baselines yet.').waitFor();
  assert.deepEqual(page.errors, []);
});

test('locked trainer notes are shown read-only to participants', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Course Workbook');
  await page.goto(env.base + '/data');
  await page.getByLabel('Requirement', { exact: true }).selectOption('6.1');
  await page.getByLabel('Note for participants').fill('Name two risks and one opportunity for your own team.');
  await page.getByLabel('Note for participants').press('Tab');
  await page.getByRole('link', { name: /^6\.1 / }).waitFor();
  await page.getByRole('button', { name: 'Lock trainer notes' }).click();
  await page.getByTestId('trainer-lock-state').getByText(/^Locked/).waitFor();
  assert.equal(await page.getByLabel('Note for participants').count(), 0, 'no editor while locked');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();

  await page.goto(env.base + '/clauses/6.1');
  const note = page.getByRole('complementary', { name: "Trainer's note" });
  await note.waitFor();
  assert.match(await note.innerText(), /Name two risks and one opportunity for your own team\./);
  assert.match(await note.innerText(), /cannot be changed here/);
  assert.equal(await note.getByRole('textbox').count(), 0);
  await shot(page, 'workshop-trainer-note-1280');
  // Other requirements show no box.
  await page.goto(env.base + '/clauses/6.2.1');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('complementary', { name: "Trainer's note" }).count(), 0);
  assert.deepEqual(page.errors, []);
});
