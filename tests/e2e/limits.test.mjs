// Anything a field accepts saves: every free-text field of every editing
// page, filled to its own maxlength (with characters that cost more in some
// browsers' storage), is found again after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

// The pages where text saves as it is typed, in the sample workbook.
const PAGES = ['/', '/clauses/4.1', '/clauses/8.5.1.1', '/improvements/IMP-0001', '/portfolio/SVC-0001', '/data'];

// Fields that hold a draft for an action rather than saving as typed: who
// decided a lifecycle move and why, recorded when the move is made
// (portfolio.test.mjs makes moves).
const DRAFTS = new Set(['move-who', 'move-why']);

/// The page's free-text controls: every text input and textarea, and
/// whether each saves as it is typed (outside a form that has a submit
/// button), is editable, and says its limit.
function fields(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main input:not([type]), main input[type=text], main textarea')]
      .filter((el) => el.offsetParent !== null && !el.closest('[role=search]'))
      .map((el) => ({
        id: el.id,
        label: el.labels?.[0]?.textContent.trim() ?? '',
        max: el.maxLength,
        editable: !el.readOnly && !el.disabled,
        // A number typed as text is checked as a number, not filled with words.
        numeric: el.inputMode === 'decimal' || el.inputMode === 'numeric',
        autosaves: !el.closest('form')?.querySelector('button[type=submit]'),
      })),
  );
}

/// A text of exactly `n` characters, with some that WebKit charges double.
/// It ends in a full stop: names and scopes are kept without the spaces
/// around them.
const fill = (n) => 'Zürich’s desk – '.repeat(Math.ceil(n / 16)).slice(0, n - 1) + '.';

test('every text field says its limit, and a field filled to it saves', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Explore the sample workbook' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT Services Ltd' }).waitFor();
  const unlimited = [];
  let filled = 0;
  for (const path of PAGES) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const found = await fields(page);
    unlimited.push(...found.filter((f) => f.max < 0).map((f) => `${path} ${f.label || f.id}`));
    const typed = found.filter((f) => f.editable && !f.numeric && f.autosaves && f.max > 0 && f.id && !DRAFTS.has(f.id));
    for (const f of typed) {
      await page.locator(`#${f.id}`).fill(fill(f.max));
      filled += 1;
    }
    // Past the autosave's pause, so the status is this save's.
    await page.waitForTimeout(1500);
    const status = page.getByTestId('save-status');
    await status.filter({ hasText: /^Saved at/ }).waitFor({ timeout: 10_000 }).catch(async () => {
      assert.fail(`${path}: ${await status.textContent()} (filled ${typed.map((f) => f.label).join(', ')})`);
    });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    for (const f of typed) {
      const value = await page.locator(`#${f.id}`).inputValue();
      assert.equal(value.length, f.max, `${path} ${f.label}: ${value.length} of ${f.max} characters after a reload`);
      assert.equal(value, fill(f.max), `${path} ${f.label} kept every character`);
    }
  }
  assert.deepEqual(unlimited, [], 'fields without a maxlength');
  assert.ok(filled >= 10, `${filled} fields filled`);
  assert.deepEqual(page.errors, []);
});

test('a workbook created with the longest organisation name is kept', async () => {
  const page = await newPage(env);
  await page.goto(env.base + '/');
  const name = page.getByLabel('Organisation name');
  const max = await name.evaluate((el) => el.maxLength);
  assert.ok(max > 0, 'the name field says its limit');
  await name.fill(fill(max));
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: fill(max) }).waitFor();
  assert.deepEqual(page.errors, []);
});
