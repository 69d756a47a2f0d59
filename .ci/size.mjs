// Prints what a first visit transfers (wasm, JS, CSS): raw, gzip and brotli.
// Usage: node .ci/size.mjs <dist-dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let total = [0, 0, 0];
console.log('file'.padEnd(44), '     raw KB', '  gzip KB', '    br KB');
for (const name of readdirSync(dir).filter((f) => /\.(wasm|js|css)$/.test(f)).sort()) {
  const body = readFileSync(join(dir, name));
  const sizes = [
    body.length,
    gzipSync(body, { level: 9 }).length,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
  total = total.map((t, i) => t + sizes[i]);
  console.log(name.padEnd(44), ...sizes.map(kb));
}
console.log('total'.padEnd(44), ...total.map(kb));
