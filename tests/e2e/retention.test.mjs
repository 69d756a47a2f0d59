// End-to-end: Safari's 7-day deletion of unvisited sites' data. Chromium
// presents itself as Safari (its user agent) to show what a Safari user
// sees: the notice, its ways out, the reminder by elapsed time. The real
// WebKit run (webdriver/journeys.test.mjs) shows the notice in WebKitGTK.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launch, newPage, createWorkbook, downloadFile, shot, skipIn, ENGINE } from './browser.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/// axe-core's WCAG A/AA findings inside the notice (a11y.test.mjs covers the pages).
async function axeNotice(page) {
  await page.evaluate(AXE_SOURCE);
  const { violations } = await page.evaluate(() =>
    window.axe.run('.retention-notice', {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }),
  );
  return violations.map((v) => `${v.id}: ${v.help}`);
}

const SAFARI_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const DAY = 24 * 3600 * 1000;

// Firefox ESR's WebDriver BiDi does not override the user agent that the
// page's navigator reports, so Firefox cannot pose as Safari.
const posesAsSafari = skipIn({ firefox: 'the driver cannot override navigator.userAgent' });

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// A page as Safari shows it: its user agent, and no File System Access
/// save picker (Safari has none), so Save to file downloads.
async function safariPage(userAgent, size = {}) {
  const page = await newPage(env, { userAgent, ...size });
  await page.addInitScript(() => {
    window.showSaveFilePicker = undefined;
  });
  return page;
}

const notice = (page) => page.getByRole('region', { name: 'Safari deletes unvisited data' });

