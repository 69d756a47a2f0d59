// The release build under its own Content-Security-Policy (sent by serve.mjs
// from dist/_headers, and in a <meta> tag): no violations on any page, and
// subresource integrity stops a tampered wasm or JS file from running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, newPage, DIST } from './browser.mjs';
import { PAGES, hostileWorkbook, importWorkbook } from './hostile.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// Records CSP violations from the first moment of every document.
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`.trim());
    });
  });
  page.cspConsole = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) page.cspConsole.push(m.text());
  });
}

test('the served page carries the policy and integrity attributes', async () => {
  const res = await fetch(env.base + '/');
  const csp = res.headers.get('content-security-policy');
  assert.ok(csp, 'CSP header sent');
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
    assert.ok(csp.includes(part), `policy has ${part}`);
  }
  assert.doesNotMatch(csp.replace("'wasm-unsafe-eval'", ''), /unsafe/);
  const html = await res.text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
  const links = html.match(/<link [^>]*(stylesheet|modulepreload|preload)[^>]*>/g);
  // One stylesheet (.ci/css.mjs joins them), the JS glue, the chunk loader, the wasm.
  assert.equal(links.filter((l) => l.includes('stylesheet')).length, 1, 'one stylesheet');
  assert.equal(links.length, 4, 'css, js and wasm links');
  for (const l of links) assert.match(l, /integrity="sha384-/, l);
  assert.match(html, /fetch\('[^']+_bg\.wasm', \{ integrity: 'sha384-/);
  assert.match(html, /<script type="importmap">\{"integrity"/);
});

test('no CSP violations on any page, with a full workbook', async () => {
  const page = await newPage(env);
  await watchViolations(page);
  await importWorkbook(page, env.base, hostileWorkbook().json);
  const problems = [];
  for (const { path } of PAGES) {
    await page.goto(env.base + path);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(100);
    const v = await page.evaluate(() => window.__violations);
    problems.push(...v.map((x) => `${path}: ${x}`));
  }
  // Interactions that change styles or open dialogs.
  await page.goto(env.base + '/clauses/4.1');
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.getByRole('dialog').waitFor();
  problems.push(...(await page.evaluate(() => window.__violations)).map((x) => `help dialog: ${x}`));
  assert.deepEqual(problems, []);
  assert.deepEqual(page.cspConsole, []);
  assert.deepEqual(page.errors, []);
  // The watcher works: a style attribute set from script is a violation.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await page.waitForTimeout(100);
  assert.ok((await page.evaluate(() => window.__violations)).length >= 1, 'the watcher sees violations');
  assert.ok(page.cspConsole.length >= 1, 'and the console shows them');
});

for (const [what, pattern, type] of [
  ['wasm', /^clausebook-[0-9a-f]+_bg\.wasm$/, 'application/wasm'],
  ['JS glue', /^clausebook-[0-9a-f]+\.js$/, 'text/javascript'],
  // The glue imports the chunk loader, so the app cannot start without it.
  ['chunk loader', /^clausebook-[0-9a-f]+_split\.js$/, 'text/javascript'],
]) {
  test(`a tampered ${what} file is refused (subresource integrity)`, async () => {
    const dist = process.env.CLAUSEBOOK_DIST ?? DIST;
    const name = (await readdir(dist)).find((f) => pattern.test(f));
    if (!name) return; // a build without the split has no chunk loader
    const body = Buffer.from(await readFile(join(dist, name)));
    // Same size, one byte changed near the end: still loads if integrity is not checked.
    body[body.length - 2] ^= 0x01;
    env.server.overrides.set('/' + name, (res) => res.writeHead(200, { 'content-type': type }).end(body));
    try {
      const page = await newPage(env);
      await page.goto(env.base + '/');
      await page.waitForTimeout(1500);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'the app did not start');
      assert.ok(
        page.errors.some((e) => /integrity/i.test(e)),
        `an integrity error was reported: ${page.errors.join(' | ')}`,
      );
    } finally {
      env.server.overrides.delete('/' + name);
    }
  });
}

test('a tampered app chunk is refused (subresource integrity), and the crash screen says so', async () => {
  const dist = process.env.CLAUSEBOOK_DIST ?? DIST;
  // Everything but the start-up code (src/app/boot.rs) is in this chunk.
  const name = (await readdir(dist)).find((f) => /^split_mount_app_.*\.wasm$/.test(f));
  if (!name) return; // a build without the split
  const body = Buffer.from(await readFile(join(dist, name)));
  body[body.length - 2] ^= 0x01;
  env.server.overrides.set('/' + name, (res) => res.writeHead(200, { 'content-type': 'application/wasm' }).end(body));
  try {
    const page = await newPage(env);
    await page.goto(env.base + '/');
    // The crash screen says what happened and how to recover.
    await page.getByRole('alertdialog', { name: 'Part of Clausebook could not be loaded' }).waitFor();
    await page.getByRole('link', { name: 'Reload Clausebook' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Create workbook' }).count(), 0, 'the app did not start');
    assert.ok(
      page.errors.some((e) => /integrity/i.test(e)),
      `an integrity error was reported: ${page.errors.join(' | ')}`,
    );
  } finally {
    env.server.overrides.delete('/' + name);
  }
});
