// Where the time goes: a CPU profile of one scenario against a release build
// that keeps function names, made with
//   CLAUSEBOOK_KEEP_NAMES=1 trunk build --release --dist target/dist-names
// (binaryen, which drops the names, is skipped). Prints the functions with the
// most self time; --callers REGEX shows which app functions those run under.
// Usage:
//   node bench/profile.mjs --app DIST --scenario start|typing|save|filter [--top 40]
// (save: five autosaves of one typed character each, after a first one
// outside the profile, as in bench/run.mjs)
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const APP = arg('app', join(ROOT, 'dist'));
const SCENARIO = arg('scenario', 'start');
const TOP = Number(arg('top', 40));
const stored = readFileSync(arg('stored', join(ROOT, 'target', 'bench', 'large.stored.json')), 'utf8');

const env = await launch({ dist: APP });
try {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/sw.js', (route) => route.fulfill({ status: 404, body: '' }));
  const page = await context.newPage();
  await page.goto(env.base + '/robots.txt');
  await page.evaluate((text) => {
    localStorage.clear();
    const id = 'wb-1-00000001';
    const s = JSON.parse(text);
    localStorage.setItem('clausebook.library', JSON.stringify({ workbooks: [{ id, name: s.workbook.organisation.name, created_at: s.workbook.created_at }] }));
    localStorage.setItem('clausebook.active', id);
    localStorage.setItem(`clausebook.wb.${id}.head`, JSON.stringify({ revision: 1, slot: 'A', schema_version: s.schema_version, app_version: s.app_version, saved_at: s.saved_at, bytes: text.length, organisation: s.workbook.organisation.name, writer: 'bench' }));
    localStorage.setItem(`clausebook.wb.${id}.a`, text);
  }, stored);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (SCENARIO === 'start') {
    await cdp.send('Profiler.start');
    await page.goto(env.base + '/');
    await page.locator('main h1').waitFor();
    await page.waitForTimeout(300);
  } else if (SCENARIO === 'typing') {
    await page.goto(env.base + '/clauses/8.1');
    await page.locator('#notes').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('warm', { delay: 120 });
    await page.waitForTimeout(1500);
    await cdp.send('Profiler.start');
    await page.keyboard.type(' The review found three overdue actions.', { delay: 120 });
  } else if (SCENARIO === 'save') {
    await page.goto(env.base + '/clauses/8.1');
    await page.locator('#notes').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('w');
    await page.waitForTimeout(1500);
    await cdp.send('Profiler.start');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.type('x');
      await page.waitForTimeout(1000);
    }
  } else if (SCENARIO === 'filter') {
    await page.goto(env.base + '/improvements?view=table');
    await page.locator('.improvement-table tbody tr').first().waitFor();
    await page.getByLabel('Search').focus();
    await page.waitForTimeout(500);
    await cdp.send('Profiler.start');
    for (const k of 'review') {
      await page.keyboard.press(k);
      await page.waitForTimeout(300);
    }
  }
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`.slice(0, 140);
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // With --callers REGEX: which app functions the matching leaves run under.
  const callers = arg('callers', null);
  if (callers) {
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const re = new RegExp(callers);
    const under = new Map();
    profile.samples.forEach((id, i) => {
      if (!re.test(byId.get(id).callFrame.functionName)) return;
      const chain = [];
      for (let at = parent.get(id); at !== undefined && chain.length < 4; at = parent.get(at)) {
        const f = byId.get(at).callFrame.functionName;
        if (/clausebook::/.test(f)) chain.push(f.replace(/::h[0-9a-f]{16}$/, '').slice(0, 90));
      }
      const key = chain.join(' <- ') || '(none)';
      under.set(key, (under.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    for (const [k, ms] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`${SCENARIO}: ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
  }
} finally {
  await env.close();
}
