// End-to-end: the service portfolio in the release build, driven by role and
// accessible name. Creates services, takes them through the lifecycle, prints
// the catalogue, and checks that retiring a service a live one needs is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, shot, ARTIFACTS, createWorkbook, storedRaw, editStored, downloadFile, EMULATES_MEDIA } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function newService(page, name, type = 'Customer-facing') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio', exact: true }).click();
  await page.waitForURL('**/portfolio');
  await page.getByRole('button', { name: 'New service' }).click();
  const form = page.getByRole('form', { name: 'New service' });
  // The form takes focus on its first field.
  await page.waitForFunction(() => document.activeElement?.id === 'new-service-name');
  await form.getByLabel('Service name').fill(name);
  await form.getByLabel('Type').selectOption({ label: type });
  await form.getByLabel('Proposed by').fill('Sam Patel');
  await form.getByLabel('Reason for proposing it').fill('Customers asked for it.');
  await form.getByRole('button', { name: 'Create service' }).click();
  await page.waitForURL(/\/portfolio\/SVC-\d{4}$/);
  await page.getByRole('heading', { level: 1, name: new RegExp(`SVC-\\d{4} ${name}`) }).waitFor();
  return page.url().split('/').pop();
}

async function decide(page, reason) {
  const who = page.getByLabel('Decided by');
  if (!(await who.inputValue())) await who.fill('Jo Lee');
  await page.getByLabel('Reason', { exact: true }).fill(reason);
}

async function moveTo(page, status, reason = `Ready for ${status}`) {
  await decide(page, reason);
  await page.getByRole('button', { name: `Move to ${status}`, exact: true }).click();
  await page.getByTestId('service-status').filter({ hasText: new RegExp(`^${status}$`) }).waitFor();
}

async function takeLive(page) {
  for (const status of ['Approved', 'Designed', 'Built', 'In transition', 'Live']) {
    await moveTo(page, status);
  }
}

test('create a service, take it from Proposed to Live, and find it in the printed catalogue', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/portfolio');
  for (const lane of ['Pipeline', 'Catalogue', 'Retired']) {
    await page.getByRole('heading', { level: 2, name: `${lane} 0 services` }).waitFor();
  }

  const id = await newService(page, 'Email and calendars');
  assert.equal(id, 'SVC-0001');
  assert.equal(await page.getByTestId('service-status').textContent(), 'Proposed');
  // A step cannot be skipped: only the next steps are offered.
  assert.equal(await page.getByRole('button', { name: 'Move to Live' }).count(), 0);
  // Who and why are required.
  await page.getByRole('button', { name: 'Move to Approved' }).click();
  await page.getByTestId('move-error').filter({ hasText: 'Say who decided to move SVC-0001 Email and calendars.' }).waitFor();
  await page.getByLabel('Decided by').fill('Jo Lee');
  await page.getByRole('button', { name: 'Move to Approved' }).click();
  await page.getByTestId('move-error').filter({ hasText: 'Say why SVC-0001 Email and calendars is moving' }).waitFor();

  await page.getByLabel('Owner', { exact: true }).fill('Jo Lee');
  await page.getByLabel('Customers', { exact: true }).fill('All customer offices');
  await page.getByLabel('Outcome for customers').fill('Email and shared calendars on any device.');
  await page.getByLabel('Service hours').fill('Mon–Fri 08:00–18:00');
  await page.getByLabel('Availability (%)').fill('101');
  await page.getByRole('alert').filter({ hasText: 'Availability must be a percentage from 0 to 100' }).waitFor();
  await page.getByLabel('Availability (%)').fill('99.9');
  await page.getByLabel('P1 response (hours)').fill('0.5');
  await page.getByLabel('P1 resolution (hours)').fill('4');

  await takeLive(page);
  await page.getByRole('status').filter({ hasText: 'Moved to Live' }).waitFor();
  const history = page.getByRole('region', { name: 'History' });
  assert.equal(await history.getByRole('listitem').count(), 6);
  assert.match(await history.textContent(), /In transition → Live/);
  assert.match(await history.textContent(), /By Jo Lee: Ready for Live/);
  await shot(page, 'portfolio-service-1280');

  await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Catalogue 1 service' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Pipeline 0 services' }).waitFor();
  await page.getByRole('link', { name: 'Service catalogue' }).click();
  await page.waitForURL('**/portfolio/catalogue');
  await page.getByRole('heading', { level: 1, name: 'Service catalogue' }).waitFor();
  const entry = page.getByRole('article', { name: 'Email and calendars' });
  await entry.waitFor();
  assert.match(await entry.textContent(), /Email and shared calendars on any device\./);
  assert.match(await entry.textContent(), /99\.9%/);
  assert.match(await entry.textContent(), /0\.5 h/);
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
  const header = await page.locator('.catalogue-header').textContent();
  assert.match(header, /Harbour Street IT/);
  assert.match(header, new RegExp(`Issued ${today}`));
  assert.deepEqual(page.errors, []);
});

