// End-to-end: the guided assessment (issue #4) — keyboard walk, evidence
// shared by two requirements, filters in the URL, and the Overview's figures.
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

/// Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would.
async function tabTo(page, describe, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      const label = el.labels?.[0]?.textContent ?? '';
      return { tag: el.tagName, text: el.textContent.trim(), label, outline: getComputedStyle(el).outlineStyle };
    });
    if (describe(here)) {
      assert.notEqual(here.outline, 'none', `focus is visible on ${here.tag} ${here.text || here.label}`);
      return;
    }
  }
  throw new Error('never reached the element by keyboard');
}

test('walk requirements with the keyboard only', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/4.1');
  await page.getByText('1 of 57').waitFor();
  // Shortcuts when not typing in a field.
  await page.keyboard.press('n');
  await page.waitForURL('**/clauses/4.2');
  await page.getByText('2 of 57').waitFor();
  await page.keyboard.press('n');
  await page.waitForURL('**/clauses/4.3');
  await page.keyboard.press('p');
  await page.waitForURL('**/clauses/4.2');

  // Set the status with the keyboard: Tab to the select, arrow to a value.
  await tabTo(page, (e) => e.tag === 'SELECT' && e.label === 'Status');
  await page.keyboard.press('ArrowDown'); // Not implemented
  await page.keyboard.press('ArrowDown'); // Partially implemented
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  assert.equal(
    await page.getByLabel('Status').evaluate((s) => s.selectedOptions[0].textContent),
    'Partially implemented',
  );
  // Typing "n" in a field is text, not navigation.
  await tabTo(page, (e) => e.tag === 'TEXTAREA' && e.label === 'Notes');
  await page.keyboard.type('none yet');
  assert.match(page.url(), /\/clauses\/4\.2$/);
  // Back up to the Next button and press Enter.
  await tabTo(page, (e) => e.tag === 'BUTTON' && e.text === 'Next requirement', { back: true, max: 80 });
  await page.keyboard.press('Enter');
  await page.waitForURL('**/clauses/4.3');

  // The help dialog opens with ?, closes with Escape, and focus comes back.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await shot(page, 'e2e-help-dialog-1280');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog.waitFor();
  await page.getByRole('button', { name: 'Close help' }).click();
  assert.equal(
    await page.evaluate(() => document.activeElement.textContent.trim()),
    'Keyboard shortcuts',
    'focus returns to the button that opened the dialog',
  );
  // The last requirement has no Next.
  await page.goto(env.base + '/clauses/10.2');
  assert.equal(await page.getByRole('button', { name: 'Next requirement' }).isDisabled(), true);
  assert.deepEqual(page.errors, []);
});

test('one evidence item serves two requirements, and the Overview follows', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/8.5.1.1');
  await page.getByLabel('New evidence title').fill('Change management policy v2');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByRole('button', { name: 'Edit EV-0001' }).click();
  await page.getByLabel('Reference or location').fill('SharePoint / ITSM / change-policy.docx');
  await page.getByLabel('Version').fill('2.1');
  // The form stays open while typing.
  await page.getByLabel('Evidence owner').fill('Jo');
  await page.getByLabel('Next review date').fill('2026-01-31');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();

  await page.goto(env.base + '/clauses/8.5.1.3');
  await page.getByLabel('Existing evidence item').selectOption({ label: 'EV-0001 Change management policy v2' });
  await page.getByRole('button', { name: 'Link evidence' }).click();
  await page.getByText('linked to 2 requirements').waitFor();

  // Status, capability and finding move the Overview's numbers.
  await page.getByLabel('Status').selectOption({ label: 'Fully implemented' });
  await page.goto(env.base + '/clauses/8.5.1.1');
  await page.getByLabel('Status').selectOption({ label: 'Not implemented' });
  await page.getByLabel('Current capability').selectOption({ label: '1 Performed' });
  await page.getByLabel('Target capability').selectOption({ label: '3 Established' });
  // A target below the current level is refused with the reason.
  await page.getByLabel('Target capability').selectOption({ label: '0 Incomplete' });
  await page.getByRole('alert').filter({ hasText: 'cannot be below the current level' }).waitFor();
  await page.getByLabel('Finding').selectOption({ label: 'Major nonconformity' });
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();

  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  assert.equal(await page.getByTestId('ready-percent').textContent(), '2%');
  const gaps = page.getByRole('region', { name: 'Top gaps' });
  assert.match(await gaps.textContent(), /8\.5\.1\.1 Change management policy — Major nonconformity/);
  assert.match(await gaps.textContent(), /Evidence EV-0001 .* past its review date/);
  const radar = page.getByRole('table', { name: 'Average capability level (0–5)' });
  assert.match(await radar.getByRole('row', { name: /^8 / }).textContent(), /1\.03\.0/);
  await page.getByRole('img', { name: /Capability radar/ }).waitFor();

  // Unlink keeps the item; delete removes it everywhere.
  await page.goto(env.base + '/clauses/8.5.1.3');
  await page.getByRole('button', { name: 'Unlink EV-0001' }).click();
  await page.getByText('No evidence linked yet.').waitFor();
  await page.goto(env.base + '/clauses/8.5.1.1');
  await page.getByRole('button', { name: 'Delete EV-0001' }).click();
  await page.getByRole('button', { name: 'Yes, delete EV-0001' }).click();
  await page.getByText('No evidence linked yet.').waitFor();
  assert.deepEqual(page.errors, []);
});

test('clause filters live in the URL', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/9.2');
  await page.getByLabel('Status').selectOption({ label: 'Largely implemented' });
  await page.getByLabel('Owner').fill('Priya');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.goto(env.base + '/clauses');
  await page.getByLabel('Status').selectOption({ label: 'Largely implemented' });
  await page.waitForURL('**/clauses?status=largely_implemented');
  await page.getByText('1 of 57 requirements match.').waitFor();
  const tree = page.getByRole('navigation', { name: 'Clauses' });
  assert.equal(await tree.getByRole('link', { name: /^9\.2 Internal audit/ }).count(), 1);
  assert.equal(await tree.getByRole('link', { name: /^4\.1 / }).count(), 0);
  // A shared link opens with the same filter.
  await page.goto(env.base + '/clauses?owner=priya&phase=check');
  await page.getByText('1 of 57 requirements match.').waitFor();
  assert.equal(await page.getByLabel('Owner').inputValue(), 'priya');
  await page.getByLabel('Search').fill('management review');
  await page.getByText('0 of 57 requirements match.').waitFor();
  assert.match(page.url(), /q=management%20review/);
  await page.goto(env.base + '/clauses?phase=act');
  await page.getByText('2 of 57 requirements match.').waitFor();
  await shot(page, 'e2e-filter-1280');
});

test('the 7.5.4 page carries the documented-information checklist', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/7.5.4');
  const table = page.getByRole('table');
  await table.getByRole('row', { name: /Change management policy/ }).waitFor();
  await page.getByLabel('Status of Change management policy').selectOption({ label: 'Approved' });
  await page.getByLabel('Owner of Change management policy').fill('Jo');
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.reload();
  assert.equal(await page.getByLabel('Owner of Change management policy').inputValue(), 'Jo');
  assert.equal(
    await page.getByLabel('Status of Change management policy').evaluate((s) => s.value),
    'approved',
  );
});
