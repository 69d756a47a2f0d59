// Made for a phone (issue 21, part 4): below 600 px the header is one line
// (Clausebook, the save state and Menu) and Menu is a disclosure of the
// workbook's tools and the navigation, by mouse and keyboard; from 600 px
// the header is as wide screens always had it. A workbook just created or
// opened starts at the top of its page with focus on its heading. In Study
// an answer row is a tap target of at least 44 × 44 px and a tap anywhere
// on a flashcard turns it. Screens at 390 × 844 and 360 × 740 in both
// themes land in tests/e2e/artifacts/phone-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, newPage, createWorkbook, chooseFiles, useColorScheme, fillStorage, ARTIFACTS, ENGINE } from './browser.mjs';

const FIXTURE = join(import.meta.dirname, '..', '..', 'core', 'tests', 'fixtures', 'workbook-v4.json');
const NAV = ['Overview', 'Clauses', 'Improvements', 'Portfolio', 'Progress', 'Reports', 'Workbooks', 'Data', 'Study'];
const PHONES = [
  [390, 844],
  [360, 740],
];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const menu = (page) => page.getByRole('button', { name: 'Menu' });
const nav = (page) => page.getByRole('navigation', { name: 'Main' });
const headerHeight = async (page) => (await page.getByRole('banner').boundingBox()).height;

/// What the screen shows (not the whole page): the header's share of it is the point.
function screen(page, name) {
  const file = ENGINE === 'chromium' ? name : `${name}-${ENGINE}`;
  return page.screenshot({ path: join(ARTIFACTS, `${file}.png`), caret: 'initial' });
}

/// Waits until focus is on the page's h1, and returns its text.
async function focusedHeading(page) {
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 5000 });
  return page.evaluate(() => document.activeElement.textContent);
}

/// The page starts at its top: the window at 0 and focus on the h1, whose
/// text it returns.
async function startsAtTop(page) {
  const heading = await focusedHeading(page);
  assert.equal(await page.evaluate(() => window.scrollY), 0, `the window is at the top of ${heading}`);
  return heading;
}

/// Scrolls to the foot of the page, as a person who read down to the button.
async function scrollDown(page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'the page was scrolled down first');
}

for (const [width, height] of PHONES) {
  test(`at ${width} × ${height} the header is one line, at most 15% of the screen`, async (t) => {
    const page = await newPage(env, { width, height });
    await page.goto(env.base + '/');
    await page.getByRole('button', { name: 'Create workbook' }).waitFor();
    const empty = await headerHeight(page);
    await createWorkbook(page, env.base, 'Harbour Street IT');
    await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
    const open = await headerHeight(page);
    t.diagnostic(`header at ${width} × ${height}: ${empty} px without a workbook, ${open} px with one`);
    assert.ok(open <= 0.15 * height, `the header is ${open} px tall with a workbook (${((100 * open) / height).toFixed(1)}%)`);
    assert.ok(empty <= 0.15 * height, `the header is ${empty} px tall without a workbook`);
    // One line: the name, the save state and Menu share a row.
    const boxes = await Promise.all(
      [page.getByText('Clausebook', { exact: true }), page.getByTestId('save-status'), menu(page)].map((l) => l.boundingBox()),
    );
    const middles = boxes.map((b) => b.y + b.height / 2);
    assert.ok(Math.max(...middles) - Math.min(...middles) < 12, `one line: ${JSON.stringify(boxes)}`);
    // Menu is a tap target, and nothing behind it is shown until it opens.
    assert.ok(boxes[2].width >= 44 && boxes[2].height >= 44, `Menu is ${boxes[2].width} × ${boxes[2].height}`);
    assert.equal(await nav(page).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).isVisible(), false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
    assert.deepEqual(page.errors, []);
  });
}

test('Menu opens and closes by keyboard, and Tab goes through what it opened', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base, 'Harbour Street IT');
  const button = menu(page);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  const controls = await button.getAttribute('aria-controls');
  assert.ok(await page.locator(`#${controls}`).count(), 'aria-controls names the panel');
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  for (const name of NAV) assert.ok(await nav(page).getByRole('link', { name, exact: true }).isVisible(), `${name} shows`);
  await page.getByLabel('Theme').waitFor({ state: 'visible' });
  await page.getByRole('banner').getByRole('button', { name: 'Save to file' }).waitFor({ state: 'visible' });
  assert.equal(await page.getByTestId('organisation').innerText(), 'Harbour Street IT');
  // Tab from Menu: into the panel, through every link, in order.
  const reached = [];
  for (let i = 0; i < 20 && reached.length < NAV.length; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      inMenu: !!document.activeElement.closest('#header-menu'),
      link: document.activeElement.closest('nav[aria-label="Main"] a')?.textContent ?? null,
    }));
    assert.ok(focused.inMenu, `Tab ${i + 1} stays in the opened menu`);
    if (focused.link) reached.push(focused.link);
  }
  assert.deepEqual(reached, NAV);
  // Escape closes it, and focus goes back to Menu.
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav(page).isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-controls')), controls);
  // Space opens it too.
  await page.keyboard.press('Space');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.errors, []);
});