test('a supporting service a live one depends on cannot be retired, and the app says which', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  const directory = await newService(page, 'Directory', 'Supporting');
  await takeLive(page);

  const email = await newService(page, 'Email');
  await page.getByLabel('Add a service it depends on').selectOption({ label: `${directory} Directory` });
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await page
    .getByRole('region', { name: 'Dependencies' })
    .getByRole('link', { name: `${directory} Directory` })
    .waitFor();
  await page.getByLabel('Owner', { exact: true }).fill('Jo Lee');
  await takeLive(page);

  // A cycle is refused, naming the services.
  await page.goto(env.base + `/portfolio/${directory}`);
  await page.getByLabel('Add a service it depends on').selectOption({ label: `${email} Email` });
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await page
    .getByTestId('dependency-error')
    .filter({ hasText: `would make a cycle: ${directory} Directory → ${email} Email → ${directory} Directory` })
    .waitFor();

  // Retiring the directory is refused while Email is live.
  await decide(page, 'Replaced by the cloud directory');
  await page.getByRole('button', { name: 'Move to Retiring' }).click();
  const refusal = page.getByTestId('move-error');
  await refusal.filter({ hasText: 'cannot be retired while live services depend on it' }).waitFor();
  assert.match(await refusal.textContent(), new RegExp(`${email} Email`));
  assert.equal(await page.getByTestId('service-status').textContent(), 'Live');
  await shot(page, 'portfolio-retire-refused-1280');

  // The completeness hints reach the requirement pages.
  await page.goto(env.base + '/clauses/8.2.4');
  const hints = page.getByRole('region', { name: 'From the service portfolio' });
  await hints.waitFor();
  assert.match(await hints.textContent(), /Directory: no owner, no customers named/);
  await page.goto(env.base + '/clauses/8.3.3');
  assert.match(
    await page.getByRole('region', { name: 'From the service portfolio' }).textContent(),
    /2 of 2 live services need attention/,
  );
  await page.goto(env.base + '/clauses/4.1');
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'From the service portfolio' }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the table sorts and filters through the URL, and the portfolio exports as CSV', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await newService(page, 'Web hosting');
  await newService(page, 'Backup', 'Supporting');
  await takeLive(page);
  await newService(page, 'Archive');

  await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
  const table = page.getByRole('table', { name: /Services/ });
  const names = () => table.locator('tbody th').allTextContents();
  assert.deepEqual(await names(), ['Web hosting', 'Backup', 'Archive']);
  await table.getByRole('button', { name: 'Name' }).click();
  await page.waitForURL('**/portfolio?sort=name');
  assert.deepEqual(await names(), ['Archive', 'Backup', 'Web hosting']);
  await table.getByRole('button', { name: 'Name' }).click();
  await page.waitForURL('**/portfolio?sort=name&dir=desc');
  assert.deepEqual(await names(), ['Web hosting', 'Backup', 'Archive']);
  assert.equal(await table.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort'), 'descending');

  await page.getByLabel('Part').selectOption({ label: 'Pipeline' });
  await page.waitForURL(/part=pipeline/);
  assert.deepEqual(await names(), ['Web hosting', 'Archive']);
  await page.getByLabel('Search').fill('arch');
  await page.waitForURL(/q=arch/);
  assert.deepEqual(await names(), ['Archive']);
  // The settings survive a reload: they live in the address.
  await page.reload();
  await page.getByRole('table', { name: /Services/ }).waitFor();
  assert.deepEqual(await names(), ['Archive']);
  assert.equal(await page.getByLabel('Search').inputValue(), 'arch');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Part').selectOption({ label: 'All parts' });
  await page.waitForURL('**/portfolio?sort=name&dir=desc');

  const download = await downloadFile(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  assert.match(download.name, /^harbour-street-it-portfolio-\d{4}-\d\d-\d\d\.csv$/);
  const file = join(ARTIFACTS, 'portfolio.csv');
  await download.saveAs(file);
  const csv = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
  assert.match(csv[0], /^id,name,type,status,portfolio part,owner/);
  assert.match(csv[2], /^SVC-0002,Backup,Supporting,Live,Catalogue,/);
  assert.equal(csv.filter((l) => l).length, 4);
  await shot(page, 'portfolio-1280');
  assert.deepEqual(page.errors, []);
});

