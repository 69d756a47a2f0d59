// Part of the trunk post_build hook (.ci/post-build.mjs, last): writes the
// list of this build's files (names carry content hashes; the lazily loaded
// wasm chunks too, so every page works offline) and a version into the
// service worker, in the staging dir.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(dir)
  .map((p) => relative(dir, p).split('\\').join('/'))
  .filter((p) => p !== 'sw.js' && p !== 'robots.txt' && p !== '_headers')
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const sw = join(dir, 'sw.js');
const source = readFileSync(sw, 'utf8')
  .replace("'__CLAUSEBOOK_VERSION__'", JSON.stringify(version))
  .replace('__CLAUSEBOOK_PRECACHE__', JSON.stringify(['./', ...files], null, 2));
writeFileSync(sw, source);
console.log(`precache: ${files.length} files, version ${version}`);