test('a link followed from Menu opens its page and closes the menu', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base, 'Harbour Street IT');
  await menu(page).click();
  await nav(page).getByRole('link', { name: 'Clauses', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Clauses' }).waitFor();
  assert.equal(await menu(page).getAttribute('aria-expanded'), 'false');
  assert.equal(await nav(page).isVisible(), false);
  // By keyboard, and to the page already shown: it closes all the same.
  await menu(page).focus();
  await page.keyboard.press('Enter');
  await nav(page).getByRole('link', { name: 'Clauses', exact: true }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu(page).getAttribute('aria-expanded'), 'false');
  // A tool in the menu leaves it open.
  await menu(page).click();
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  assert.equal(await menu(page).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(page.errors, []);
});

test('at 1280 px there is no Menu: the navigation and the tools show as before', async () => {
  const page = await newPage(env, { width: 1280, height: 900 });
  await createWorkbook(page, env.base, 'Harbour Street IT');
  assert.equal(await menu(page).count(), 0, 'no Menu button');
  assert.ok(await nav(page).isVisible());
  for (const name of NAV) assert.ok(await nav(page).getByRole('link', { name, exact: true }).isVisible(), `${name} shows`);
  assert.ok(await page.getByLabel('Theme').isVisible());
  assert.ok(await page.getByRole('button', { name: 'Undo', exact: true }).isVisible());
  // The name, the organisation, the save state and the theme on one row, in that order.
  const boxes = await Promise.all(
    [page.getByText('Clausebook', { exact: true }), page.getByTestId('organisation'), page.getByTestId('save-status'), page.getByLabel('Theme')].map((l) =>
      l.boundingBox(),
    ),
  );
  for (let i = 1; i < boxes.length; i++) {
    assert.ok(boxes[i].x > boxes[i - 1].x, `item ${i} is right of item ${i - 1}`);
    assert.ok(Math.abs(boxes[i].y + boxes[i].height / 2 - (boxes[0].y + boxes[0].height / 2)) < 16, `item ${i} is on the first row`);
  }
  await screen(page, 'phone-desktop-1280');
  assert.deepEqual(page.errors, []);
});

test('a save failure on a phone: the header stays one line and the alert shows where the person works', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base, 'Full Storage Ltd');
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  await page.evaluate(fillStorage);
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Notes').fill('n'.repeat(20_000));
  const problem = page.getByTestId('save-problem').getByText(/^Not saved — .*full/);
  await problem.waitFor();
  const box = await problem.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 844, 'the alert is in view');
  await page.getByTestId('save-problem').getByRole('button', { name: 'Download a copy' }).waitFor();
  const height = await headerHeight(page);
  assert.ok(height <= 0.15 * 844, `the header is ${height} px tall while saving fails`);
  await page.getByTestId('save-status').filter({ hasText: /^Not saved/ }).waitFor();
  await screen(page, 'phone-save-failed-390');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screen(page, 'phone-save-failed-top-390');
});

test('after Create workbook the Overview starts at its top, focus on its heading', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/');
  await page.getByLabel('Organisation name').fill('Harbour Street IT');
  await scrollDown(page);
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  assert.equal(await startsAtTop(page), 'Harbour Street IT');
  assert.deepEqual(page.errors, []);
});

test('after Explore the sample workbook its Overview starts at its top, focus on its heading', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Explore the sample workbook' }).waitFor();
  await scrollDown(page);
  await page.getByRole('button', { name: 'Explore the sample workbook' }).click();
  assert.notEqual(await startsAtTop(page), 'Welcome to Clausebook');
  assert.deepEqual(page.errors, []);
});

test('on the Workbooks page, a workbook created, opened from a file or the sample starts at the top', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base, 'First Ltd');
  await page.goto(env.base + '/workbooks');
  await page.getByLabel('Organisation name').fill('Second Ltd');
  await scrollDown(page);
  await page.getByRole('button', { name: 'Create and open' }).click();
  assert.equal(await startsAtTop(page), 'Workbooks');
  await page.getByTestId('organisation').filter({ hasText: 'Second Ltd' }).waitFor({ state: 'attached' });

  // Opening another from the list.
  await page.getByRole('button', { name: 'Open First Ltd' }).focus();
  await page.evaluate(() => window.scrollTo(0, 200));
  await page.getByRole('button', { name: 'Open First Ltd' }).click();
  await page.getByText('Opened. It is the workbook on every page now.').waitFor();
  assert.equal(await startsAtTop(page), 'Workbooks');

  // A workbook file, as a new workbook.
  await page.getByRole('button', { name: 'Open a workbook file' }).scrollIntoViewIfNeeded();
  await chooseFiles(page, { button: 'Open a workbook file', input: 'Clausebook workbook file to open' }, FIXTURE);
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  await page.getByText(/as a new workbook; it is now open/).waitFor();
  assert.equal(await startsAtTop(page), 'Workbooks');

  // The sample.
  await scrollDown(page);
  await page.getByRole('button', { name: 'Load the sample workbook' }).click();
  await page.getByText(/^Added and opened/).waitFor();
  assert.equal(await startsAtTop(page), 'Workbooks');
  assert.deepEqual(page.errors, []);
});

