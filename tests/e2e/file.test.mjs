// A real file as the safe copy: Save to file (a download, or in Chromium a
// file chosen once through the File System Access API), an encrypted file
// under a passphrase, and Open a workbook file on the welcome page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { launch, newPage, ARTIFACTS, createWorkbook, downloadFile, chooseFiles, skipIn } from './browser.mjs';
import { sealFile } from './sealed.mjs';

const OPEN = { button: 'Open a workbook file', input: 'Clausebook workbook file to open' };
const PASSPHRASE = 'tide tables at low water';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// A page where Save to file downloads, as in Firefox and Safari: Chromium's
/// own picker is hidden (headless, it has no one to ask).
async function downloadingPage() {
  const page = await newPage(env);
  await page.addInitScript(() => {
    window.showSaveFilePicker = undefined;
  });
  return page;
}

const backupLine = (page, text) => page.getByTestId('backup-status').filter({ hasText: text }).waitFor();

async function today(page) {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

async function editNotes(page, text) {
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Notes').fill(text);
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
}

test('Save to file downloads a file with a clear name; the backup line counts changes since; it opens back', async () => {
  const page = await downloadingPage();
  await createWorkbook(page, env.base, 'Harbour Street IT');
  await backupLine(page, 'Never saved to a file');
  const file = await downloadFile(page, () => page.getByRole('banner').getByRole('button', { name: 'Save to file' }).click());
  assert.equal(file.name, `harbour-street-it-${await today(page)}.clausebook.json`);
  assert.equal(JSON.parse(file.text).workbook.organisation.name, 'Harbour Street IT');
  await backupLine(page, 'Downloaded today · no changes since');
  await editNotes(page, 'Issues list drafted');
  await backupLine(page, /Downloaded today · 1 change since/);

  const path = join(ARTIFACTS, 'file-plain.clausebook.json');
  await file.saveAs(path);
  await page.evaluate(() => localStorage.clear());
  await page.goto(env.base + '/');
  await chooseFiles(page, OPEN, path);
  const preview = page.getByRole('region', { name: 'Check before importing' });
  await preview.waitFor();
  assert.match(await preview.textContent(), /Harbour Street IT/);
  assert.equal(await page.getByRole('button', { name: 'Replace current workbook' }).count(), 0);
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('with a passphrase the file holds no workbook text, and opening it asks for the passphrase', async () => {
  const page = await downloadingPage();
  await createWorkbook(page, env.base, 'Lighthouse Keepers Ltd');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByLabel('Passphrase (optional)').fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill('not the same');
  await page.getByRole('button', { name: 'Save to file', exact: true }).first().waitFor();
  const card = page.getByRole('region', { name: 'Save to file' });
  await card.getByRole('button', { name: 'Save to file' }).click();
  await card.getByRole('alert').filter({ hasText: 'The two passphrases differ' }).waitFor();
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  const file = await downloadFile(page, () => card.getByRole('button', { name: 'Save to file' }).click());
  assert.match(file.name, /^lighthouse-keepers-ltd-\d{4}-\d\d-\d\d\.clausebook\.json$/);
  assert.ok(!file.text.includes('Lighthouse'), 'no organisation name in the encrypted file');
  assert.ok(!file.text.includes('Keepers'), 'no organisation name in the encrypted file');
  const envelope = JSON.parse(file.text);
  assert.equal(envelope.clausebook_sealed, 1);
  assert.equal(envelope.cipher.name, 'AES-GCM');
  assert.ok(envelope.key_derivation.iterations >= 600000);
  await backupLine(page, 'Downloaded today, encrypted · no changes since');
  assert.equal(await page.getByLabel('Passphrase (optional)').inputValue(), '', 'the passphrase is not kept');
  // One click in the header does not write this workbook in the clear: it
  // asks for the passphrase on the Data page.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.getByRole('banner').getByRole('button', { name: 'Save to file' }).click();
  await page.waitForURL('**/data');
  await page.getByRole('banner').getByRole('status').filter({ hasText: 'enter its passphrase to save it again' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'file-passphrase');
  await backupLine(page, 'Downloaded today, encrypted · no changes since');
  const path = join(ARTIFACTS, 'file-sealed.clausebook.json');
  await file.saveAs(path);

  // A fresh profile: nothing in storage, the welcome page.
  const fresh = await newPage(env);
  await fresh.goto(env.base + '/');
  await chooseFiles(fresh, OPEN, path);
  const field = fresh.getByLabel('Passphrase for this file');
  await field.waitFor();
  await field.fill('low tide');
  await fresh.getByRole('button', { name: 'Decrypt' }).click();
  await fresh
    .getByTestId('passphrase-error')
    .filter({ hasText: 'The passphrase is not the one this file was saved with. Nothing was changed.' })
    .waitFor();
  assert.equal(await fresh.evaluate(() => document.activeElement?.id), 'open-passphrase', 'focus stays in the field');
  assert.equal(await fresh.getByRole('region', { name: 'Check before importing' }).count(), 0);
  assert.equal(await fresh.evaluate(() => localStorage.getItem('clausebook.library')), null, 'no workbook opened');
  assert.equal(await fresh.getByTestId('organisation').textContent(), '');

  await field.fill(PASSPHRASE);
  await field.press('Enter');
  const preview = fresh.getByRole('region', { name: 'Check before importing' });
  await preview.waitFor();
  assert.match(await preview.textContent(), /Lighthouse Keepers Ltd/);
  await fresh.getByRole('button', { name: 'Import as a new workbook' }).click();
  await fresh.getByRole('heading', { level: 1, name: 'Lighthouse Keepers Ltd' }).waitFor();
  await fresh.getByRole('status').filter({ hasText: /^Saved at|All changes saved/ }).waitFor();
  await fresh.reload();
  await fresh.getByRole('heading', { level: 1, name: 'Lighthouse Keepers Ltd' }).waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(fresh.errors, []);
});

test('a file encrypted by another Web Crypto (Node) opens on the Workbooks page; one asking for too few rounds is refused', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Already Open Ltd');
  const fixture = await readFile(join(import.meta.dirname, '..', '..', 'core', 'tests', 'fixtures', 'workbook-v4.json'), 'utf8');
  const organisation = JSON.parse(fixture).workbook.organisation.name;
  const weak = join(ARTIFACTS, 'file-weak.clausebook.json');
  await writeFile(weak, await sealFile(fixture, 'pass', { iterations: 1000 }));
  await page.goto(env.base + '/workbooks');
  await chooseFiles(page, OPEN, weak);
  await page.getByTestId('import-error').filter({ hasText: /asks for 1000 key-derivation rounds/ }).waitFor();
  assert.equal(await page.getByLabel('Passphrase for this file').count(), 0);

  const good = join(ARTIFACTS, 'file-node-sealed.clausebook.json');
  await writeFile(good, await sealFile(fixture, 'pass'));
  await chooseFiles(page, OPEN, good);
  await page.getByLabel('Passphrase for this file').fill('pass');
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await page.getByRole('region', { name: 'Check before importing' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Replace current workbook' }).count(), 0, 'the Workbooks page only adds');
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  await page.getByTestId('organisation').filter({ hasText: organisation }).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'Already Open Ltd' }).first().waitFor();
  assert.deepEqual(page.errors, []);
});

/// A stand-in for Chromium's File System Access picker: one handle whose
/// writes are recorded in `window.__fsa`; `__fsa.fail` makes the next write
/// be refused, as when permission is withdrawn.
function fakePicker() {
  const fsa = (window.__fsa = { picks: 0, writes: [], fail: false, suggested: null });
  const handle = {
    kind: 'file',
    name: 'harbour.clausebook.json',
    async createWritable() {
      if (fsa.fail) throw new DOMException('The user withdrew permission.', 'NotAllowedError');
      const parts = [];
      const self = this;
      return {
        async write(data) {
          parts.push(typeof data === 'string' ? data : await new Blob([data]).text());
        },
        async close() {
          fsa.writes.push({ same: self === handle, text: parts.join('') });
        },
      };
    },
  };
  window.showSaveFilePicker = async (options) => {
    fsa.picks += 1;
    fsa.suggested = options?.suggestedName ?? null;
    return handle;
  };
}

test(
  'File System Access: the file is chosen once, later saves go to it, the header names it',
  skipIn({ firefox: 'Firefox has no File System Access API: it downloads, as the tests above show' }),
  async () => {
    const page = await newPage(env);
    await page.addInitScript(fakePicker);
    await createWorkbook(page, env.base, 'Harbour Street IT');
    const save = page.getByRole('banner').getByRole('button', { name: 'Save to file' });
    await save.click();
    await backupLine(page, /^Saved to file harbour\.clausebook\.json at \d\d:\d\d · no changes since$/);
    // An edit on the same page: the chosen file is kept for the session
    // (a reload forgets it, as a page load starts a new session).
    await page.getByLabel('Scope').fill('Second save');
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    await backupLine(page, /1 change since/);
    await save.click();
    await backupLine(page, /^Saved to file harbour\.clausebook\.json at \d\d:\d\d · no changes since$/);
    const fsa = await page.evaluate(() => window.__fsa);
    assert.equal(fsa.picks, 1, 'no second picker');
    assert.match(fsa.suggested, /^harbour-street-it-\d{4}-\d\d-\d\d\.clausebook\.json$/);
    assert.equal(fsa.writes.length, 2);
    assert.ok(fsa.writes.every((w) => w.same), 'both saves to the same handle');
    assert.match(fsa.writes[1].text, /Second save/);

    // Permission withdrawn: it says so and offers a download.
    await page.evaluate(() => {
      window.__fsa.fail = true;
    });
    await save.click();
    await page.getByRole('banner').getByRole('status').filter({ hasText: /Could not write to harbour\.clausebook\.json/ }).waitFor();
    const file = await downloadFile(page, () => page.getByRole('banner').getByRole('button', { name: 'Download a copy' }).click());
    assert.match(file.text, /Second save/);
    await backupLine(page, 'Downloaded today · no changes since');
    assert.deepEqual(page.errors, []);
  },
);

test(
  'File System Access: a picker closed by the person is not an error',
  skipIn({ firefox: 'Firefox has no File System Access API' }),
  async () => {
    const page = await newPage(env);
    await page.addInitScript(() => {
      window.showSaveFilePicker = async () => {
        throw new DOMException('The user aborted a request.', 'AbortError');
      };
    });
    await createWorkbook(page, env.base, 'Harbour Street IT');
    await page.getByRole('banner').getByRole('button', { name: 'Save to file' }).click();
    await page.getByRole('banner').getByRole('status').filter({ hasText: 'Not saved to a file.' }).waitFor();
    await backupLine(page, 'Never saved to a file');
    assert.equal(await page.getByRole('banner').getByRole('button', { name: 'Download a copy' }).count(), 0);
    assert.deepEqual(page.errors, []);
  },
);
