// Part of the trunk post_build hook (.ci/post-build.mjs; after split.mjs,
// before precache.mjs): makes the release build run under a strict
// Content-Security-Policy with subresource integrity.
//
// Trunk puts integrity="sha384-…" on the CSS links, and split.mjs on the
// preloads of the JS glue, the chunk loader and the wasm. But the inline
// loader fetches the wasm again without integrity, and imports the glue
// without it. So this hook rewrites the loader to fetch the wasm with its
// integrity, adds an import map giving the integrity of every preloaded
// module (the glue and the chunk loader it imports; Chromium 127+, Firefox
// 138+, Safari 18+), then allows exactly those two inline scripts by their
// SHA-256 hashes, with the start-up mirror's early read (src/startup.js) and
// the wasm's early compile.
// The chunk loader fetches each chunk with its integrity.
// The policy goes into a <meta> tag (for hosts that cannot set headers)
// and into _headers (Netlify / Cloudflare Pages format), which
// tests/e2e/serve.mjs also sends.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]*)"`))?.[1];
const tags = html.match(/<link [^>]*>/g) ?? [];
const glue = tags.find((t) => attr(t, 'rel') === 'modulepreload');
const wasm = tags.find((t) => attr(t, 'rel') === 'preload' && attr(t, 'as') === 'fetch');
if (!glue || !wasm) throw new Error('csp.mjs: trunk did not emit the preload links with integrity');
const glueUrl = attr(glue, 'href');
const wasmUrl = attr(wasm, 'href');
const glueIntegrity = attr(glue, 'integrity');
const wasmIntegrity = attr(wasm, 'integrity');
if (!glueIntegrity || !wasmIntegrity) throw new Error('csp.mjs: the preloads carry no integrity');

const loaderMatch = html.match(/<script type="module">[\s\S]*?<\/script>/);
if (!loaderMatch) throw new Error('csp.mjs: trunk’s inline loader script was not found');
// The wasm is compiled as it arrives, from the start (earlyCompile below),
// not once the JS glue has loaded: the browser compiles a streamed module
// in the background, and the loader then only instantiates it. If that
// early compile is missing or failed, the loader fetches the wasm itself.
const wasmFetch = `fetch('${wasmUrl}', { integrity: '${wasmIntegrity}' })`;
const loader = `<script type="module">
import init, * as bindings from '${glueUrl}';
const early = window.__clausebookWasm;
const source = early ? await early.catch(() => ${wasmFetch}) : ${wasmFetch};
// A preview the early read has drawn (src/startup.js) is painted first:
// starting the code would hold its first frame back. (At most 100 ms: a
// page in the background runs no frames.)
if (window.__clausebookPreview) await Promise.race([
  new Promise((done) => requestAnimationFrame(() => setTimeout(done))),
  new Promise((done) => setTimeout(done, 100)),
]);
const wasm = await init({ module_or_path: source });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`;
const modules = Object.fromEntries(
  tags.filter((t) => attr(t, 'rel') === 'modulepreload').map((t) => [attr(t, 'href'), attr(t, 'integrity')]),
);
const importMap = `<script type="importmap">${JSON.stringify({ integrity: modules })}</script>`;
html = html.replace(loaderMatch[0], `${importMap}\n${loader}`);

// The start-up mirror's early read (src/startup.js), first in <head>:
// before the stylesheets, which would otherwise hold it back.
const startRead = `<script>\n${readFileSync(new URL('../src/platform/startup.js', import.meta.url), 'utf8')}</script>`;
const firstSheet = html.match(/<link rel="stylesheet"[^>]*>/);
if (!firstSheet) throw new Error('csp.mjs: no stylesheet link to put the start-up read before');
const earlyCompile = `<script>
try { window.__clausebookWasm = WebAssembly.compileStreaming(${wasmFetch}); window.__clausebookWasm.catch(function () {}); } catch (e) {}
</script>`;
// The wasm's preload moves up with it, so that the early compile's fetch is
// the preloaded one rather than a second download.
html = html.replace(wasm, '');
html = html.replace(firstSheet[0], `${startRead}\n    ${wasm}\n    ${earlyCompile}\n    ${firstSheet[0]}`);

const inlineHash = (tag) => {
  const body = tag.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
};
const directives = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineHash(importMap)} ${inlineHash(loader)} ${inlineHash(startRead)} ${inlineHash(earlyCompile)}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];
// frame-ancestors only works as a header; in <meta> Chromium ignores it with a console error.
const meta = `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}" />`;
html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${meta}`);
if (!html.includes(meta)) throw new Error('csp.mjs: no <meta charset> to put the policy after');
writeFileSync(indexPath, html);

const header = [...directives, "frame-ancestors 'none'"].join('; ');
writeFileSync(
  join(dir, '_headers'),
  `# Security headers for static hosts (Netlify, Cloudflare Pages); see README "Hosting".
/*
  Content-Security-Policy: ${header}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
`,
);
console.log(`csp: policy with ${header.length} characters, loader and import map hashed`);
