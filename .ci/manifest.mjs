// The build manifest: the list of a release build's files, which the steps
// of the trunk post_build hook (.ci/post-build.mjs) hand on to each other,
// and which the size check reads afterwards. A step learns what the others
// produced from here, never by searching index.html for file names.
//
// It is `build-manifest.json` in the build's directory (trunk's staging dir
// during the hook, then dist/):
//
//   {
//     "base": "/clausebook/",         the public URL the build is served under
//     "files": [                      every file of the build, this one aside
//       {
//         "path": "clausebook-1f0c….js",   relative to the build's directory
//         "role": "glue",                  see ROLES
//         "bytes": 81234,
//         "hash": "1f0c2a…",               SHA-256 of the content, hex
//         "integrity": "sha384-…"          subresource integrity of the content
//       }, …
//     ]
//   }
//
// split.mjs writes it, listing the files trunk staged and the code it built;
// each later step that writes a file records it again, so that the hashes
// are always those of the file on disk.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const MANIFEST = 'build-manifest.json';

/// What a file is for.
export const ROLES = {
  page: 'index.html, every route of the app',
  style: 'a stylesheet the page links (trunk names, minifies and checks it)',
  glue: "the main module's JS glue (wasm-bindgen), imported by the page's loader",
  wasm: 'the main wasm, fetched and compiled by the page as it downloads',
  'chunk-loader': 'the JS that fetches the wasm chunks with their integrity (wasm-split); the glue imports it',
  chunk: 'a wasm chunk, fetched on demand by the chunk loader',
  snippet: 'JS the glue imports (wasm-bindgen snippets)',
  asset: 'an icon, the web app manifest: linked by the page',
  worker: 'the service worker, which precaches the files the page uses',
  host: 'for the static host or crawlers, not for the page (robots.txt, _headers)',
};

/// The files a first visit fetches before the app can start: the code's
/// chunks are fetched on demand, so they are not among them.
export const FIRST_LOAD = ['style', 'glue', 'chunk-loader', 'wasm', 'snippet', 'worker'];

export function readManifest(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  for (const file of manifest.files) {
    if (!(file.role in ROLES)) throw new Error(`${MANIFEST}: ${file.path} has no known role (${file.role})`);
  }
  return manifest;
}

export function writeManifest(dir, manifest) {
  manifest.files.sort((a, b) => a.path.localeCompare(b.path));
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
}

/// Lists (or lists again, after a step rewrote it) the file at `path` with
/// `role`, from its content on disk.
export function record(dir, manifest, path, role) {
  if (!(role in ROLES)) throw new Error(`${MANIFEST}: no role ${role}`);
  const body = readFileSync(join(dir, path));
  const entry = {
    path,
    role,
    bytes: body.length,
    hash: createHash('sha256').update(body).digest('hex'),
    integrity: `sha384-${createHash('sha384').update(body).digest('base64')}`,
  };
  const at = manifest.files.findIndex((f) => f.path === path);
  if (at >= 0) manifest.files[at] = entry;
  else manifest.files.push(entry);
  return entry;
}

/// The one file with `role`; a build with none or several is broken.
export function only(manifest, role) {
  const found = manifest.files.filter((f) => f.role === role);
  if (found.length !== 1) throw new Error(`${MANIFEST}: expected one ${role} file, found ${found.length}`);
  return found[0];
}

/// The URL the page loads `file` from.
export const url = (manifest, file) => manifest.base + file.path;

/// Every file under `dir`, as manifest paths (for checking that the
/// manifest lists them all).
export function filesIn(dir) {
  const walk = (d) =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir)
    .map((p) => relative(dir, p).split('\\').join('/'))
    .filter((p) => p !== MANIFEST)
    .sort();
}
