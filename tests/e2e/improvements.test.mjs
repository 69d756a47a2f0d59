// End-to-end: the PDCA improvement log in the release build, driven by role,
// accessible name and the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newPage, shot, ARTIFACTS, createWorkbook, downloadFile } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// Presses a button with the keyboard: focus it, then Enter.
async function press(page, name) {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
}

/// Types into a field with the keyboard.
async function type(page, label, text) {
  const field = page.getByLabel(label, { exact: true });
  // A stage's fields unlock when the item reaches it; wait until this one is
  // editable (and attached) before typing, as a person would see it.
  await field.and(page.locator(':not([readonly]):not([disabled])')).waitFor();
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

async function stageIs(page, id, stage) {
  await page.getByText(`${id} is in ${stage}.`).waitFor();
}

const nav = (page, name) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

const saved = (page) => page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();

test('raise from a requirement, go round the whole cycle by keyboard, see it closed with its history', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/10.1');
  const region = page.getByRole('region', { name: 'Improvement items' });
  await region.getByText('No open improvement items').waitFor();
  await press(page, 'Raise improvement');
  await page.waitForURL('**/improvements/IMP-0001');
  await page.getByRole('heading', { level: 1, name: /IMP-0001 Improvement for 10\.1/ }).waitFor();
  await stageIs(page, 'IMP-0001', 'Plan');
  // The keyboard lands on the title, ready to rename the placeholder.
  await page.waitForFunction(() => document.activeElement?.id === 'item-title');
  await type(page, 'Title', 'Emergency changes without approval');
  await page.getByRole('heading', { level: 1, name: 'IMP-0001 Emergency changes without approval' }).waitFor();

  // A refused move says why, and nothing changes.
  await press(page, 'Move to Do');
  const refusal = page.getByRole('alert').filter({ hasText: 'cannot move to Do yet' });
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /describe the problem or opportunity and the planned actions/);
  await stageIs(page, 'IMP-0001', 'Plan');
  await shot(page, 'improvements-refused-1280');

  // Plan.
  await type(page, 'Problem or opportunity', 'Three emergency changes went live without CAB approval.');
  await type(page, 'Root cause', 'No out-of-hours approver.');
  await type(page, 'Planned actions', 'Name a deputy CAB chair and publish the rota.');
  await type(page, 'Success measure', 'Unapproved changes per month');
  await type(page, 'Success target', '0 for three months');
  await press(page, 'Move to Do');
  await stageIs(page, 'IMP-0001', 'Do');
  // Focus lands on the new stage sentence, so the keyboard user knows where they are.
  // (Focus moves after the re-render, so wait for it rather than read it at once.)
  await page.waitForFunction(() => /IMP-0001 is in Do/.test(document.activeElement?.textContent ?? ''));
  await saved(page);

  // On the board the card cannot skip the rule either.
  await nav(page, 'Improvements');
  await page.getByRole('region', { name: /^Do \(1\)/ }).waitFor();
  await press(page, 'Move IMP-0001 to Check');
  await page.getByRole('alert').filter({ hasText: 'cannot reach Check without recorded actions' }).waitFor();
  await shot(page, 'improvements-board-refused-1280');

  // Do.
  await page.getByRole('link', { name: /IMP-0001 Emergency changes/ }).click();
  await type(page, 'Actions taken', 'Deputy named; rota published on the intranet.');
  await page.getByLabel('Done on').fill('2026-11-20');
  await press(page, 'Move to Check');
  await stageIs(page, 'IMP-0001', 'Check');

  // Check: the measured result, judged effective, by keyboard.
  await type(page, 'Measured result', '0 unapproved changes in December.');
  await page.getByLabel('Effective', { exact: true }).focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('Effective', { exact: true }).isChecked(), true);
  await type(page, 'Verified by', 'Internal auditor');
  await press(page, 'Move to Act');
  await stageIs(page, 'IMP-0001', 'Act');
  // The Check record is now locked.
  assert.equal(await page.getByLabel('Measured result').getAttribute('readonly'), '');

  // Act: a decision is needed before closing.
  await press(page, 'Close item');
  await page.getByRole('alert').filter({ hasText: 'choose in Act whether to standardise' }).waitFor();
  await page.getByLabel('Standardise', { exact: true }).focus();
  await page.keyboard.press('Space');
  await type(page, 'Lessons learned', 'Every approval role needs a deputy.');
  await saved(page);

  // Close it from the board with the keyboard; focus stays on the card.
  await nav(page, 'Improvements');
  await press(page, 'Move IMP-0001 to Closed');
  const closed = page.getByRole('region', { name: /^Closed \(1\)/ });
  await closed.getByRole('link', { name: /IMP-0001/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[data-item]')?.dataset.item === 'IMP-0001');
  await shot(page, 'improvements-board-1280');

  // The item page shows it closed, with every stage change in its history.
  await closed.getByRole('link', { name: /IMP-0001/ }).click();
  await stageIs(page, 'IMP-0001', 'Closed');
  const history = page.getByRole('region', { name: 'History' });
  const entries = await history.getByRole('listitem').allTextContents();
  assert.equal(entries.length, 5);
  for (const [i, step] of ['Act → Closed', 'Check → Act', 'Do → Check', 'Plan → Do', 'Raised in Plan'].entries()) {
    assert.match(entries[i], new RegExp(step), entries[i]);
    assert.match(entries[i], /\d{4}, \d\d:\d\d/, 'each change has its time');
  }
  assert.match(await page.getByRole('region', { name: 'Details' }).textContent(), /Closed on\d{4}-\d\d-\d\d/);
  await shot(page, 'improvements-detail-1280');

  // Kept after a reload, and no longer open on the requirement page.
  await saved(page);
  await page.reload();
  await stageIs(page, 'IMP-0001', 'Closed');
  await page.goto(env.base + '/clauses/10.1');
  await page.getByRole('region', { name: 'Improvement items' }).getByText('No open improvement items').waitFor();
  assert.deepEqual(page.errors, []);
});

