// Study mode: with no workbook, open Study from the navigation, take a quiz
// by keyboard and by mouse, run a timed practice, and see the history after
// a reload; take a 40-question mock exam on a phone and review it; rate a
// flashcard and find it no longer due after a reload. Checks axe on each
// state and that nothing scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launch, newPage, shot, useColorScheme, unexpectedErrors } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function axe(page, what) {
  // Through the DevTools protocol: the page's CSP blocks injected <script> tags.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.map((v) => `${what}: ${v.id} ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

/// Answers the current question with the first option, by keyboard or mouse,
/// and returns the verdict line.
async function answer(page, { keyboard }) {
  const group = page.getByRole('group').filter({ has: page.getByRole('radio') });
  if (keyboard) {
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Check answer
  } else {
    await group.getByRole('radio').nth(1).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
  }
  const verdict = page.locator('.study-verdict');
  await verdict.waitFor();
  return verdict.textContent();
}

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`study without a workbook: quiz, timed run and history (${width}px)`, async () => {
    const page = await newPage(env, { width, height });
    await page.goto(env.base + '/');
    await page.getByRole('button', { name: 'Create workbook' }).waitFor();
    // Below 600 px the navigation is behind Menu.
    if (width < 600) await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Study' }).click();
    await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
    await page.getByRole('heading', { name: 'Start studying' }).waitFor();
    assert.deepEqual(await axe(page, 'study start'), []);
    await noSidewaysScroll(page, 'study start');
    await shot(page, `study-start-${width}`);

    // A five-question quiz: first answers by keyboard, the rest by mouse.
    await page.getByRole('radio', { name: 'Quiz' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Quiz · question 1 of 5' }).waitFor();
    const first = await answer(page, { keyboard: true });
    assert.match(first, /^(Correct\.|Not quite\. The answer is “.+”\.)$/);
    // The feedback sits in a live region, with an explanation.
    const feedback = page.getByRole('status').filter({ has: page.locator('.study-verdict') });
    assert.ok((await feedback.locator('.study-explanation').textContent()).length > 20);
    assert.deepEqual(await axe(page, 'study feedback'), []);
    await noSidewaysScroll(page, 'study feedback');
    await shot(page, `study-feedback-${width}`);
    // Focus stayed on the button, which now moves on; Enter goes to question 2.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Quiz · question 2 of 5' }).waitFor();
    for (let i = 2; i <= 5; i++) {
      await answer(page, { keyboard: false });
      await page.getByRole('button', { name: i < 5 ? 'Next question' : 'See results' }).click();
    }
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    assert.match(await page.locator('.study-score').textContent(), /You answered \d of 5 correctly/);
    await page.getByRole('button', { name: 'Study again' }).click();

    // A timed practice run: the countdown is visible and has a text alternative.
    await page.getByRole('radio', { name: 'Timed practice' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('heading', { name: 'Timed practice · question 1 of 5' }).waitFor();
    const timer = page.getByRole('timer');
    assert.match(await timer.textContent(), /Time left 2:[0-5]\d/);
    assert.match(await timer.locator('.visually-hidden').textContent(), /minutes? .*left/);
    assert.deepEqual(await axe(page, 'timed run'), []);
    await noSidewaysScroll(page, 'timed run');
    await shot(page, `study-timed-${width}`);
    for (let i = 1; i <= 5; i++) {
      await answer(page, { keyboard: false });
      await page.getByRole('button', { name: i < 5 ? 'Next question' : 'See results' }).click();
    }
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await page.getByRole('button', { name: 'Study again' }).click();

    // After a reload the history is still there: two runs, chart and table.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
    await page.getByText('2 scored runs so far').waitFor();
    const rows = page.getByRole('table', { name: /Last 2 runs/ }).getByRole('row');
    assert.equal(await rows.count(), 3);
    assert.match(await rows.nth(1).textContent(), /Quiz/);
    assert.match(await rows.nth(2).textContent(), /Timed practice/);
    await page.getByRole('img', { name: /Chart of the scores/ }).waitFor();
    // Studying never creates or touches a workbook.
    const stored = await page.evaluate(() => [localStorage.getItem('clausebook.library'), JSON.parse(localStorage.getItem('clausebook.study')).version]);
    assert.deepEqual(stored, [null, 2]);
    assert.deepEqual(await axe(page, 'study history'), []);
    await noSidewaysScroll(page, 'study history');
    await shot(page, `study-history-${width}`);
    assert.deepEqual(page.errors, []);
  });
}

test('a timed run ends by itself when time is up', async () => {
  const page = await newPage(env);
  await page.clock.install();
  await page.goto(env.base + '/study');
  await page.getByRole('radio', { name: 'Timed practice' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Timed practice · question 1 of 5' }).waitFor();
  await answer(page, { keyboard: false });
  await page.clock.runFor(151_000);
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  await page.getByText('Time ran out; unanswered questions count as wrong.').waitFor();
  assert.match(await page.locator('.study-score').textContent(), /of 5 correctly/);
  assert.deepEqual(page.errors, []);
});

test('flashcards turn over by keyboard, by button and by a tap on the card', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/study');
  await page.getByRole('radio', { name: 'Flashcards' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const card = page.locator('.flashcard');
  // The card's one control is its turn button, whose target is the whole card.
  await page.getByRole('button', { name: 'Turn card over' }).focus();
  assert.equal(await card.locator('.flashcard-side').textContent(), 'Front');
  await page.keyboard.press('Space');
  assert.equal(await card.locator('.flashcard-side').textContent(), 'Back');
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: /^Flashcard 2 of \d+$/ }).waitFor();
  await page.getByRole('button', { name: 'Turn card over' }).click();
  assert.equal(await card.locator('.flashcard-side').textContent(), 'Back');
  // A tap on the card away from its button (its top left corner) turns it too.
  await card.click({ position: { x: 8, y: 8 } });
  assert.equal(await card.locator('.flashcard-side').textContent(), 'Front');
  await page.getByRole('button', { name: 'Turn card over' }).click();
  assert.deepEqual(await axe(page, 'flashcards'), []);
  await noSidewaysScroll(page, 'flashcards');
  await shot(page, 'study-flashcards-390');
});

test('a 40-question mock exam on a 390 × 844 phone: flag, return, hand in, review by area', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/study');
  await page.getByRole('radio', { name: 'Mock exam' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('heading', { name: 'Mock exam · question 1 of 40' }).waitFor();
  assert.match(await page.getByRole('timer').textContent(), /Time left (60:00|59:[0-5]\d)/);
  const question = page.getByRole('group').filter({ has: page.getByRole('radio') });
  for (let i = 1; i <= 40; i++) {
    await page.getByRole('heading', { name: `Mock exam · question ${i} of 40` }).waitFor();
    const radios = question.getByRole('radio');
    assert.equal(await radios.count(), 4, `question ${i} has four options`);
    // A tap at the far right of the row, away from the radio, chooses it.
    // The answer row is the label around the radio.
    const target = question.locator('label.study-option').nth(i % 4);
    const choice = target.getByRole('radio');
    const box = await target.boundingBox();
    await target.click({ position: { x: box.width - 4, y: box.height / 2 } });
    assert.ok(await choice.isChecked(), `question ${i}: the row tap chose the answer`);
    if (i === 3) await page.getByRole('button', { name: 'Flag for review' }).click();
    if (i === 1) {
      assert.deepEqual(await axe(page, 'mock exam'), []);
      await noSidewaysScroll(page, 'mock exam');
      await shot(page, 'study-exam-390');
    }
    if (i < 40) await page.getByRole('button', { name: 'Next question' }).click();
  }
  assert.match(await page.locator('.exam-progress').textContent(), /40 of 40 answered · 1 flagged/);
  // Back to the flagged question from the navigator; its answer is kept.
  await page.getByRole('navigation', { name: 'Questions' }).getByRole('button', { name: 'Question 3, answered, flagged' }).click();
  await page.getByRole('heading', { name: 'Mock exam · question 3 of 40' }).waitFor();
  assert.ok(await question.getByRole('radio').nth(3).isChecked());
  await page.getByRole('button', { name: 'Hand in' }).click();
  await page.getByText('0 unanswered and 1 flagged').waitFor();
  await page.getByRole('button', { name: 'Hand in now' }).click();
  await page.getByRole('heading', { name: 'Exam review' }).waitFor();
  assert.match(await page.locator('.study-score').textContent(), /You scored \d+ of 40 \(\d+%\) in .*The pass line is 26 of 40 \(65%\)\./);
  const areas = page.getByRole('table', { name: 'Score by area' }).getByRole('row');
  assert.equal(await areas.count(), 8, 'a heading row and seven areas');
  assert.equal(await page.locator('.exam-item').count(), 40);
  assert.ok((await page.locator('.exam-item .study-explanation').first().textContent()).length > 60);
  await page.getByText(/^Study next: /).first().waitFor();
  assert.deepEqual(await axe(page, 'exam review'), []);
  await noSidewaysScroll(page, 'exam review');
  await shot(page, 'study-review-390');
  // Only the missed ones, on request.
  await page.getByRole('checkbox', { name: 'Show only questions I missed' }).check();
  const shown = await page.locator('.exam-item:not([hidden])').count();
  assert.ok(shown < 40, `${shown} missed questions shown`);
  await page.getByRole('button', { name: 'Back to Study' }).click();
  // Kept in the history, with its areas and the pass line in the table.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
  const history = page.getByRole('table', { name: /Last run/ }).getByRole('row');
  assert.match(await history.nth(1).textContent(), /Mock exam.*of 40.*(Pass|Not yet a pass)/);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('clausebook.study')));
  assert.equal(saved.runs[0].mode, 'exam');
  assert.equal(saved.runs[0].by_area.length, 7);
  assert.deepEqual(unexpectedErrors(page), []);
});

for (const [width, height] of [[1280, 900], [390, 844]]) {
  for (const scheme of ['light', 'dark']) {
    test(`mock exam and review screens (${width}px, ${scheme})`, async () => {
      const page = await newPage(env, { width, height });
      await useColorScheme(page, scheme);
      await page.goto(env.base + '/study');
      await page.getByRole('radio', { name: 'Mock exam' }).check();
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('heading', { name: 'Mock exam · question 1 of 40' }).waitFor();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Flag for review' }).click();
      assert.deepEqual(await axe(page, `exam ${scheme}`), []);
      await noSidewaysScroll(page, `exam ${scheme}`);
      await shot(page, `study-exam-${width}-${scheme}`);
      await page.getByRole('button', { name: 'Hand in' }).click();
      await page.getByRole('button', { name: 'Hand in now' }).click();
      await page.getByRole('heading', { name: 'Exam review' }).waitFor();
      assert.deepEqual(await axe(page, `review ${scheme}`), []);
      await noSidewaysScroll(page, `review ${scheme}`);
      await shot(page, `study-review-${width}-${scheme}`);
      assert.deepEqual(unexpectedErrors(page), []);
    });
  }
}

test('a rated flashcard is not due again today, after a reload', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/study');
  await page.getByText('10 cards due today.').waitFor();
  await page.getByRole('radio', { name: 'Flashcards' }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  const card = page.getByRole('group', { name: /^Card 1 of 10, front side$/ });
  await card.click(); // a tap turns it (issue 21)
  await page.getByRole('group', { name: /^Card 1 of 10, back side$/ }).waitFor();
  await page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: 'Good' }).click();
  await page.getByRole('heading', { name: 'Flashcard 2 of 10' }).waitFor();
  await shot(page, 'study-flashcards-rated-390');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Study' }).waitFor();
  await page.getByText('9 cards due today.').waitFor();
  const cards = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('clausebook.study')).cards));
  assert.equal(cards.length, 1);
  assert.deepEqual(unexpectedErrors(page), []);
});
