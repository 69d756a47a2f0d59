// Reports: each report's content, the CSV and Markdown downloads, and the
// A4 PDFs Chromium prints from them (page count, running header on every
// page, no table wider than the printable area), at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, newPage, shot, ARTIFACTS, createWorkbook, downloadFile, skipIn } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ORG = 'Harbour Street IT';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/// Every requirement assessed (a full 57-requirement workbook), with long
/// notes and unbroken long words, evidence, documents, improvement items and
/// services, written straight into storage.
async function seed(page) {
  await createWorkbook(page, env.base, ORG);
  await page.getByRole('status').filter({ hasText: /^Saved at/ }).waitFor();
  const framework = JSON.parse(await readFile(join(here, '..', '..', 'core', 'src', 'framework', 'iso20000-1-2018.json'), 'utf8'));
  const parents = new Set(framework.nodes.map((n) => n.parent).filter(Boolean));
  const leaves = framework.nodes.filter((n) => !parents.has(n.id)).map((n) => n.id);
  const improvements = JSON.parse(await readFile(join(here, '..', '..', 'core', 'tests', 'fixtures', 'workbook-v3-improvements.json'), 'utf8'))
    .workbook.improvements;
  improvements.items.push({
    id: 3,
    title: 'Agree a budget for monitoring tools',
    kind: 'management_review_action',
    source: 'management_review',
    priority: 'high',
    owner: 'Board',
    raised_on: '2026-06-10',
    target_date: '2026-09-30',
    requirements: ['9.3'],
    stage: 'plan',
    cycle: 1,
    history: [{ at: '2026-06-10T09:00:00.000Z', from: null, to: 'plan', note: '' }],
  });
  const portfolio = JSON.parse(await readFile(join(here, '..', '..', 'core', 'tests', 'fixtures', 'workbook-v3-portfolio.json'), 'utf8'))
    .workbook.portfolio;
  const statuses = ['not_implemented', 'partially_implemented', 'largely_implemented', 'fully_implemented'];
  await page.evaluate(
    ({ leaves, statuses, improvements, portfolio }) => {
      const key = (() => { const id = localStorage.getItem('clausebook.active'); const head = JSON.parse(localStorage.getItem(`clausebook.wb.${id}.head`)); return `clausebook.wb.${id}.${head.slot.toLowerCase()}`; })();
      const stored = JSON.parse(localStorage.getItem(key));
      const wb = stored.workbook;
      wb.assessments = {};
      leaves.forEach((id, i) => {
        wb.assessments[id] = {
          status: statuses[i % 4],
          owner: i % 3 ? 'Sam Patel' : 'Service Desk Manager',
          target_date: i % 5 ? '2027-03-31' : null,
          notes:
            `Notes for ${id}: interviews held, procedure drafted, records sampled. ` +
            (i % 7 === 0 ? 'https://intranet.example.org/very/long/path/without/any/spaces/to/break/at/all/SMS-procedure-document-v12-final-FINAL.docx ' : '') +
            (i % 4 === 0 ? 'Findings | discussed with the process owner; <b>not</b> bold.' : ''),
          capability: { current: i % 3, target: 3 },
          finding: i === 5 ? 'major_nonconformity' : i === 9 ? 'minor_nonconformity' : i === 12 ? 'opportunity_for_improvement' : 'none',
        };
      });
      wb.evidence = {
        items: [
          { id: 1, title: 'Change management policy', reference: 'SMS/POL/CHG-01', owner: 'Sam Patel', version: '2.1', next_review: '2026-01-31', requirements: ['8.5.1.1', '8.5.1.2'] },
          { id: 2, title: 'Internal audit report Q3', reference: 'https://intranet.example.org/audits/2026/q3/internal-audit-report-final-version.pdf', owner: '=HYPERLINK("http://evil")', version: '', next_review: '2027-06-30', requirements: ['9.2'] },
        ],
      };
      wb.documents = {
        scope: { status: 'approved', owner: 'Sam Patel', review_date: '2027-01-31', evidence: [1] },
      };
      wb.improvements = improvements;
      wb.portfolio = portfolio;
      localStorage.setItem(key, JSON.stringify(stored));
    },
    { leaves, statuses, improvements, portfolio },
  );
  await page.goto(env.base + '/reports');
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
}

const REPORTS = [
  ['summary', 'Executive summary'],
  ['gaps', 'Gap analysis'],
  ['conformity', 'Statement of conformity'],
  ['evidence', 'Evidence register'],
  ['documents', 'Documented-information checklist'],
  ['review', 'Management review input pack'],
];

