// Start-up (src/ui/boot.rs): a returning visit paints the Overview from the
// stored copy of its figures while the app's code loads, then the app takes
// over. The copy must read exactly like the app, must never stand in for a
// newer workbook, and what a person does in that moment must not be lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, shot, createWorkbook, readMirror, writeMirror, mirrorUntil } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// A page whose requests all reach the network, where the tests can hold
/// them: a service worker would answer from its cache.
async function newPage(env, { width = 1280, height = 900 } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => {
    // Registering the blocked service worker fails; not what is tested here.
    if (!/reading 'waiting'/.test(e.message)) page.errors.push(e.message);
  });
  return page;
}

/// Holds back the app's chunk until `release()` is called, so that the
/// preview stays up for as long as a test needs.
async function holdApp(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/split_mount_app_.*\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

const appUp = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('clausebook:app').length > 0);

/// A workbook with an assessed requirement, an overdue improvement and a
/// stored Overview (written at every save).
async function workbookWithData(page) {
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Status').selectOption({ label: 'Partially implemented' });
  await page.getByText('Saved at').waitFor();
  await page.goto(env.base + '/improvements');
  await page.getByRole('form', { name: 'Raise an item' }).getByLabel('Title').fill('Backup restore test failed');
  await page.getByRole('button', { name: 'Raise item' }).click();
  await page.getByRole('heading', { level: 1, name: /^IMP-0001/ }).waitFor();
  await page.getByLabel('Target date').fill('2026-01-15');
  await page.getByText('Saved at').waitFor();
  await page.waitForTimeout(400);
  await page.getByText('Saved at').waitFor();
}

