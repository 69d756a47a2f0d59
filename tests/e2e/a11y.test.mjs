// Accessibility: axe-core on every page and dialog (WCAG 2.0/2.1/2.2 A and AA),
// in the light and dark themes, at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { launch, newPage, useColorScheme } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE, 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

export async function axe(page, what) {
  // Evaluated through the DevTools protocol, which the page's
  // Content-Security-Policy does not govern (an injected <script> would be blocked).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  // Structure rules outside the WCAG tags: landmarks, one h1, heading order, skip link.
  const structure = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'rule', values: ['heading-order', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'landmark-unique'] },
    }),
  );
  result.violations.push(...structure.violations);
  const problems = result.violations.map(
    (v) => `${what}: ${v.id} (${v.impact}) ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\n/g, ' ')).join('\n  ')}`,
  );
  return problems;
}

async function seed(page) {
  await page.goto(env.base + '/');
  await page.getByLabel('Organisation name').fill('Harbour Street IT');
  await page.getByRole('button', { name: 'Create workbook' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harbour Street IT' }).waitFor();
  await page.goto(env.base + '/clauses/8.5.1.1');
  await page.getByLabel('Status').selectOption({ label: 'Partially implemented' });
  await page.getByLabel('Current capability').selectOption({ label: '1 Performed' });
  await page.getByLabel('Finding').selectOption({ label: 'Major nonconformity' });
  await page.getByLabel('New evidence title').fill('Change policy');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.getByRole('button', { name: 'Edit EV-0001' }).click();
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  // An improvement item raised from the requirement.
  await page.getByRole('button', { name: 'Raise improvement' }).click();
  await page.waitForURL(/IMP-0001$/);
  // A service.
  await page.goto(env.base + '/portfolio');
  await page.getByRole('button', { name: 'New service' }).click();
  await page.getByLabel('Service name').fill('Managed desktop');
  await page.getByLabel('Proposed by').fill('Sam Patel');
  await page.getByLabel('Reason for proposing it').fill('Customers asked for it.');
  await page.getByRole('button', { name: 'Create service' }).click();
  await page.waitForURL(/SVC-0001$/);
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
}

const PAGES = [
  '/', '/clauses', '/clauses?status=partially_implemented', '/clauses/8.5.1.1', '/clauses/7.5.4', '/clauses/8',
  '/clauses/8.2.4', '/improvements', '/improvements?view=table', '/improvements/IMP-0001', '/portfolio',
  '/portfolio/SVC-0001', '/portfolio/catalogue', '/data', '/progress', '/compare', '/study', '/workbooks', '/no-such-page',
  '/clauses/99.9', '/improvements/IMP-9999', '/portfolio/SVC-9999',
  '/reports', '/reports/summary', '/reports/gaps', '/reports/conformity', '/reports/evidence',
  '/reports/documents', '/reports/review', '/reports/nothing',
];

for (const scheme of ['light', 'dark']) {
  test(`no WCAG violations on any page (${scheme})`, async () => {
    const page = await newPage(env);
    await useColorScheme(page, scheme);
    const problems = [];
    // The welcome page before any workbook exists.
    await page.goto(env.base + '/');
    await page.getByRole('button', { name: 'Create workbook' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(background, scheme === 'dark' ? 'rgb(20, 23, 27)' : 'rgb(245, 247, 250)', `the page is ${scheme}`);
    problems.push(...(await axe(page, 'welcome')));
    await seed(page);
    for (const path of PAGES) {
      await page.goto(env.base + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      problems.push(...(await axe(page, path)));
    }
    // The help dialog, open.
    await page.goto(env.base + '/clauses/4.1');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog').waitFor();
    problems.push(...(await axe(page, 'help dialog')));
    assert.deepEqual(problems, []);
    // Addresses of things that do not exist say so, with a way back.
    for (const [path, heading, back] of [
      ['/clauses/99.9', 'No such clause', 'See all clauses'],
      ['/improvements/IMP-9999', 'No such improvement item', 'See the improvement log'],
      ['/portfolio/SVC-9999', 'No such service', 'See all services'],
    ]) {
      await page.goto(env.base + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.getByRole('link', { name: back }).waitFor();
    }
  });
}

// A FitSM-1 workbook (issue #9): its own requirement text, attribution and 0–4 scale.
const FITSM_PAGES = ['/', '/clauses', '/clauses/PR12', '/clauses/PR12.3'];

for (const scheme of ['light', 'dark']) {
  test(`no WCAG violations on FitSM pages (${scheme})`, async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await useColorScheme(page, scheme);
    await page.goto(env.base + '/');
    await page.getByLabel('Organisation name').fill('Lakeside Research Computing');
    await page.getByRole('radio', { name: 'FitSM-1 (3.0)' }).check();
    await page.getByRole('button', { name: 'Create workbook' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lakeside Research Computing' }).waitFor();
    await page.goto(env.base + '/clauses/PR12.3');
    await page.getByLabel('Current capability').selectOption({ label: '2 Repeatable' });
    await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
    const problems = [];
    for (const path of FITSM_PAGES) {
      await page.goto(env.base + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      problems.push(...(await axe(page, `FitSM ${path}`)));
    }
    assert.deepEqual(problems, []);
  });
}

// The phone's header (issue 21): Menu closed and open, with a workbook and
// without, and a page behind it.
for (const scheme of ['light', 'dark']) {
  test(`no WCAG violations in the phone header, Menu closed and open (${scheme})`, async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await useColorScheme(page, scheme);
    const menu = page.getByRole('button', { name: 'Menu' });
    const problems = [];
    await page.goto(env.base + '/');
    await page.getByRole('button', { name: 'Create workbook' }).waitFor();
    await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    problems.push(...(await axe(page, 'phone, no workbook, Menu open')));
    await seed(page);
    for (const path of ['/', '/clauses/8.5.1.1', '/study']) {
      await page.goto(env.base + path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      problems.push(...(await axe(page, `phone ${path}, Menu closed`)));
      await menu.click();
      assert.equal(await menu.getAttribute('aria-expanded'), 'true');
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      problems.push(...(await axe(page, `phone ${path}, Menu open`)));
    }
    assert.deepEqual(problems, []);
  });
}

test('no WCAG violations on the recovery screen', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await page.goto(env.base + '/');
  await page.evaluate(() => localStorage.setItem('clausebook.workbook', '{broken'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: /could not be opened/ }).waitFor();
  assert.deepEqual(await axe(page, 'recovery'), []);
});

test('the theme switch is remembered and overrides the system setting', async () => {
  const page = await newPage(env);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(env.base + '/');
  await page.getByLabel('Theme').selectOption({ label: 'Dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await background(), 'rgb(20, 23, 27)');
  await page.reload();
  // The header comes with the app; the page's heading with its own chunk.
  await page.getByRole('heading', { level: 1, name: 'Welcome to Clausebook' }).waitFor();
  assert.equal(await background(), 'rgb(20, 23, 27)', 'still dark after a reload');
  assert.deepEqual(await axe(page, 'welcome, dark by choice'), []);
  await page.getByLabel('Theme').selectOption({ label: 'System' });
  assert.equal(await background(), 'rgb(245, 247, 250)');
});

test('200% zoom: pages reflow without horizontal scrolling', async () => {
  // 1280 CSS px at 200% zoom leaves a 640 px wide layout viewport.
  const page = await newPage(env, { width: 640, height: 450 });
  await seed(page);
  for (const path of PAGES) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 200% zoom`);
  }
});

test('reduced motion is respected', async () => {
  const page = await newPage(env);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(env.base + '/');
  const rule = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) =>
      [...sheet.cssRules].some((r) => r.conditionText?.includes('prefers-reduced-motion: reduce')),
    ),
  );
  assert.ok(rule, 'the stylesheet has a reduced-motion rule');
});

test('a date field shows the focus ring when focused', async () => {
  const page = await newPage(env);
  await seed(page);
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Owner').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    return [el.id, s.outlineStyle, s.outlineWidth];
  });
  assert.deepEqual(ring, ['target-date', 'solid', '3px']);
});
