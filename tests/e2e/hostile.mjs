// Shared by the XSS and CSP tests: a workbook whose every free-text field
// holds markup or script, and the list of pages to visit. Add new pages to
// PAGES and new text fields to hostileWorkbook() as the app grows.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'tests', 'fixtures');

/// Every page, with a workbook in place. `h1` (optional) names the heading to wait for.
export const PAGES = [
  { path: '/' },
  { path: '/clauses' },
  { path: '/clauses?status=partially_implemented' },
  { path: '/clauses/4.1' },
  { path: '/clauses/8.5.1.1' },
  { path: '/clauses/8.7.1' },
  { path: '/clauses/7.5.4' },
  { path: '/clauses/8' },
  { path: '/improvements' },
  { path: '/improvements?view=table' },
  { path: '/improvements/IMP-0001' },
  { path: '/improvements/IMP-0002' },
  { path: '/portfolio' },
  { path: '/portfolio/catalogue' },
  { path: '/portfolio/SVC-0001' },
  { path: '/portfolio/SVC-0002' },
  { path: '/portfolio/SVC-0003' },
  { path: '/data' },
  { path: '/workbooks' },
  { path: '/progress' },
  { path: '/compare' },
  { path: '/reports' },
  { path: '/reports/summary' },
  { path: '/reports/gaps' },
  { path: '/reports/conformity' },
  { path: '/reports/evidence' },
  { path: '/reports/documents' },
  { path: '/reports/review' },
  { path: '/no-such-page' },
];

/// Payloads that run script if rendered as HTML or used as a link.
export const PAYLOADS = [
  (tag) => `${tag} <img src=x onerror="window.__xss=1">`,
  (tag) => `${tag} <script>window.__xss=1</script>`,
  (tag) => `${tag} "><svg onload=window.__xss=1>`,
  (tag) => `${tag} javascript:window.__xss=1`,
  (tag) => `${tag} '><iframe srcdoc="<script>parent.__xss=1</script>">`,
];

/// Returns { json, fields }: the export file's text, and for each field its
/// exact text, so tests can look for it literally.
export function hostileWorkbook() {
  const read = (name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));
  const file = read('workbook-v3-portfolio.json');
  const wb = file.workbook;
  wb.improvements = read('workbook-v3-improvements.json').workbook.improvements;
  file.schema_version = 5;
  wb.baselines = [];
  wb.trainer_notes = { locked: true, notes: {} };
  const fields = {};
  let n = 0;
  const put = (name, object, key) => {
    const tag = `X${String(n).padStart(2, '0')}`;
    const text = PAYLOADS[n % PAYLOADS.length](tag);
    n += 1;
    object[key] = text;
    fields[name] = text;
  };
  put('organisation name', wb.organisation, 'name');
  put('scope', wb.organisation, 'scope');
  for (const id of ['4.1', '8.5.1.1', '8.7.1']) {
    wb.assessments[id] = { status: 'partially_implemented', owner: '', notes: '' };
    put(`owner of ${id}`, wb.assessments[id], 'owner');
    put(`notes of ${id}`, wb.assessments[id], 'notes');
  }
  wb.evidence = { items: [{ id: 1, title: '', requirements: ['4.1', '8.5.1.1'] }] };
  const ev = wb.evidence.items[0];
  put('evidence title', ev, 'title');
  put('evidence reference', ev, 'reference');
  ev.reference = 'javascript:window.__xss=1';
  fields['evidence reference'] = ev.reference;
  put('evidence owner', ev, 'owner');
  put('evidence version', ev, 'version');
  wb.documents = { 'service-requirements': { status: 'draft', owner: '', evidence: [1] } };
  put('document owner', wb.documents['service-requirements'], 'owner');
  put('trainer note on 4.1', wb.trainer_notes.notes, '4.1');
  for (const item of wb.improvements.items) {
    const id = `IMP-000${item.id}`;
    put(`title of ${id}`, item, 'title');
    put(`owner of ${id}`, item, 'owner');
    // Later stages' records only where the fixture has them: the item's
    // stage decides which may hold text.
    for (const key of Object.keys(item.plan ?? {})) put(`${key} of ${id}`, item.plan, key);
    if (item.do) put(`actions taken of ${id}`, item.do, 'actions_taken');
    if (item.check) put(`check result of ${id}`, item.check, 'result');
    if (item.check) put(`verified by of ${id}`, item.check, 'verified_by');
    if (item.act) put(`lessons of ${id}`, item.act, 'lessons');
    // The page shows notes of stage moves; the entry for raising the item has none to show.
    item.history.forEach((h, i) => h.from && put(`history note ${i} of ${id}`, h, 'note'));
  }
  for (const s of wb.portfolio.services) {
    const id = `SVC-000${s.id}`;
    for (const key of ['name', 'description', 'owner', 'customers', 'service_hours', 'suppliers', 'continuity', 'security', 'cost_notes']) {
      put(`${key} of ${id}`, s, key);
    }
    s.history.forEach((m, i) => {
      put(`who of move ${i} of ${id}`, m, 'who');
      put(`why of move ${i} of ${id}`, m, 'why');
    });
  }
  return { json: JSON.stringify(file, null, 2), fields };
}

/// Imports a workbook through the Data page's file input and confirms it.
export async function importWorkbook(page, base, json, name = 'workbook.clausebook.json') {
  await page.goto(base + '/data');
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  await page.getByLabel('Clausebook JSON file to import').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
  await page.getByRole('heading', { name: 'Check before importing' }).waitFor();
  await page.getByRole('button', { name: 'Import as a new workbook' }).click();
  await page.getByRole('status').filter({ hasText: /^Imported the workbook/ }).waitFor();
}

/// What a page shows: visible text plus the values of form fields (which
/// innerText leaves out), and signs of injected markup.
export function inspect(page) {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map((e) =>
      e.tagName === 'SELECT' ? [...e.selectedOptions].map((o) => o.textContent).join(' ') : e.value,
    );
    return {
      text: document.body.innerText + '\n' + values.join('\n'),
      xss: window.__xss,
      injected: [
        ...document.querySelectorAll('img[src="x"], svg[onload], iframe, body script, [onerror], [onload]'),
      ].map((e) => e.outerHTML.slice(0, 120)),
      scriptLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href'))
        .filter((h) => /^\s*javascript:/i.test(h)),
    };
  });
}
