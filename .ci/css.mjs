// Part of the trunk post_build hook (.ci/post-build.mjs; before csp.mjs):
// joins the stylesheets trunk emitted, one per file in style/, into one,
// in the same order. A first visit then asks for one stylesheet instead of
// nine, and the page waits for all of them before it runs any script:
// HTTP/1.1 browsers open six connections to a host, so nine stylesheets
// held back the app's code (tests/e2e/size.test.mjs counts the requests).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run me as a trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const links = html.match(/<link rel="stylesheet" [^>]*>/g) ?? [];
if (links.length === 0) throw new Error('css.mjs: trunk emitted no stylesheet links');
const hrefs = links.map((l) => l.match(/href="([^"]*)"/)?.[1]);
if (hrefs.some((h) => !h)) throw new Error('css.mjs: a stylesheet link without href');
const files = hrefs.map((h) => join(dir, basename(h)));
const css = files.map((f) => readFileSync(f, 'utf8')).join('\n');
if (/@import|@charset/.test(css)) throw new Error('css.mjs: @import or @charset only work at the start of a stylesheet; joining would break them');

const hash = createHash('sha256').update(css).digest('hex').slice(0, 16);
const name = `style-${hash}.css`;
writeFileSync(join(dir, name), css);
for (const f of files) rmSync(f);
const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
const href = hrefs[0].slice(0, hrefs[0].length - basename(hrefs[0]).length) + name;
html = html.replace(links[0], `<link rel="stylesheet" href="${href}" integrity="${integrity}"/>`);
for (const l of links.slice(1)) html = html.replace(new RegExp(`\\s*${l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), '');
writeFileSync(indexPath, html);
console.log(`css: ${links.length} stylesheets joined into ${name} (${css.length} bytes)`);
