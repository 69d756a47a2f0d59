// Builds the app's wasm split into lazily loaded chunks and puts it into
// trunk's staging dir (run by .ci/post-build.mjs, a trunk post_build hook).
//
// Trunk cannot do this itself: the split has to happen on cargo's raw wasm,
// before wasm-bindgen, and wasm-bindgen must then keep the linker's exports
// (the chunks import them from the main module). So index.html's rust link
// has data-trunk-skip (without any rust link trunk would build the crate
// itself) and this script does, in order:
//
//   cargo rustc --features split        (marks the code wasm-split moves into lazily loaded chunks)
//   wasm-split-cli                      → main wasm, chunk wasms, __wasm_split.js (the chunk loader)
//   wasm-bindgen --keep-lld-exports     → the main module's JS glue and wasm
//   wasm-opt -Oz (binaryen)             (release only) on the main wasm and every chunk
//
// then names every file by its content hash, writes the chunks' integrity into
// the chunk loader, and writes the build manifest (.ci/manifest.mjs): the
// files trunk staged and the ones written here, each with its role, hash and
// integrity. It leaves index.html alone: csp.mjs writes the page's loader
// from the manifest.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST, filesIn, only, record, writeManifest } from './manifest.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NAME = 'clausebook';
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me from a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const base = process.env.TRUNK_PUBLIC_URL ?? '/';
const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.error) throw new Error(`split.mjs: could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`split.mjs: ${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

// wasm-split-cli reads the linker's relocations; the flag goes to the final
// link only (cargo rustc), so the dependencies' builds stay shared with
// cargo build and cargo test.
run('cargo', [
  'rustc',
  '--target=wasm32-unknown-unknown',
  `--bin=${NAME}`,
  '--features=split',
  ...(release ? ['--release'] : []),
  '--',
  '-Clink-args=--emit-relocs',
]);
const raw = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${NAME}.wasm`);

const work = join(targetDir, 'clausebook-split', release ? 'release' : 'debug');
const splitDir = join(work, 'split');
const bindgenDir = join(work, 'bindgen');
rmSync(work, { recursive: true, force: true });
mkdirSync(splitDir, { recursive: true });
mkdirSync(bindgenDir, { recursive: true });

run('wasm-split-cli', ['--target=web', `--out-name=${NAME}`, raw, splitDir]);
run('wasm-bindgen', [
  '--target=web',
  '--keep-lld-exports',
  '--no-demangle',
  '--no-typescript',
  `--out-dir=${bindgenDir}`,
  `--out-name=${NAME}`,
  join(splitDir, `${NAME}.wasm`),
]);

const chunks = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
const mainWasm = join(bindgenDir, `${NAME}_bg.wasm`);
// CLAUSEBOOK_KEEP_NAMES=1 skips binaryen, which drops function names, so that
// a CPU profile (bench/profile.mjs) can name the functions it samples.
if (release && !process.env.CLAUSEBOOK_KEEP_NAMES) {
  // wasm-opt -Oz, through binaryen's own API in this process: the npm
  // wasm-opt command takes over a second to start, and there are hundreds
  // of chunks. (Each file's features come from its target_features section.)
  const { default: binaryen } = await import(join(ROOT, '.ci/tools/node_modules/binaryen/index.js'));
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  for (const file of [mainWasm, ...chunks.map((c) => join(splitDir, c))]) {
    const module = binaryen.readBinary(readFileSync(file));
    module.optimize();
    writeFileSync(file, module.emitBinary());
    module.dispose();
  }
}

const hex = (body) => createHash('sha256').update(body).digest('hex').slice(0, 16);
const sri = (body) => `sha384-${createHash('sha384').update(body).digest('base64')}`;

// The manifest starts with what trunk staged; the code follows as it is written.
const manifest = { base, files: [] };
for (const path of filesIn(dir)) record(dir, manifest, path, stagedRole(path));
const emit = (name, body, role) => {
  writeFileSync(join(dir, name), body);
  record(dir, manifest, name, role);
};

// The chunks, named by content; the loader fetches each with its integrity.
let link = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
for (const chunk of chunks) {
  const body = readFileSync(join(splitDir, chunk));
  const name = `${chunk.slice(0, -'.wasm'.length)}-${hex(body)}.wasm`;
  const fetch = `fetch(new URL("./${chunk}", import.meta.url))`;
  if (!link.includes(fetch)) {
    // An empty split has no file of its own: nothing fetches it.
    console.log(`split: ${chunk} is not loaded by __wasm_split.js; left out`);
    continue;
  }
  link = link.replaceAll(fetch, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(body)}" })`);
  emit(name, body, 'chunk');
}

// The main JS imports the loader and the loader imports the main JS, so no
// name can hash its final content: both take one hash of everything.
let glue = readFileSync(join(bindgenDir, `${NAME}.js`), 'utf8');
const wasm = readFileSync(mainWasm);
const hash = hex(Buffer.concat([Buffer.from(glue), wasm, Buffer.from(link)]));
const glueName = `${NAME}-${hash}.js`;
const linkName = `${NAME}-${hash}_split.js`;
// Both imports are wasm-split's and wasm-bindgen's own, fixed strings: the
// build fails here if either tool changes them.
const mainImport = `from "./${NAME}.js"`;
if (!link.includes(mainImport)) throw new Error(`split.mjs: __wasm_split.js does not import ${mainImport}`);
link = link.replace(mainImport, `from "./${glueName}"`);
const linkImport = 'from "./__wasm_split.js"';
if (!glue.includes(linkImport)) throw new Error(`split.mjs: the wasm-bindgen glue does not import ${linkImport}`);
// One import per lazy function (there may be more than one): every one
// must point at the hashed loader.
glue = glue.replaceAll(linkImport, `from "./${linkName}"`);
emit(glueName, glue, 'glue');
emit(`${NAME}-${hash}_bg.wasm`, wasm, 'wasm');
emit(linkName, link, 'chunk-loader');
if (existsSync(join(bindgenDir, 'snippets'))) {
  cpSync(join(bindgenDir, 'snippets'), join(dir, 'snippets'), { recursive: true });
  for (const path of filesIn(dir).filter((p) => p.startsWith('snippets/'))) record(dir, manifest, path, 'snippet');
}

writeManifest(dir, manifest);
const count = (role) => manifest.files.filter((f) => f.role === role).length;
console.log(`split: main ${only(manifest, 'wasm').path}, ${count('chunk')} chunks; ${MANIFEST} lists ${manifest.files.length} files`);

/// The role of a file trunk staged (index.html and its copy-file and css links).
function stagedRole(path) {
  if (path === 'index.html') return 'page';
  if (path === 'sw.js') return 'worker';
  if (path === 'robots.txt') return 'host';
  if (path.endsWith('.css')) return 'style';
  return 'asset';
}
