// Data safety in the release build: several workbooks and the sample, two
// tabs on one workbook, an older app against newer data, full storage, a
// crash, undo and redo by keyboard, backups and their reminder, snapshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newPage, shot, ARTIFACTS, createWorkbook, storedRaw, editStored, downloadFile, fillStorage } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const SAMPLE = 'Harbour Street IT Services Ltd';
const status = (page) => page.getByTestId('save-status');

/// The id and head of the open workbook, from storage.
function openHead(page) {
  return page.evaluate(() => {
    const id = localStorage.getItem('clausebook.active');
    return { id, head: JSON.parse(localStorage.getItem(`clausebook.wb.${id}.head`)) };
  });
}

test('two tabs on one workbook: the stale tab stops saving and says so', async () => {
  const one = await newPage(env);
  await createWorkbook(one, env.base, 'Two Tabs Ltd');
  await status(one).filter({ hasText: /^Saved at/ }).waitFor();
  const two = await one.context().newPage();
  two.errors = [];
  await two.goto(env.base + '/clauses/4.1');
  await two.getByLabel('Notes').waitFor();
  await one.goto(env.base + '/clauses/4.1');
  await one.getByLabel('Notes').fill('Written in tab one');
  await status(one).filter({ hasText: /^Saved at/ }).waitFor();
  // Tab two hears of it at once, before it even tries to write.
  await status(two).filter({ hasText: /changed in another tab/ }).waitFor();
  await two.getByRole('button', { name: 'Reload' }).waitFor();
  await two.getByLabel('Notes').fill('Typed in the stale tab');
  await two.waitForTimeout(600);
  assert.match(await storedRaw(one), /Written in tab one/);
  assert.doesNotMatch(await storedRaw(one), /stale tab/);
  await shot(two, 'safety-stale-tab-1280');
  // The app's own Reload is not a leave to warn about (it once made the
  // browser ask "leave page?" after typing in the stale tab).
  const asked = [];
  two.on('dialog', async (d) => {
    asked.push(d.type());
    await d.accept();
  });
  await two.getByRole('button', { name: 'Reload' }).click();
  await two.getByLabel('Notes').waitFor();
  assert.equal(await two.getByLabel('Notes').inputValue(), 'Written in tab one');
  assert.deepEqual(asked, [], 'no leave-page question');
  assert.deepEqual(one.errors, []);
});

test('an older app never writes over data saved by a newer one', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Versions Ltd');
  await status(page).filter({ hasText: /^Saved at/ }).waitFor();
  const before = await storedRaw(page);
  // A newer Clausebook (in another tab) saved it last.
  await page.evaluate(() => {
    const id = localStorage.getItem('clausebook.active');
    const key = `clausebook.wb.${id}.head`;
    const head = JSON.parse(localStorage.getItem(key));
    head.app_version = '99.0.0';
    localStorage.setItem(key, JSON.stringify(head));
  });
  await page.goto(env.base + '/clauses/4.2');
  await page.getByLabel('Owner').fill('Older tab');
  await status(page).filter({ hasText: /newer version of Clausebook \(99\.0\.0\)/ }).waitFor();
  assert.equal(await storedRaw(page), before);

  // Data of a newer schema opens the recovery screen, which offers an
  // update and no deletion.
  await editStored(page, 'stored.schema_version = 99;');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /could not be opened/ }).waitFor();
  await page.getByText(/newer Clausebook/).first().waitFor();
  await page.getByRole('button', { name: 'Reload to update' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Delete stored data and start again' }).isVisible(), false);
});