test('an ineffective check returns to Plan or opens a linked follow-up', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/10.2');
  await press(page, 'Raise improvement');
  await page.waitForURL('**/improvements/IMP-0001');
  await type(page, 'Problem or opportunity', 'Backups are not restore-tested.');
  await type(page, 'Planned actions', 'Monthly restore test.');
  await press(page, 'Move to Do');
  await stageIs(page, "IMP-0001", 'Do');
  await type(page, 'Actions taken', 'First restore test run.');
  await press(page, 'Move to Check');
  await stageIs(page, "IMP-0001", 'Check');
  await type(page, 'Measured result', 'Restore took 9 hours against a 4 hour target.');
  await page.getByLabel('Not effective').check();
  await press(page, 'Move to Act');
  await page.getByRole('alert').filter({ hasText: 'not effective. Return it to Plan' }).waitFor();

  // Open a follow-up: a new item in Plan, linked both ways.
  await press(page, 'Open follow-up item');
  await page.waitForURL('**/improvements/IMP-0002');
  await stageIs(page, 'IMP-0002', 'Plan');
  const follow = page.getByRole('region', { name: 'Follow-ups' });
  await follow.getByRole('link', { name: 'IMP-0001' }).click();
  await page.waitForURL('**/improvements/IMP-0001');
  await page.getByRole('region', { name: 'Follow-ups' }).getByRole('link', { name: /IMP-0002 Follow-up to IMP-0001/ }).waitFor();
  // With a follow-up open the original can go on to Act.
  await press(page, 'Move to Act');
  await stageIs(page, 'IMP-0001', 'Act');

  // The follow-up itself: an ineffective check sends it back to Plan for a new cycle.
  await page.goto(env.base + '/improvements/IMP-0002');
  await type(page, 'Planned actions', 'Restore to the faster storage tier.');
  await press(page, 'Move to Do');
  await stageIs(page, "IMP-0002", 'Do');
  await type(page, 'Actions taken', 'Moved backups to the fast tier.');
  await press(page, 'Move to Check');
  await stageIs(page, "IMP-0002", 'Check');
  await type(page, 'Measured result', 'Still 6 hours.');
  await page.getByLabel('Not effective').check();
  await press(page, 'Return to Plan for a new cycle');
  await stageIs(page, 'IMP-0002', 'Plan');
  const history = await page.getByRole('region', { name: 'History' }).textContent();
  assert.match(history, /Check → Plan/);
  assert.match(history, /not effective \(cycle 1\): Still 6 hours/);
  assert.match(await page.getByRole('region', { name: 'Details' }).textContent(), /Cycle2/);
  assert.deepEqual(page.errors, []);
});

