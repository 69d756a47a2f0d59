// What makes the wasm big: the code by crate and the generic functions
// copied most, from twiggy's listing of the release wasm with its names
// (cargo's raw output, before wasm-bindgen and wasm-opt strip them).
// Run by `bash .ci/bench` after the build; appends its tables to the results.
//   node bench/wasm-size.mjs <raw.wasm> [results.md]
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';

const [wasm, out] = process.argv.slice(2);
const r = spawnSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (r.status !== 0) throw new Error(`twiggy failed: ${r.stderr}`);
const rows = r.stdout.trim().split('\n').slice(1).map((line) => {
  // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent:
  // the name may hold commas, so split from the right.
  const parts = line.split(',');
  return { name: parts.slice(0, -4).join(',').replace(/^"|"$/g, ''), size: Number(parts.at(-4)) };
});
const isCode = (n) => !/^("+function names|function names|custom section|data segment|elem\[|table\[|Σ|\.\.\.)/.test(n);
const code = rows.filter((x) => isCode(x.name));
const total = code.reduce((n, x) => n + x.size, 0);
const data = rows.filter((x) => x.name.startsWith('data segment')).reduce((n, x) => n + x.size, 0);
// Whose generic code a function is: the trait's crate for `<T as crate::Trait>`, else the path's first segment.
const crate = (n) => n.match(/^<.* as ([a-z_0-9]+)::/)?.[1] ?? n.match(/^<?&?(?:mut )?([a-z_0-9]+)::/)?.[1] ?? '(other)';
const tally = (key) => {
  const m = new Map();
  for (const x of code) {
    const k = key(x.name);
    const v = m.get(k) ?? { bytes: 0, copies: 0 };
    v.bytes += x.size;
    v.copies += 1;
    m.set(k, v);
  }
  return [...m].sort((a, b) => b[1].bytes - a[1].bytes);
};
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const md = `
## What makes the wasm big

twiggy on the release wasm with its names: ${total.toLocaleString('en')} bytes of code in ${code.length.toLocaleString('en')} functions, ${data.toLocaleString('en')} bytes of data.

| Crate (whose generic code) | Code bytes | Share |
|---|---:|---:|
${tally(crate).slice(0, 10).map(([k, v]) => `| ${k} | ${v.bytes.toLocaleString('en')} | ${pct(v.bytes)} |`).join('\n')}

| Generic function, copies | Code bytes |
|---|---:|
${tally((n) => n.replace(/::h[0-9a-f]{16}$/, '')).slice(0, 12).map(([k, v]) => `| \`${k.replaceAll('|', '\\|')}\` ×${v.copies} | ${v.bytes.toLocaleString('en')} |`).join('\n')}
`;
if (out) appendFileSync(out, md);
console.log(md);
