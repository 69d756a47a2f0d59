// Markup and script in imported text must show as literal text on every
// page and never run. The workbook and page list live in hostile.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, shot } from './browser.mjs';
import { PAGES, hostileWorkbook, importWorkbook, inspect } from './hostile.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('script and markup in every text field stay text on every page', async () => {
  const { json, fields } = hostileWorkbook();
  const page = await newPage(env);
  // Runs before any page script: a payload that executes would set this.
  await page.addInitScript(() => {
    window.alert = () => {
      window.__xss = 'alert';
    };
  });
  await page.goto(env.base + '/data');
  await page.getByLabel('Clausebook JSON file to import').setInputFiles({
    name: 'hostile.clausebook.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  // The preview shows the organisation's name and scope as text.
  await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
  const preview = await inspect(page);
  assert.ok(preview.text.includes(fields['organisation name']), 'name shown literally in the preview');
  assert.ok(preview.text.includes(fields.scope), 'scope shown literally in the preview');
  assert.deepEqual([preview.xss, preview.injected, preview.scriptLinks], [undefined, [], []]);
  await importWorkbook(page, env.base, json);

  const seen = new Set();
  const problems = [];
  for (const { path } of PAGES) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Give late effects (focus, animation frames) a moment to run.
    await page.waitForTimeout(100);
    const found = await inspect(page);
    if (found.xss !== undefined) problems.push(`${path}: script ran (${found.xss})`);
    if (found.injected.length) problems.push(`${path}: injected elements ${found.injected.join(', ')}`);
    if (found.scriptLinks.length) problems.push(`${path}: javascript: links ${found.scriptLinks}`);
    for (const [field, text] of Object.entries(fields)) if (found.text.includes(text)) seen.add(field);
  }
  await shot(page, 'xss-data-1280');
  await page.goto(env.base + '/portfolio/SVC-0002');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot(page, 'xss-service-1280');
  assert.deepEqual(problems, []);
  // Every field was shown, literally, on at least one page.
  const unseen = Object.keys(fields).filter((f) => !seen.has(f));
  assert.deepEqual(unseen, [], 'fields never shown literally');
  assert.deepEqual(page.errors, []);
});