test('table sorts and filters through the URL; overdue items stand out; Export CSV downloads', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  const raise = async (title, kind) => {
    await page.goto(env.base + '/improvements');
    const form = page.getByRole('form', { name: 'Raise an item' });
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Kind').selectOption({ label: kind });
    await page.getByRole('button', { name: 'Raise item' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
  };
  await raise('Backup restore test failed', 'Nonconformity');
  await page.getByLabel('Owner').fill('Priya');
  await page.getByLabel('Target date').fill('2026-01-15');
  await page.getByLabel('Priority').selectOption({ label: 'High' });
  await raise('=cmd|"/c calc"!A1, said the survey', 'Complaint');
  await page.getByLabel('Owner').fill('Sam');
  await page.getByLabel('Target date').fill('2099-12-31');
  await raise('Customer survey ideas', 'Improvement opportunity');
  await saved(page);

  // Overdue on the Overview.
  await nav(page, 'Overview');
  const overdue = page.getByRole('region', { name: 'Overdue improvements' });
  await overdue.getByRole('link', { name: 'IMP-0001 Backup restore test failed' }).waitFor();
  assert.equal(await overdue.getByRole('listitem').count(), 1);
  await shot(page, 'improvements-overview-1280');

  // The table, sorted by target date, descending.
  await page.goto(env.base + '/improvements?view=table');
  const table = page.getByRole('table');
  await table.waitFor();
  const views = page.getByRole('navigation', { name: 'Log views' });
  assert.equal(await views.getByRole('link', { name: 'Table' }).getAttribute('aria-current'), 'page');
  assert.equal(await views.getByRole('link', { name: 'Board' }).getAttribute('aria-current'), null);
  await page.getByRole('button', { name: 'Target date' }).click();
  await page.waitForURL(/sort=target/);
  await page.getByRole('button', { name: 'Target date' }).click();
  await page.waitForURL(/sort=target&dir=desc/);
  const ids = async () =>
    (await table.getByRole('row').allTextContents()).slice(1).map((t) => t.slice(0, 8));
  assert.deepEqual(await ids(), ['IMP-0002', 'IMP-0001', 'IMP-0003']);
  assert.equal(
    await page.getByRole('columnheader', { name: /Target date/ }).getAttribute('aria-sort'),
    'descending',
  );
  const late = table.getByRole('row', { name: /IMP-0001/ });
  assert.match(await late.textContent(), /Overdue/);
  await shot(page, 'improvements-table-1280');

  // Filters live in the URL and survive a reload.
  const filters = page.getByRole('search', { name: 'Filter the log' });
  await filters.getByLabel('Kind').selectOption({ label: 'Complaint' });
  await page.waitForURL(/kind=complaint/);
  assert.deepEqual(await ids(), ['IMP-0002']);
  await page.getByRole('status').filter({ hasText: 'Showing 1 of 3 items.' }).waitFor();
  await page.reload();
  await table.waitFor();
  assert.deepEqual(await ids(), ['IMP-0002']);
  assert.equal(await filters.getByLabel('Kind').evaluate((s) => s.selectedOptions[0].textContent), 'Complaint');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Only overdue').check();
  await page.waitForURL(/overdue=1/);
  assert.deepEqual(await ids(), ['IMP-0001']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Search').fill('survey');
  await page.waitForURL(/q=survey/);
  assert.deepEqual(await ids(), ['IMP-0002', 'IMP-0003']);
  await filters.getByLabel('Owner').selectOption('Sam');
  assert.deepEqual(await ids(), ['IMP-0002']);
  // Back to the board, keeping the filters.
  await page.getByRole('link', { name: 'Board', exact: true }).click();
  await page.waitForURL((url) => !url.search.includes('view=table') && url.search.includes('q=survey'));
  await page.getByRole('region', { name: 'Plan (1)' }).waitFor();

  // Export CSV: the whole log, UTF-8, stable columns, formulas neutralised.
  const download = await downloadFile(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  assert.match(download.name, /^harbour-street-it-\d{4}-\d\d-\d\d-improvements\.csv$/);
  const file = join(ARTIFACTS, 'improvements.csv');
  await download.saveAs(file);
  const csv = await readFile(file, 'utf8');
  const lines = csv.split('\r\n');
  assert.match(lines[0], /^\uFEFFid,title,kind,source,priority,owner,stage,overdue,raised_on,target_date,/);
  assert.equal(lines.filter((l) => l.startsWith('IMP-')).length, 3);
  assert.match(csv, /IMP-0001,Backup restore test failed,Nonconformity,Other,High,Priya,Plan,yes,/);
  assert.match(csv, /IMP-0002,"'=cmd\|""\/c calc""!A1, said the survey",Complaint,/);
  await page.getByRole('status').filter({ hasText: /^Exported harbour-street-it/ }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the log, table and item page fit a phone without sideways scrolling', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/8.5.1.2');
  await page.getByRole('button', { name: 'Raise improvement' }).click();
  await page.waitForURL('**/improvements/IMP-0001');
  await page.getByLabel('Target date').fill('2026-01-31');
  await page.getByLabel('Owner').fill('Jo Bloggs-Featherstonehaugh');
  await page.getByLabel('Link a requirement').selectOption('10.1');
  await page.getByRole('button', { name: 'Link requirement' }).click();
  await page.getByRole('link', { name: /^10\.1 / }).waitFor();
  await saved(page);
  for (const [path, name] of [
    ['/improvements', 'improvements-board-390'],
    ['/improvements?view=table', 'improvements-table-390'],
    ['/improvements/IMP-0001', 'improvements-detail-390'],
    ['/', 'improvements-overview-390'],
  ]) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await shot(page, name);
  }
  assert.deepEqual(page.errors, []);
});