test('full storage: a visible error, the work on screen, the last copy kept, one click to export', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Full Storage Ltd');
  await status(page).filter({ hasText: /^Saved at/ }).waitFor();
  const before = await storedRaw(page);
  // Someone else's data fills the rest of the quota, to within a few KB.
  await page.evaluate(fillStorage);
  await page.goto(env.base + '/clauses/4.1');
  const notes = 'n'.repeat(20_000); // the longest a note may be
  await page.getByLabel('Notes').fill(notes);
  await status(page).filter({ hasText: /Not saved.*full/ }).waitFor();
  // Where the person works, with the header scrolled away, the failure shows
  // too, and further typing does not announce it again.
  const problem = page.getByTestId('save-problem').getByText(/^Not saved — .*full/);
  await problem.waitFor();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await problem.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && box.y >= 0 && box.y + box.height <= viewport.height, 'the failure is in view at the foot of the page');
  await page.evaluate(() => {
    window.__announced = 0;
    new MutationObserver((m) => (window.__announced += m.length)).observe(document.querySelector('[data-testid=save-problem]'), {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  await page.getByLabel('Owner').pressSequentially('Priya');
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => window.__announced), 0, 'announced once, not at every keystroke');
  await shot(page, 'safety-storage-full-1280');
  assert.equal((await page.getByLabel('Notes').inputValue()).length, notes.length);
  const download = await downloadFile(page, () => page.getByRole('banner').getByRole('button', { name: 'Export JSON' }).click());
  const saved = join(ARTIFACTS, 'full-storage-export.json');
  await download.saveAs(saved);
  const exported = JSON.parse(await readFile(saved, 'utf8'));
  assert.equal(exported.workbook.assessments['4.1'].notes.length, notes.length);
  assert.equal(await storedRaw(page), before, 'the last good copy is untouched');
});

test('a crash shows a screen that exports what was in memory', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Crash Ltd');
  await page.goto(env.base + '/clauses/5.1');
  // Hold back the autosave so the note exists only in memory.
  await page.evaluate(() => {
    const original = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => (ms === 300 ? 0 : original(fn, ms, ...rest));
  });
  await page.getByLabel('Notes').fill('Only in memory');
  await page.evaluate(() => {
    try {
      window.wasmBindings.selftest_crash();
    } catch {
      // The panic ends the call; the screen stays.
    }
  });
  const dialog = page.getByRole('alertdialog', { name: 'Clausebook stopped because of an internal error' });
  await dialog.waitFor();
  await shot(page, 'safety-crash-1280');
  const download = await downloadFile(page, () => dialog.getByRole('link', { name: 'Export JSON' }).click());
  const saved = join(ARTIFACTS, 'crash-export.json');
  await download.saveAs(saved);
  const exported = JSON.parse(await readFile(saved, 'utf8'));
  assert.equal(exported.format, 'clausebook.workbook');
  assert.equal(exported.workbook.assessments['5.1'].notes, 'Only in memory');
  await dialog.getByRole('link', { name: 'Reload Clausebook' }).waitFor();
});

test('undo and redo by keyboard, for typing and for a deletion', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Undo Ltd');
  await page.goto(env.base + '/clauses/6.1');
  const notes = page.getByLabel('Notes');
  await notes.click();
  await page.keyboard.type('Risk register reviewed');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('#notes').value === '');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => document.querySelector('#notes').value === 'Risk register reviewed');
  // Buttons too, and they reach storage.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelector('#notes').value === '');
  await status(page).filter({ hasText: /^Saved at/ }).waitFor();
  await page.reload();
  await notes.waitFor();
  assert.equal(await notes.inputValue(), '');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true, 'history is per session');
});

