// Part of the trunk post_build hook (.ci/post-build.mjs; after split.mjs,
// before precache.mjs): writes the page's loader, and the
// Content-Security-Policy it runs under, from the build manifest
// (.ci/manifest.mjs).
//
// The loader is three inline scripts, in place of index.html's rust link:
// - the import map, giving the integrity of the two modules the page imports
//   (the JS glue and the chunk loader; Chromium 127+, Firefox 138+, Safari 18+);
// - the wasm's early compile: the wasm is fetched with its integrity and
//   compiled as it arrives, while the glue downloads;
// - the module that imports the glue and the chunk loader (at once, so that
//   neither waits for the other) and starts the app with the compiled wasm.
// The chunk loader fetches each chunk with its integrity. Nothing else asks
// for these files: a preload beside them would be a second download in
// Firefox and WebKit.
//
// The policy allows exactly those scripts by their SHA-256 hashes. It goes
// into a <meta> tag (for hosts that cannot set headers) and into _headers
// (Netlify / Cloudflare Pages format), which tests/e2e/serve.mjs also sends.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { only, readManifest, record, url, writeManifest } from './manifest.mjs';

/// The start of index.html's rust link, which this step replaces. (Trunk
/// leaves it in place, adding an id: data-trunk-skip tells it not to build.)
const RUST_LINK = '<link data-trunk rel="rust"';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const manifest = readManifest(dir);
const glue = only(manifest, 'glue');
const wasm = only(manifest, 'wasm');
const chunkLoader = only(manifest, 'chunk-loader');

const importMap = script(
  { type: 'importmap' },
  JSON.stringify({ integrity: { [url(manifest, glue)]: glue.integrity, [url(manifest, chunkLoader)]: chunkLoader.integrity } }),
);
const wasmFetch = `fetch('${url(manifest, wasm)}', { integrity: '${wasm.integrity}' })`;
const earlyCompile = script(
  {},
  `try { window.__clausebookWasm = WebAssembly.compileStreaming(${wasmFetch}); window.__clausebookWasm.catch(function () {}); } catch (e) {}`,
);
// If the early compile is missing or failed, the loader fetches the wasm itself.
const loader = script(
  { type: 'module' },
  `import init, * as bindings from '${url(manifest, glue)}';
import '${url(manifest, chunkLoader)}';
const early = window.__clausebookWasm;
const source = early ? await early.catch(() => ${wasmFetch}) : ${wasmFetch};
const wasm = await init({ module_or_path: source });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));`,
);
const scripts = [importMap, earlyCompile, loader];

const directives = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scripts.map((s) => `'sha256-${s.sha256}'`).join(' ')}`,
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

const page = only(manifest, 'page');
const html = readFileSync(join(dir, page.path), 'utf8');
const start = html.indexOf(RUST_LINK);
if (start < 0 || html.indexOf(RUST_LINK, start + 1) >= 0) throw new Error(`csp.mjs: index.html must hold one ${RUST_LINK} … />`);
const end = html.indexOf('>', start) + 1;
const head = [meta, ...scripts.map((s) => s.tag)].join('\n    ');
writeFileSync(join(dir, page.path), html.slice(0, start) + head + html.slice(end));
record(dir, manifest, page.path, 'page');

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
record(dir, manifest, '_headers', 'host');
writeManifest(dir, manifest);
console.log(`csp: loader written, policy with ${header.length} characters`);

/// An inline script and the SHA-256 of its body, which the policy allows.
function script(attributes, body) {
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${v}"`).join('');
  return {
    tag: `<script${attrs}>${body}</script>`,
    sha256: createHash('sha256').update(body, 'utf8').digest('base64'),
  };
}