test('a workbook file opened from the welcome page starts at the top of its Overview', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Open a workbook file' }).waitFor();
  await chooseFiles(page, { button: 'Open a workbook file', input: 'Clausebook workbook file to open' }, FIXTURE);
  await scrollDown(page);
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  assert.notEqual(await startsAtTop(page), 'Welcome to Clausebook');
  assert.deepEqual(page.errors, []);
});

test('Study on a phone: a whole answer row takes the tap, and a tap on a flashcard turns it', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/study');
  await page.getByRole('radio', { name: 'Quiz' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Quiz · question 1 of 5' }).waitFor();
  // Start was at the foot of the form: the question begins at the top of the window.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Quiz · question 1 of 5');
  const headingTop = await page.evaluate(() => document.activeElement.getBoundingClientRect().top);
  assert.ok(headingTop >= 0 && headingTop < 50, `the question's heading is at ${headingTop} px`);
  const question = page.getByRole('group').filter({ has: page.getByRole('radio') });
  const rows = question.locator('label.study-option');
  assert.equal(await rows.count(), 4);
  for (let i = 0; i < 4; i++) {
    const box = await rows.nth(i).boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `row ${i + 1} is ${box.width} × ${box.height}`);
  }
  // Near the right edge, where no text is.
  const row = rows.nth(2);
  const box = await row.boundingBox();
  await page.mouse.click(box.x + box.width - 6, box.y + box.height / 2);
  assert.ok(await row.getByRole('radio').isChecked(), 'the tap by the right edge chose the answer');
  // The row's padding, above the text.
  const first = rows.nth(0);
  const top = await first.boundingBox();
  await page.mouse.click(top.x + top.width / 2, top.y + 3);
  assert.ok(await first.getByRole('radio').isChecked(), 'the tap on the top padding chose the answer');

  await page.goto(env.base + '/study');
  await page.getByRole('radio', { name: 'Flashcards' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const card = page.getByRole('group', { name: /^Card 1 of \d+, front side$/ });
  await card.waitFor();
  await page.waitForFunction(() => /^Flashcard 1 of/.test(document.activeElement?.textContent));
  const cardBox = await card.boundingBox();
  assert.ok(cardBox.y >= 0 && cardBox.y + cardBox.height <= 844, `the card is in view: ${JSON.stringify(cardBox)}`);
  assert.ok(cardBox.height >= 44);
  // On its text, and on its corner.
  const text = await card.locator('.flashcard-text').boundingBox();
  await page.mouse.click(text.x + 4, text.y + text.height / 2);
  await page.getByRole('group', { name: /^Card 1 of \d+, back side$/ }).waitFor();
  await page.mouse.click(cardBox.x + cardBox.width - 6, cardBox.y + 6);
  await page.getByRole('group', { name: /^Card 1 of \d+, front side$/ }).waitFor();
  // By keyboard: one real button, with a visible ring on the card.
  const turn = page.getByRole('button', { name: 'Turn card over' });
  assert.equal(await turn.count(), 1);
  await page.getByRole('heading', { name: /^Flashcard 1 of/ }).click();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Turn card over');
  const ring = await card.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(ring, 'solid', 'the card shows the focus');
  await page.keyboard.press('Enter');
  await page.getByRole('group', { name: /^Card 1 of \d+, back side$/ }).waitFor();
  assert.equal(await turn.getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Space');
  await page.getByRole('group', { name: /^Card 1 of \d+, front side$/ }).waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: /^Flashcard 2 of \d+$/ }).waitFor();
  assert.deepEqual(page.errors, []);
});

// The screens a person meets, in both themes at both phone sizes: the menu
// closed and open, the Overview, a requirement page and a study question.
for (const scheme of ['light', 'dark']) {
  for (const [width, height] of PHONES) {
    test(`phone screens at ${width} × ${height} (${scheme})`, async () => {
      const page = await newPage(env, { width, height });
      await useColorScheme(page, scheme);
      await page.goto(env.base + '/');
      await page.getByRole('button', { name: 'Explore the sample workbook' }).click();
      await focusedHeading(page);
      const tag = `${width}-${scheme}`;
      await screen(page, `phone-menu-closed-${tag}`);
      await menu(page).click();
      await nav(page).waitFor();
      await screen(page, `phone-menu-open-${tag}`);
      await menu(page).click();
      await page.evaluate(() => window.scrollTo(0, 520));
      await screen(page, `phone-overview-${tag}`);
      await page.goto(env.base + '/clauses/8.5.1.2');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screen(page, `phone-requirement-${tag}`);
      await page.getByLabel('Status').scrollIntoViewIfNeeded();
      await screen(page, `phone-requirement-form-${tag}`);
      await page.goto(env.base + '/study');
      await page.getByRole('radio', { name: 'Quiz' }).check();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('heading', { name: 'Quiz · question 1 of 5' }).waitFor();
      await page.getByRole('group').filter({ has: page.getByRole('radio') }).locator('label.study-option').nth(1).click();
      await screen(page, `phone-study-${tag}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
      assert.deepEqual(page.errors, []);
    });
  }
}
