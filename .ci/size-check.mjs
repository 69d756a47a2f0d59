// What a first visit transfers (wasm, JS, CSS): raw, gzip and brotli, and
// the CI guard against size regressions.
//
//   node .ci/size-check.mjs dist            prints the sizes and fails if the
//                                           brotli total grew more than the
//                                           tolerance over .ci/size-baseline.json
//   node .ci/size-check.mjs dist --update   writes the current total as the baseline
//
// The benchmark (bash .ci/bench) imports `measure` for its "Size" figures.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BASELINE = join(dirname(fileURLToPath(import.meta.url)), 'size-baseline.json');

/// Sizes in bytes of each first-load file of a build, and their totals.
export function measure(dir) {
  const files = readdirSync(dir)
    .filter((f) => /\.(wasm|js|css)$/.test(f))
    .sort()
    .map((name) => {
      const body = readFileSync(join(dir, name));
      return {
        name,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).length,
      };
    });
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(total)) total[k] += f[k];
  const kind = (ext) => {
    const sum = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files.filter((f) => f.name.endsWith(ext)))
      for (const k of Object.keys(sum)) sum[k] += f[k];
    return sum;
  };
  return { files, total, wasm: kind('.wasm'), js: kind('.js'), css: kind('.css') };
}

const kb = (n) => (n / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'dist';
  const update = process.argv.includes('--update');
  const { files, total } = measure(dir);
  console.log('file'.padEnd(44), '     raw KB', '  gzip KB', '    br KB');
  for (const f of [...files, { name: 'total', ...total }]) {
    console.log(f.name.padEnd(44), ...[f.raw, f.gzip, f.brotli].map((n) => kb(n).padStart(8)));
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
