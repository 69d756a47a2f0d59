// Bad files fed through the Data page's import: each is refused with its own
// message, no preview is offered, and what the browser stores is unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, shot, createWorkbook } from './browser.mjs';
import { hostileWorkbook } from './hostile.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const valid = () => JSON.parse(hostileWorkbook().json);
const edit = (change) => {
  const v = valid();
  change(v);
  return JSON.stringify(v);
};

/// [what, file content, the message that must appear]
const BAD = [
  ['over 5 MB by one byte', Buffer.alloc(5 * 1024 * 1024 + 1, 32), /The file is 5,242,881 bytes: more than the 5,242,880 bytes \(5\.0 MB\) that Clausebook imports/],
  ['empty', '', /The file is empty/],
  ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80]), /not UTF-8 text/],
  ['not JSON', 'Harbour Street IT, 4.1, done', /not valid JSON \(line 1, column 1\)/],
  ['cut short', hostileWorkbook().json.slice(0, 900), /not valid JSON \(line \d+/],
  ['JSON, not a workbook', '[1, 2, 3]', /not a Clausebook workbook/],
  ['nested 100 000 deep', '['.repeat(100_000) + ']'.repeat(100_000), /more than 32 levels deep/],
  ['newer schema', edit((v) => (v.schema_version = 99)), /newer Clausebook \(schema 99; this version reads up to \d+\)/],
  ['version as text', edit((v) => (v.schema_version = '4')), /no valid "schema_version"/],
  ['missing field', edit((v) => delete v.workbook.organisation), /lacks the field “organisation” in “workbook”/],
  ['wrong type', edit((v) => (v.workbook.portfolio.services = 'none')), /“workbook\.portfolio\.services” has the wrong type: string "none", expected a sequence/],
  ['unknown status', edit((v) => (v.workbook.assessments['4.1'].status = 'done')), /The value of “workbook\.assessments\.4\.1\.status” is “done”, which is not one of its choices: not_assessed, not_implemented, partially_implemented, largely_implemented, fully_implemented\./],
  ['status as a number', edit((v) => (v.workbook.assessments['4.1'].status = 3)), /The value of “workbook\.assessments\.4\.1\.status” is 3, which is not one of its choices: not_assessed,/],
  ['duplicate ids', edit((v) => (v.workbook.portfolio.services[1].id = 1)), /SVC-0001/],
  ['dangling link', edit((v) => (v.workbook.portfolio.services[1].depends_on = [99])), /SVC-0099/],
  ['unknown requirement', edit((v) => (v.workbook.assessments['99.9'] = { status: 'fully_implemented' })), /requirement “99\.9”/],
  ['absurd text', edit((v) => (v.workbook.organisation.name = 'x'.repeat(1_000_000))), /organisation name is 1000000 characters long; the most Clausebook keeps is 200/],
  ['control characters', edit((v) => (v.workbook.assessments['4.1'].notes = 'a\u0007b')), /contains control characters/],
];

test('every bad file is refused with its own message and nothing changes', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await createWorkbook(page, env.base, 'Kept Ltd');
  await page.goto(env.base + '/data');
  const storage = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const stored = await storage();
  const input = page.getByLabel('Clausebook JSON file to import');
  const alert = page.getByTestId('import-error');
  const messages = new Set();
  for (const [what, content, expected] of BAD) {
    await input.setInputFiles({ name: `${what}.json`, mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="import-error"]').textContent !== before,
      [...messages].at(-1) ?? '',
    );
    const message = await alert.textContent();
    assert.match(message, expected, what);
    messages.add(message);
    assert.equal(await page.getByRole('heading', { name: 'Check before importing' }).count(), 0, `${what}: no preview`);
    assert.equal(await storage(), stored, `${what}: storage unchanged`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(wide <= 0, `${what}: the message makes the page scroll sideways by ${wide}px`);
    if (what === 'wrong type') await shot(page, 'import-refused-390');
  }
  assert.equal(messages.size, BAD.length, 'each refusal reads differently');
  // The workbook is still the one we had.
  await page.goto(env.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Kept Ltd' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assert.deepEqual(page.errors, []);
});
