// Part of the trunk post_build hook (.ci/post-build.mjs, last): writes into
// the service worker, in the staging dir, the list of the files the page
// uses (from the build manifest, .ci/manifest.mjs: names carry content
// hashes; the lazily loaded wasm chunks too, so every page works offline)
// and a version made of their hashes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MANIFEST, filesIn, only, readManifest, record, writeManifest } from './manifest.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const manifest = readManifest(dir);

// A step that wrote a file without listing it would leave it out of the cache.
const listed = manifest.files.map((f) => f.path).sort();
const unlisted = filesIn(dir).filter((p) => !listed.includes(p));
if (unlisted.length) throw new Error(`precache.mjs: ${MANIFEST} does not list ${unlisted.join(', ')}`);

// The worker caches what the page uses: not itself, nor the host's files.
const cached = manifest.files.filter((f) => f.role !== 'worker' && f.role !== 'host');
const hash = createHash('sha256');
for (const f of cached) hash.update(f.path).update(f.hash);
const version = hash.digest('hex').slice(0, 16);

const worker = only(manifest, 'worker');
const source = readFileSync(join(dir, worker.path), 'utf8')
  .replace("'__CLAUSEBOOK_VERSION__'", JSON.stringify(version))
  .replace('__CLAUSEBOOK_PRECACHE__', JSON.stringify(['./', ...cached.map((f) => f.path)], null, 2));
writeFileSync(join(dir, worker.path), source);
record(dir, manifest, worker.path, 'worker');
writeManifest(dir, manifest);
console.log(`precache: ${cached.length} files, version ${version}`);
