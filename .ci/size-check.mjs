// What a first visit transfers (wasm, JS, CSS): raw, gzip and brotli, and
// the CI guard against size regressions. The wasm chunks of the other pages
// (loaded on demand, precached by the service worker) are listed apart.
//
//   node .ci/size-check.mjs dist            prints the sizes and fails if the
//                                           brotli total grew more than the
//                                           tolerance over .ci/size-baseline.json
//   node .ci/size-check.mjs dist --update   writes the current total as the baseline
//   node .ci/size-check.mjs dist --chunks   also lists every on-demand file
//
// The benchmark (bash .ci/bench) imports `measure` for its "Size" figures.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BASELINE = join(dirname(fileURLToPath(import.meta.url)), 'size-baseline.json');

const sizes = (dir, name) => {
  const body = readFileSync(join(dir, name));
  return {
    name,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
};

/// The files a first visit fetches: what index.html links (style sheets,
/// module and wasm preloads, scripts), the modules those import, and the
/// service worker. The lazily loaded wasm chunks are not among them: the
/// Overview's code is all in the main module (tests/e2e/size.test.mjs checks
/// that a first visit fetches nothing else).
export function firstLoadFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const base = html.match(/<base href="([^"]*)"/)?.[1] ?? '/';
  const local = (href) => {
    const path = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\.?\//, '');
    return /^[a-z]+:/i.test(path) ? null : path.split(/[?#]/)[0];
  };
  const files = new Set();
  for (const tag of html.match(/<(link|script)\b[^>]*>/g) ?? []) {
    const href = tag.match(/\b(?:href|src)="([^"]*)"/)?.[1];
    const rel = tag.match(/\brel="([^"]*)"/)?.[1];
    if (!href || (tag.startsWith('<link') && !['stylesheet', 'modulepreload', 'preload'].includes(rel))) continue;
    const path = local(href);
    if (path && /\.(wasm|js|css)$/.test(path)) files.add(path);
  }
  // Static imports of the modules (the glue imports the chunk loader).
  for (const file of files) {
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:^|[;\s])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g)) {
      files.add(join(file, '..', spec).split('\\').join('/'));
    }
  }
  if (existsSync(join(dir, 'sw.js'))) files.add('sw.js');
  return [...files].sort();
}

/// Sizes in bytes of each first-load file of a build, and their totals;
/// `lazy` lists the other wasm and JS (the chunks) and their total.
export function measure(dir) {
  const first = firstLoadFiles(dir);
  const files = first.map((name) => sizes(dir, name));
  const sum = (list) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of list) for (const k of Object.keys(total)) total[k] += f[k];
    return total;
  };
  const total = sum(files);
  const kind = (ext) => sum(files.filter((f) => f.name.endsWith(ext)));
  const lazy = readdirSync(dir)
    .filter((f) => /\.(wasm|js)$/.test(f) && !first.includes(f))
    .sort()
    .map((name) => sizes(dir, name));
  return { files, total, wasm: kind('.wasm'), js: kind('.js'), css: kind('.css'), lazy, lazyTotal: sum(lazy) };
}

const kb = (n) => (n / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const update = process.argv.includes('--update');
  const { files, total, lazy, lazyTotal } = measure(dir);
  const row = (f) => console.log(f.name.padEnd(48), ...[f.raw, f.gzip, f.brotli].map((n) => kb(n).padStart(8)));
  console.log('first load'.padEnd(44), '     raw KB', '  gzip KB', '    br KB');
  for (const f of [...files, { name: 'first load total', ...total }]) row(f);
  if (lazy.length) {
    const verbose = process.argv.includes('--chunks');
    console.log(`\nloaded on demand: ${lazy.length} files${verbose ? '' : ' (--chunks lists them)'}`);
    if (verbose) for (const f of lazy) row(f);
    row({ name: 'on-demand total', ...lazyTotal });
    row({ name: 'everything', raw: total.raw + lazyTotal.raw, gzip: total.gzip + lazyTotal.gzip, brotli: total.brotli + lazyTotal.brotli });
  }
  if (update) {
    writeFileSync(BASELINE, JSON.stringify({ brotli_bytes: total.brotli, tolerance: 0.03 }, null, 2) + '\n');
    console.log(`baseline set to ${kb(total.brotli)} KB brotli`);
  } else {
    const base = JSON.parse(readFileSync(BASELINE, 'utf8'));
    const limit = Math.round(base.brotli_bytes * (1 + base.tolerance));
    const verdict = `first load ${kb(total.brotli)} KB brotli; baseline ${kb(base.brotli_bytes)} KB, limit ${kb(limit)} KB (+${base.tolerance * 100}%)`;
    if (total.brotli > limit) {
      console.error(`SIZE REGRESSION: ${verdict}.`);
      console.error('Find what grew (twiggy top, or compare the files above); if the growth is worth it, run');
      console.error('  node .ci/size-check.mjs dist --update   and commit .ci/size-baseline.json.');
      process.exit(1);
    }
    console.log(`size ok: ${verdict}.`);
    if (total.brotli < base.brotli_bytes * 0.97) {
      console.log('The build is >3% smaller than the baseline: run with --update to lock in the gain.');
    }
  }
}
