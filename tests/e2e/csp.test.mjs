// The release build under its own Content-Security-Policy (sent by serve.mjs
// from dist/_headers, and in a <meta> tag): no violations on any page, and
// subresource integrity stops a tampered wasm or JS file from running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
    // Chromium names the policy; Firefox says "The page’s settings blocked …".
    if (/Content.Security.Policy|page’s settings blocked/i.test(m.text())) page.cspConsole.push(m.text());
  });
  // Firefox reports a violation as a page error.
  page.on('pageerror', (e) => {
    if (/page’s settings blocked/.test(e.message)) page.cspConsole.push(e.message);
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
  // One stylesheet, checked by its integrity; no preloads (the loader's own
  // fetches are the only ones, and they check integrity themselves).
  const links = html.match(/<link [^>]*(stylesheet|preload)[^>]*>/g);
  assert.equal(links.length, 1, `one stylesheet and no preload: ${links.join(' ')}`);
  assert.match(links[0], /rel="stylesheet"[^>]*integrity="sha384-/);
  assert.match(html, /fetch\('[^']+_bg\.wasm', \{ integrity: 'sha384-/);
  // The import map gives the integrity of the JS glue and the chunk loader.
  const map = JSON.parse(html.match(/<script type="importmap">(.*?)<\/script>/)[1]);
  const modules = Object.keys(map.integrity);
  assert.equal(modules.length, 2);
  assert.ok(modules.some((m) => /\/clausebook-[0-9a-f]+\.js$/.test(m)), 'the glue');
  assert.ok(modules.some((m) => /\/clausebook-[0-9a-f]+_split\.js$/.test(m)), 'the chunk loader');
  for (const m of modules) assert.match(map.integrity[m], /^sha384-/, m);
});

test('a page load asks for each wasm, JS and CSS file once', async () => {
  const page = await newPage(env);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(env.base + '/');
  await page.getByRole('button', { name: 'Create workbook' }).waitFor();
  const code = requested.filter((p) => /\.(wasm|js|css)$/.test(p));
  assert.ok(code.some((p) => p.endsWith('_bg.wasm')), `the main wasm was requested: ${code.join(' ')}`);
  const twice = code.filter((p, i) => code.indexOf(p) !== i);
  assert.deepEqual(twice, [], 'requested more than once');
  assert.deepEqual(page.errors, []);
  await page.context().close();
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

/// The files of the build with `role`, by its manifest (.ci/manifest.mjs).
async function filesWithRole(role) {
  const dist = process.env.CLAUSEBOOK_DIST ?? DIST;
  const manifest = JSON.parse(await readFile(join(dist, 'build-manifest.json'), 'utf8'));
  const files = manifest.files.filter((f) => f.role === role).map((f) => f.path);
  assert.ok(files.length > 0, `the build has ${role} files`);
  return { dist, files };
}

/// Serves the files of `role` with one byte changed near the end (same size:
/// they would still load if integrity were not checked) while `check` runs.
async function whileTampered(role, type, check) {
  const { dist, files } = await filesWithRole(role);
  for (const name of files) {
    const body = Buffer.from(await readFile(join(dist, name)));
    body[body.length - 2] ^= 0x01;
    env.server.overrides.set('/' + name, (res) => res.writeHead(200, { 'content-type': type }).end(body));
  }
  try {
    await check();
  } finally {
    for (const name of files) env.server.overrides.delete('/' + name);
  }
}

const integrityError = (page) =>
  assert.ok(
    page.errors.some((e) => /integrity/i.test(e)),
    `an integrity error was reported: ${page.errors.join(' | ')}`,
  );

for (const [what, role, type] of [
  ['wasm', 'wasm', 'application/wasm'],
  ['JS glue', 'glue', 'text/javascript'],
  // The glue imports the chunk loader, so the app cannot start without it.
  ['chunk loader', 'chunk-loader', 'text/javascript'],
]) {
  test(`a tampered ${what} file is refused (subresource integrity)`, () =>
    whileTampered(role, type, async () => {
      const page = await newPage(env);
      await page.goto(env.base + '/');
      await page.waitForTimeout(1500);
      assert.equal(await page.getByRole('heading', { level: 1 }).count(), 0, 'the app did not start');
      integrityError(page);
    }));
}

test('a tampered app chunk is refused (subresource integrity), and the crash screen says so', () =>
  whileTampered('chunk', 'application/wasm', async () => {
    const page = await newPage(env);
    await page.goto(env.base + '/');
    // The crash screen says what happened and how to recover.
    await page.getByRole('alertdialog', { name: 'Part of Clausebook could not be loaded' }).waitFor();
    await page.getByRole('link', { name: 'Reload Clausebook' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Create workbook' }).count(), 0, 'the app did not start');
    integrityError(page);
  }));
