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
import { FIRST_LOAD, MANIFEST, readManifest } from './manifest.mjs';

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

/// The recorded start-up size (`brotli_bytes`) and the tolerance.
const baseline = () => JSON.parse(readFileSync(BASELINE, 'utf8'));

/// The files a first visit fetches before the app starts, by the build
/// manifest (.ci/manifest.mjs: the stylesheet, the JS glue and the chunk
/// loader it imports, the main wasm, the service worker). The lazily loaded
/// wasm chunks are not among them (tests/e2e/size.test.mjs checks that
/// against what Chromium fetches).
/// A build without a manifest (trunk's own pipeline, as the benchmark's
/// hello-world page) has no chunks: its first load is all its code and style.
export function firstLoadFiles(dir) {
  if (!existsSync(join(dir, MANIFEST))) return readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
  return readManifest(dir)
    .files.filter((f) => FIRST_LOAD.includes(f.role))
    .map((f) => f.path)
    .sort();
}

/// The wasm chunks of a build, loaded on demand.
const chunkFiles = (dir) =>
  existsSync(join(dir, MANIFEST))
    ? readManifest(dir)
        .files.filter((f) => f.role === 'chunk')
        .map((f) => f.path)
    : [];

/// Sizes in bytes of each first-load file of a build, and their totals;
/// `lazy` lists the wasm chunks and their total.
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
  const lazy = chunkFiles(dir).map((name) => sizes(dir, name));
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
    writeFileSync(BASELINE, JSON.stringify({ ...baseline(), brotli_bytes: total.brotli }, null, 2) + '\n');
    console.log(`baseline set to ${kb(total.brotli)} KB brotli`);
  } else {
    const base = baseline();
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