test('screenshots at 1280 and 390 px, no sideways scrolling, and the catalogue as an A4 PDF', async () => {
  const wide = await newPage(env);
  await createWorkbook(wide, env.base);
  await wide.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  const here = dirname(fileURLToPath(import.meta.url));
  const fixture = JSON.parse(await readFile(join(here, '..', '..', 'core', 'tests', 'fixtures', 'workbook-v3-portfolio.json'), 'utf8'));
  // Load the fixture's portfolio as the stored workbook.
  await editStored(wide, 'stored.workbook.portfolio = arg;', fixture.workbook.portfolio);
  await wide.goto(env.base + '/portfolio');
  await wide.getByRole('heading', { level: 2, name: 'Catalogue 2 services' }).waitFor();
  await shot(wide, 'portfolio-fixture-1280');
  await wide.goto(env.base + '/portfolio/SVC-0002');
  await wide.getByRole('heading', { level: 1, name: 'SVC-0002 Email' }).waitFor();
  await shot(wide, 'portfolio-service-fixture-1280');
  await wide.goto(env.base + '/portfolio/catalogue');
  await wide.getByRole('heading', { level: 1, name: 'Service catalogue' }).waitFor();
  assert.equal(await wide.getByRole('article').count(), 2, 'only the two live services');
  await shot(wide, 'portfolio-catalogue-1280');
  // The print layout needs print media, which only Chromium's driver emulates.
  if (EMULATES_MEDIA) {
    await wide.emulateMedia({ media: 'print' });
    await wide.pdf({ path: join(ARTIFACTS, 'portfolio-catalogue-a4.pdf'), format: 'A4', printBackground: true });
    await wide.setViewportSize({ width: 794, height: 1123 });
    await shot(wide, 'portfolio-catalogue-print');
    assert.equal(await wide.getByRole('button', { name: 'Print catalogue' }).isVisible(), false);
    assert.equal(await wide.getByRole('navigation', { name: 'Main' }).isVisible(), false);
    await wide.emulateMedia({ media: 'screen' });
  }

  // The same storage at phone width.
  const state = await wide.context().storageState();
  const narrowContext = await env.browser.newContext({ viewport: { width: 390, height: 844 }, storageState: state });
  const narrow = await narrowContext.newPage();
  for (const [path, name] of [
    ['/portfolio', 'portfolio-390'],
    ['/portfolio/SVC-0002', 'portfolio-service-390'],
    ['/portfolio/catalogue', 'portfolio-catalogue-390'],
  ]) {
    await narrow.goto(env.base + path);
    await narrow.getByRole('heading', { level: 1 }).waitFor();
    await narrow.waitForTimeout(100);
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    await shot(narrow, name);
  }
  await narrowContext.close();
  assert.deepEqual(wide.errors, []);
});

test('keyboard: the lifecycle and New service work without a mouse, with visible focus', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base);
  await page.goto(env.base + '/portfolio');
  await page.getByRole('button', { name: 'New service' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Printing');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/portfolio/SVC-0001');
  await page.getByLabel('Reason', { exact: true }).focus();
  await page.keyboard.type('Board said yes');
  await page.getByLabel('Decided by').fill('Board');
  // Tab forward to the first move button.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Move to Approved') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Move to Approved');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.press('Enter');
  await page.getByTestId('service-status').filter({ hasText: /^Approved$/ }).waitFor();
  // Focus comes back to the Lifecycle card, not to the start of the page.
  await page.waitForFunction(() => document.activeElement?.id === 'lifecycle-title');
  // Tab reaches the next move.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Move to Designed') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Move to Designed');
  assert.deepEqual(page.errors, []);
});