function pdfPages(path) {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)[1]);
}

function pdfPageText(path, n) {
  return execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-'], { encoding: 'utf8' });
}

test('each report shows its content, and the list links to all of them', async () => {
  const page = await newPage(env);
  await seed(page);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).count(), 1);
  for (const [, title] of REPORTS) {
    await page.getByRole('link', { name: title, exact: true }).waitFor();
  }
  await page.getByRole('link', { name: 'Gap analysis', exact: true }).click();
  await page.waitForURL('**/reports/gaps');
  await page.getByRole('heading', { level: 1, name: 'Gap analysis' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).count(), 7, 'one section per clause');
  assert.equal(await page.locator('.report-gap-table tbody tr').count(), 57);
  const row = page.getByRole('row', { name: /^8\.5\.1\.1 / });
  assert.match(await row.innerText(), /Change management policy/);
  // User text stays text.
  assert.equal(await page.locator('.report b').count(), 0);
  assert.match(await page.locator('.report').innerText(), /<b>not<\/b> bold/);

  await page.goto(env.base + '/reports/summary');
  await page.getByRole('heading', { level: 1, name: 'Executive summary' }).waitFor();
  assert.equal(await page.getByTestId('report-ready').innerText(), '49%');
  assert.equal(await page.locator('.report-clauses tbody tr').count(), 7);
  assert.equal(await page.locator('.report-gap-list li').count(), 8);
  assert.match(await page.locator('.report-ncs').innerText(), /IMP-0001 Backup restores are not tested — Act/);

  await page.goto(env.base + '/reports/conformity');
  await page.getByRole('heading', { level: 1, name: 'Statement of conformity' }).waitFor();
  assert.equal(await page.getByTestId('overall').innerText(), 'Does not conform yet');

  await page.goto(env.base + '/reports/evidence');
  await page.getByRole('heading', { level: 1, name: 'Evidence register' }).waitFor();
  assert.match(await page.getByRole('row', { name: /^EV-0001/ }).innerText(), /2026-01-31\s+overdue/);

  await page.goto(env.base + '/reports/documents');
  await page.getByRole('heading', { level: 1, name: 'Documented-information checklist' }).waitFor();
  assert.match(await page.locator('.report-figure').innerText(), /^1 approved · 0 in draft · \d+ missing$/);

  await page.goto(env.base + '/reports/review');
  await page.getByRole('heading', { level: 1, name: 'Management review input pack' }).waitFor();
  for (const h of ['Actions from previous reviews', 'Trends in improvement items', 'Audit results',
    'Nonconformities and corrective actions', 'Service performance notes', 'Opportunities for improvement']) {
    await page.getByRole('heading', { level: 2, name: h }).waitFor();
  }
  assert.match(await page.getByRole('region', { name: 'Actions from previous reviews table' }).innerText(), /IMP-0003[\s\S]*overdue/);
  assert.match(await page.getByRole('region', { name: 'Live services table' }).innerText(), /SVC-0002 Email/);

  await page.goto(env.base + '/reports/nothing');
  await page.getByRole('heading', { level: 1, name: 'No such report' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('every export downloads with the right name and content', async () => {
  const page = await newPage(env);
  await seed(page);
  const files = {};
  for (const name of ['Export gap analysis CSV', 'Export gap analysis Markdown', 'Export evidence register CSV',
    'Export document checklist CSV', 'Export improvement log CSV', 'Export services CSV', 'Export review actions CSV']) {
    const download = await downloadFile(page, () => page.getByRole('button', { name }).click());
    files[name] = { file: download.name, text: download.text };
    await page.getByRole('status').filter({ hasText: `Exported ${download.name}.` }).waitFor();
  }
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const gaps = files['Export gap analysis CSV'];
  assert.equal(gaps.file, `harbour-street-it-gap-analysis-${today}.csv`);
  assert.ok(gaps.text.startsWith('\uFEFFrequirement,title,clause,status,'));
  assert.match(gaps.text, /\r\n8\.5\.1\.1,/);
  const md = files['Export gap analysis Markdown'];
  assert.equal(md.file, `harbour-street-it-gap-analysis-${today}.md`);
  assert.ok(md.text.startsWith('# Gap analysis: Harbour Street IT\n'));
  assert.equal(md.text.split('\n').filter((l) => /^\| \d/.test(l)).length, 57);
  assert.match(md.text, /Findings \\\| discussed with the process owner; \\<b\\>not\\<\/b\\> bold\./);
  const evidence = files['Export evidence register CSV'];
  assert.equal(evidence.file, `harbour-street-it-evidence-register-${today}.csv`);
  assert.match(evidence.text, /EV-0002,Internal audit report Q3,[^,]+,"'=HYPERLINK\(""http:\/\/evil""\)"/);
  assert.match(files['Export document checklist CSV'].text, /\r\nscope,[^\r]*,Approved,Sam Patel,2027-01-31,no,EV-0001 Change management policy\r\n/);
  assert.match(files['Export improvement log CSV'].text, /\r\nIMP-0001,Backup restores are not tested,/);
  assert.match(files['Export services CSV'].text, /Email/);
  const actions = files['Export review actions CSV'];
  assert.equal(actions.file, `harbour-street-it-review-actions-${today}.csv`);
  assert.equal(actions.text.trim().split('\r\n').length, 2);
  assert.match(actions.text, /\r\nIMP-0003,Agree a budget for monitoring tools,Management review action,/);
  assert.deepEqual(page.errors, []);
});

test(
  'A4 PDFs: the summary is one page, the header is on every page, no table overflows',
  skipIn({ firefox: 'the print layout is checked under print media, which Firefox ESR 153 WebDriver BiDi cannot emulate' }),
  async () => {
    const page = await newPage(env);
    await seed(page);
    // The printable width of A4 with 12 mm side margins, in CSS px.
    const printable = Math.floor(((210 - 24) / 25.4) * 96);
    const counts = {};
    for (const [slug, title] of REPORTS) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ media: 'screen' });
      await page.goto(env.base + `/reports/${slug}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await shot(page, `report-${slug}-1280`);
      // Print media at the printable width: no table may be wider than its container.
      await page.setViewportSize({ width: printable, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('.report table:not(.report-frame)')]
          .map((t) => [t.className || t.querySelector('th')?.textContent, t.scrollWidth - t.parentElement.clientWidth, t.getBoundingClientRect().right - document.documentElement.clientWidth])
          .filter(([, over, right]) => over > 1 || right > 1),
      );
      assert.deepEqual(overflow, [], `${slug}: tables wider than the printable area`);
      // Nor may a cell's content spill into the next cell (a long word or a badge).
      const spill = await page.evaluate(() =>
        [...document.querySelectorAll('.report table:not(.report-frame) :is(th, td)')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => c.textContent.slice(0, 40)),
      );
      assert.deepEqual(spill, [], `${slug}: cells whose content overflows`);
      assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false);
      const path = join(ARTIFACTS, `report-${slug}.pdf`);
      await page.pdf({ path, format: 'A4', printBackground: true });
      const pages = pdfPages(path);
      counts[slug] = pages;
      for (let n = 1; n <= pages; n++) {
        const text = pdfPageText(path, n);
        assert.ok(text.includes(`${ORG} · ${title}`), `${slug} page ${n} has the running header`);
        assert.match(text, /Report date \d{4}-\d{2}-\d{2}/, `${slug} page ${n} has the date`);
        assert.match(text, /Workbook as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · Clausebook [\d.]+, schema \d+/, `${slug} page ${n} has the version`);
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, join(ARTIFACTS, `report-${slug}-page`)]);
    }
    assert.equal(counts.summary, 1, 'the executive summary fits on one A4 page');
    assert.ok(counts.gaps >= 7, `the gap analysis starts each clause on a new page (${counts.gaps} pages)`);
    // Every requirement row made it to paper (none clipped away).
    const gapsText = Array.from({ length: counts.gaps }, (_, i) => pdfPageText(join(ARTIFACTS, 'report-gaps.pdf'), i + 1)).join('\n');
    for (const id of ['4.1', '6.1', '8.5.1.1', '8.7.1', '10.2']) {
      assert.match(gapsText, new RegExp(`^\\s*${id.replace(/\./g, '\\.')} `, 'm'), `${id} is in the gap analysis PDF`);
    }
    console.log('PDF pages per report:', JSON.stringify(counts));
    assert.deepEqual(page.errors, []);
  },
);

test('reports read well at 390 px without sideways scrolling', async () => {
  const page = await newPage(env, { width: 390, height: 844 });
  await seed(page);
  await shot(page, 'reports-list-390');
  for (const [slug, title] of REPORTS) {
    await page.goto(env.base + `/reports/${slug}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `/reports/${slug} scrolls sideways by ${overflow}px`);
    await shot(page, `report-${slug}-390`);
  }
  assert.deepEqual(page.errors, []);
});