test('several workbooks, the sample, rename, duplicate, delete and undo', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Explore the sample workbook' }).click();
  await page.getByTestId('organisation').filter({ hasText: SAMPLE }).waitFor();
  await page.getByRole('link', { name: 'Workbooks', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workbooks' }).waitFor();
  // Create the user's own beside it.
  await page.getByLabel('Organisation name').fill('Own Work Ltd');
  await page.getByRole('button', { name: 'Create and open' }).click();
  await page.getByTestId('organisation').filter({ hasText: 'Own Work Ltd' }).waitFor();
  await page.getByRole('heading', { level: 3, name: /Own Work Ltd — open now/ }).waitFor();
  const sampleName = `Sample: ${SAMPLE}`;
  await page.getByRole('button', { name: `Duplicate ${sampleName}` }).click();
  await page.getByRole('heading', { level: 3, name: `${sampleName} (copy)` }).waitFor();
  await page.getByRole('button', { name: `Rename ${sampleName} (copy)` }).click();
  await page.getByLabel(`New name for ${sampleName} (copy)`).fill('Course 12');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByRole('heading', { level: 3, name: 'Course 12' }).waitFor();
  await page.getByRole('button', { name: 'Delete Course 12' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByRole('button', { name: 'Undo delete' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 3, name: 'Course 12' }).count(), 0);
  await page.getByRole('button', { name: 'Undo delete' }).click();
  await page.getByRole('heading', { level: 3, name: 'Course 12' }).waitFor();
  await shot(page, 'safety-workbooks-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'safety-workbooks-390');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 390), true);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Opening another one; the open one is remembered across a reload.
  await page.getByRole('button', { name: `Open ${sampleName}` }).click();
  await page.getByTestId('organisation').filter({ hasText: SAMPLE }).waitFor();
  await page.reload();
  await page.getByTestId('organisation').filter({ hasText: SAMPLE }).waitFor();
  await page.getByTestId('storage-usage').filter({ hasText: /of about 5\.0 MB/ }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('backups: the header tells when, Save to file exports, and a week of changes brings a reminder', async () => {
  const page = await newPage(env);
  // Save to file downloads here, as outside Chromium (file.test.mjs covers the chosen file).
  await page.addInitScript(() => {
    window.showSaveFilePicker = undefined;
  });
  await createWorkbook(page, env.base, 'Backup Ltd');
  await page.getByTestId('backup-status').filter({ hasText: 'Never saved to a file' }).waitFor();
  const download = await downloadFile(page, () => page.getByRole('banner').getByRole('button', { name: 'Save to file' }).click());
  assert.match(download.name, /^backup-ltd-\d{4}-\d\d-\d\d\.clausebook\.json$/);
  await page.getByTestId('backup-status').filter({ hasText: 'Downloaded today · no changes since' }).waitFor();
  // Ten days later, with changes since.
  const { id, head } = await openHead(page);
  await page.evaluate(
    ([id, revision]) => {
      const old = new Date(Date.now() - 10 * 24 * 3600 * 1000).toISOString();
      localStorage.setItem(`clausebook.wb.${id}.backup`, JSON.stringify({ exported_at: old, revision: revision - 1 }));
    },
    [id, head.revision],
  );
  await page.reload();
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await reminder.waitFor();
  await page.getByTestId('backup-status').filter({ hasText: 'Downloaded 10 days ago · 1 change since' }).waitFor();
  await shot(page, 'safety-backup-reminder-1280');
  await reminder.getByRole('button', { name: 'Remind me tomorrow' }).click();
  await reminder.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('backup-status').waitFor();
  assert.equal(await page.getByRole('region', { name: 'Backup reminder' }).count(), 0, 'snoozed');
});

test('snapshots: an earlier version is restored from the Data page', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Snapshot Ltd');
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Owner').fill('First owner');
  await status(page).filter({ hasText: /^Saved at/ }).waitFor();
  // A new session: its first save keeps the copy it found.
  await page.reload();
  await page.getByLabel('Owner').fill('Second owner');
  await status(page).filter({ hasText: /^Saved at/ }).waitFor();
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const restore = page.getByRole('button', { name: /^Restore the version of/ });
  await restore.first().waitFor();
  await shot(page, 'safety-snapshots-1280');
  await restore.first().click();
  await page.getByRole('button', { name: 'Yes, restore' }).click();
  await page.getByText(/^Restored\./).waitFor();
  await page.goto(env.base + '/clauses/4.1');
  assert.equal(await page.getByLabel('Owner').inputValue(), 'First owner');
  assert.deepEqual(page.errors, []);
});