test('in Safari, the notice says the data goes after 7 days unvisited, and offers the ways out', posesAsSafari, async () => {
  const page = await safariPage(SAFARI_MAC);
  await createWorkbook(page, env.base, 'Safari Ltd');
  const region = notice(page);
  await region.waitFor();
  const text = await region.innerText();
  assert.match(text, /Safari deletes this site's data after 7 days without a visit/);
  assert.match(text, /every workbook, its snapshots and the offline copy/);
  await region.getByText('How to keep your work').click();
  assert.match(await region.innerText(), /Share → Add to Home Screen/);
  assert.match(await region.innerText(), /File → Add to Dock/);
  assert.match(await region.innerText(), /save each workbook to a file/);
  assert.deepEqual(await axeNotice(page), []);
  await shot(page, 'retention-notice-1280');
  const file = await downloadFile(page, () => region.getByRole('button', { name: 'Save to file' }).click());
  assert.match(file.name, /^safari-ltd-\d{4}-\d\d-\d\d\.clausebook\.json$/);
  assert.match(file.text, /Safari Ltd/);
  // Hidden for a while, and not back at the next visit…
  await region.getByRole('button', { name: 'Hide for two days' }).click();
  await region.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('organisation').filter({ hasText: 'Safari Ltd' }).waitFor();
  assert.equal(await notice(page).count(), 0, 'hidden');
  // …but once the two days have passed it returns.
  await page.evaluate((day) => {
    localStorage.setItem('clausebook.notice', String(Date.now() - day));
  }, DAY);
  await page.reload();
  await notice(page).waitFor();
  assert.deepEqual(page.errors, []);
});

test('in Safari, an empty start offers "Open a workbook file" as the way back', posesAsSafari, async () => {
  const page = await safariPage(SAFARI_IPHONE, { width: 390, height: 844 });
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  const region = notice(page);
  await region.waitFor();
  assert.equal(await region.getByRole('button', { name: 'Save to file' }).count(), 0, 'nothing to save yet');
  await shot(page, 'retention-notice-empty-390');
  assert.deepEqual(await axeNotice(page), []);
  // On a phone it takes a few lines at the top, not the screen.
  const { height } = await region.boundingBox();
  assert.ok(height <= 220, `the notice is ${height} px tall at 390 px`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `scrolls sideways by ${overflow} px`);
  await region.getByRole('link', { name: 'Open a workbook file' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await page.getByRole('button', { name: 'Import JSON' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('Chromium and Firefox, as themselves, show no Safari notice', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Chromium Ltd');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByTestId('persistence').filter({ hasText: /^This browser (has promised|may clear)/ }).waitFor();
  assert.doesNotMatch(await page.getByTestId('persistence').innerText(), /7 days/);
  assert.equal(await notice(page).count(), 0);
  assert.equal(await page.getByText(/7 days without a visit/).count(), 0);
});

test('Safari opened from the Home Screen (navigator.standalone) shows no notice', posesAsSafari, async () => {
  const page = await safariPage(SAFARI_IPHONE);
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true }));
  await createWorkbook(page, env.base, 'Home Screen Ltd');
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  assert.equal(await notice(page).count(), 0);
});

test(
  'Safari installed in the Dock (display-mode: standalone) shows no notice',
  posesAsSafari,
  async () => {
    const page = await safariPage(SAFARI_MAC);
    // Chromium's CDP cannot emulate the display-mode media feature, so the
    // page's matchMedia gives the answer an app opened from the Dock gets.
    await page.addInitScript(() => {
      const real = window.matchMedia.bind(window);
      window.matchMedia = (query) =>
        /display-mode:\s*standalone/.test(query) ? { ...real(query), matches: true, media: query } : real(query);
    });
    await page.goto(env.base + '/');
    assert.ok(await page.evaluate(() => matchMedia('(display-mode: standalone)').matches), 'emulated');
    await createWorkbook(page, env.base, 'Dock Ltd');
    await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
    assert.equal(await notice(page).count(), 0);
  },
);

/// Stores the open workbook's last file save `days` ago, at the revision before the current one.
async function fileSavedDaysAgo(page, days) {
  await page.evaluate(
    ([days, day]) => {
      const id = localStorage.getItem('clausebook.active');
      const head = JSON.parse(localStorage.getItem(`clausebook.wb.${id}.head`));
      const at = new Date(Date.now() - days * day).toISOString();
      localStorage.setItem(`clausebook.wb.${id}.backup`, JSON.stringify({ exported_at: at, revision: head.revision - 1 }));
    },
    [days, DAY],
  );
}

test('in Safari, changes unsaved to a file for 3 days bring the reminder, with no edit this session', posesAsSafari, async () => {
  const page = await safariPage(SAFARI_MAC);
  await createWorkbook(page, env.base, 'Reminder Ltd');
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  await fileSavedDaysAgo(page, 3);
  await page.reload();
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /Safari deletes this site's data after 7 days without a visit/);
  await reminder.getByRole('button', { name: 'Save to file' }).waitFor();
  await page.getByTestId('backup-status').filter({ hasText: 'Downloaded 3 days ago' }).waitFor();
  await shot(page, 'retention-reminder-1280');
});

test('elsewhere, 3 days of changes unsaved to a file bring no reminder: it takes a week', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Week Ltd');
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  await fileSavedDaysAgo(page, 3);
  await page.reload();
  await page.getByTestId('backup-status').filter({ hasText: 'Downloaded 3 days ago' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Backup reminder' }).count(), 0);
});

test('in Safari, the reminder comes by elapsed time while the page stays open', posesAsSafari, async () => {
  const page = await safariPage(SAFARI_MAC);
  await page.clock.install();
  await createWorkbook(page, env.base, 'Clock Ltd');
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  await fileSavedDaysAgo(page, 0);
  await page.reload();
  await page.getByTestId('backup-status').filter({ hasText: 'Downloaded today' }).waitFor();
  const reminder = page.getByRole('region', { name: 'Backup reminder' });
  assert.equal(await reminder.count(), 0, 'not yet');
  // Two days pass with the tab open; nothing is typed or saved.
  await page.clock.fastForward(2 * DAY + 61_000);
  await reminder.waitFor();
  assert.match(await reminder.innerText(), /Safari deletes/);
});

test('the Data and Workbooks pages show the browser\'s answer on keeping the data', async () => {
  const page = await newPage(env, ENGINE === 'chromium' ? { userAgent: SAFARI_MAC } : {});
  await createWorkbook(page, env.base, 'Persist Ltd');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  const answer = page.getByTestId('persistence').filter({ hasText: /^This browser (has promised|may clear)/ });
  await answer.waitFor();
  const onData = await answer.innerText();
  if (ENGINE === 'chromium') assert.match(onData, /7 days/, 'in Safari it names the 7-day rule');
  await page.getByRole('link', { name: 'Workbooks', exact: true }).click();
  await page.getByTestId('persistence').filter({ hasText: onData }).waitFor();
});