test('the Overview is painted from its stored copy, reads the same as the app, and hands over', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  const release = await holdApp(page);
  await page.goto(env.base + '/');
  const preview = page.locator('.boot-preview');
  await preview.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  assert.equal(await page.locator('main').getAttribute('aria-busy'), 'true');
  await preview.getByRole('region', { name: 'Overdue improvements' })
    .getByRole('link', { name: 'IMP-0001 Backup restore test failed' }).waitFor();
  await shot(page, 'boot-preview-1280');
  const header = await page.locator('header').ariaSnapshot();
  const overview = await page.locator('main').ariaSnapshot();

  release();
  await appUp(page);
  assert.equal(await page.locator('.boot-preview').count(), 0, 'the preview is gone');
  assert.equal(await page.locator('main').count(), 1);
  assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
  // The same to assistive technology: the header entirely, and the Overview
  // up to the organisation form, which only the app shows.
  assert.equal(await page.locator('header').ariaSnapshot(), header);
  const appOverview = await page.locator('main').ariaSnapshot();
  assert.ok(appOverview.startsWith(overview.trimEnd()), `preview:\n${overview}\n\napp:\n${appOverview}`);
  await page.getByLabel('Organisation name').waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a link clicked on the preview opens once the app is ready', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  const release = await holdApp(page);
  await page.goto(env.base + '/');
  await page.locator('.boot-preview h1').waitFor();
  await page.getByRole('link', { name: 'Improvements', exact: true }).click();
  // Nothing happens until the app is there: the click is kept, not lost.
  assert.equal(new URL(page.url()).pathname, '/');
  assert.ok(await page.evaluate(() => document.body.classList.contains('boot-waiting')));
  release();
  await page.waitForURL('**/improvements');
  await page.getByRole('heading', { level: 1, name: 'Improvements' }).waitFor();
  assert.equal(await page.evaluate(() => document.body.classList.contains('boot-waiting')), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard focus on the preview stays on the same control in the app', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  const release = await holdApp(page);
  await page.goto(env.base + '/');
  await page.locator('.boot-preview h1').waitFor();
  const progress = page.getByRole('link', { name: 'Progress', exact: true });
  await progress.focus();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Progress');
  release();
  await appUp(page);
  assert.equal(await page.evaluate(() => document.activeElement.closest('.boot-preview')), null);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Progress');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/progress');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the preview reads nothing from local storage, where the workbook is', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  // Note the first use of local storage: Chromium then loads all of it.
  await page.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const where = own ? window : Window.prototype;
    const { get } = own ?? Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage');
    Object.defineProperty(where, 'localStorage', {
      configurable: true,
      get() {
        window.__firstStorageUse ??= performance.now();
        return get.call(this);
      },
    });
  });
  const release = await holdApp(page);
  await page.goto(env.base + '/');
  await page.locator('.boot-preview').getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  assert.equal(await page.evaluate(() => window.__firstStorageUse), undefined, 'no local storage before the app');
  release();
  await appUp(page);
  // The app then reads it, and the check above could have failed.
  assert.equal(typeof (await page.evaluate(() => window.__firstStorageUse)), 'number');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a preview no longer current, made elsewhere, damaged or holding anything but the app\'s markup is not drawn', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  // Record whether a preview ever appears on the next loads, and whether
  // anything a hostile record holds ever runs.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.boot-preview')) sessionStorage.setItem('saw-preview', '1');
    }).observe(document, { subtree: true, childList: true });
  });
  // The mirror is written in the background after each save and start.
  await mirrorUntil(page, (m) => typeof m?.preview?.markup === 'string');
  const current = await readMirror(page);
  assert.ok(current.preview.made <= Date.now() && Date.now() < current.preview.until);
  /// Stores the mirror with its preview changed by `change`, opens the
  /// Overview until the app is up, and says whether the preview was drawn.
  const openWith = async (change) => {
    const mirror = structuredClone(current);
    change(mirror.preview);
    mirror.written = 'by the test';
    await writeMirror(page, mirror);
    await page.evaluate(() => sessionStorage.removeItem('saw-preview'));
    await page.goto(env.base + '/');
    await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
    await appUp(page);
    // The app mirrors what it opened (in the background): wait, so that it
    // does not overwrite the next test's record.
    await mirrorUntil(page, (m) => m && !m.written);
    return (await page.evaluate(() => sessionStorage.getItem('saw-preview'))) === '1';
  };
  const tree = (preview) => JSON.parse(preview.markup);
  /// Adds `node` to the preview's first heading.
  const inject = (node) => (preview) => {
    const markup = tree(preview);
    const h1 = JSON.stringify(markup).replace('["h1",', `["h1",[],[],${JSON.stringify(node)}],["h1",`);
    preview.markup = h1;
  };

  // The one stored is drawn.
  assert.equal(await openWith(() => {}), true);
  // Past its time: made yesterday, or the backup line has changed since.
  assert.equal(await openWith((p) => { p.until = Date.now() - 1; }), false);
  // Made "later" than now: the clock was set back.
  assert.equal(await openWith((p) => { p.made = Date.now() + 60_000; }), false);
  // For the app at another address.
  assert.equal(await openWith((p) => { p.base = '/elsewhere'; }), false);
  // Damaged.
  assert.equal(await openWith((p) => { p.markup = p.markup.slice(0, 200); }), false);
  assert.equal(await openWith((p) => { p.markup = '"just text"'; }), false);
  // Hostile: a script, a handler, a javascript: link, a frame, a style
  // property it does not use, a link to another site.
  await page.evaluate(() => { window.name = ''; });
  const hostile = [
    ['script', [], [], 'window.name = "ran"'],
    ['img', ['src', 'x', 'onerror', 'window.name = "ran"'], []],
    ['span', ['onclick', 'window.name = "ran"'], [], 'x'],
    ['a', ['href', 'javascript:window.name="ran"'], [], 'x'],
    ['a', ['href', '//evil.example/'], [], 'x'],
    ['iframe', ['src', '/'], []],
    ['span', [], ['background-image', 'url(/x)'], 'x'],
    ['span', ['class', 'x'], [], 'x', 5],
  ];
  for (const node of hostile) {
    assert.equal(await openWith(inject(node)), false, JSON.stringify(node));
    assert.notEqual(await page.evaluate(() => window.name), 'ran');
  }
  // A harmless addition of the listed kind is drawn, as text.
  assert.equal(await openWith(inject(['span', ['class', 'x'], [], '<b>bold</b>'])), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the preview is drawn before the app\'s code has arrived', async () => {
  const page = await newPage(env);
  await workbookWithData(page);
  await mirrorUntil(page, (m) => typeof m?.preview?.markup === 'string');
  // Hold back the first download's wasm itself, not just the app's chunk.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/clausebook-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.base + '/');
  const preview = page.locator('.boot-preview');
  await preview.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('clausebook:boot').length), 0, 'no code has run');
  // A theme picked and a link clicked meanwhile are not lost.
  await page.getByLabel('Theme').selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  assert.equal(new URL(page.url()).pathname, '/');
  release();
  await page.waitForURL('**/portfolio');
  await page.getByRole('heading', { level: 1, name: /Portfolio/ }).waitFor();
  assert.equal(await page.locator('.boot-preview').count(), 0);
  assert.equal(await page.getByLabel('Theme').inputValue(), 'dark');
  assert.equal(await page.evaluate(() => localStorage.getItem('clausebook.theme')), 'dark');
  // Remembered: the next start is dark from its first paint.
  await mirrorUntil(page, (m) => m?.['clausebook.theme'] === 'dark');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('at 390 px the preview lays out like the app', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await workbookWithData(page);
  const release = await holdApp(page);
  await page.goto(env.base + '/');
  await page.locator('.boot-preview h1').waitFor();
  const box = await page.locator('main h1').boundingBox();
  await shot(page, 'boot-preview-390');
  release();
  await appUp(page);
  assert.deepEqual(await page.locator('main h1').boundingBox(), box, 'the heading did not move');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
