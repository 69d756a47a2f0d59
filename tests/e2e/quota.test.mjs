// End-to-end: the byte-counted quota. WebKit charges local storage two bytes
// a character for a whole value once it holds one above U+00FF (the ’ that
// macOS and iOS type); Chromium and Firefox count UTF-16 units. The app
// stores ASCII only (`\u` escapes), so what it writes costs its length in
// every engine and the meter shows that cost. WebKit's own charge is
// checked in webdriver/journeys.test.mjs (a large workbook with ’).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, createWorkbook } from './browser.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('a workbook with ’ is stored as ASCII, and the meter shows what every engine charges', async () => {
  const page = await newPage(env);
  await createWorkbook(page, env.base, 'Quota’s Ltd');
  await page.goto(env.base + '/clauses/4.1');
  await page.getByLabel('Notes').fill('The restore test’s result – in Zürich – was not recorded. '.repeat(300));
  await page.getByTestId('save-status').filter({ hasText: /^Saved at/ }).waitFor();
  const { wide, charged } = await page.evaluate(() => {
    let charged = 0;
    const wide = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      const value = localStorage.getItem(key);
      if (/[^\u0000-\u007f]/.test(key + value)) wide.push(key);
      // WebKit's charge: a byte a character, two for a value with one above U+00FF.
      charged += (key.length + value.length) * (/[^\u0000-\u00ff]/.test(key + value) ? 2 : 1);
    }
    return { wide, charged };
  });
  assert.deepEqual(wide, [], 'every stored value is ASCII');
  assert.ok(charged > 20_000, `a sizeable workbook (${charged} bytes)`);
  await page.getByRole('link', { name: 'Workbooks', exact: true }).click();
  const usage = await page.getByTestId('storage-usage').innerText();
  const shown = Number(usage.match(/\((\d+)%\)/)[1]);
  assert.equal(shown, Math.floor((charged * 100) / 5_242_880), `the meter (${usage}) shows the real cost`);
  await page.reload();
  await page.goto(env.base + '/clauses/4.1');
  assert.match(await page.getByLabel('Notes').inputValue(), /^The restore test’s result – in Zürich/);
  assert.deepEqual(page.errors, []);
});
