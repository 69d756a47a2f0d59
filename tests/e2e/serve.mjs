// A static file server for the release build, with the SPA fallback that
// static hosts need: unknown paths without a file extension get index.html.
// Usage: node serve.mjs <dist-dir> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/// The headers a static host would send, read from the build's `_headers`
/// file (Netlify / Cloudflare Pages format; only the `/*` block is used).
export function readHeaders(dir) {
  const file = join(resolve(dir), '_headers');
  if (!existsSync(file)) return {};
  const headers = {};
  let inAll = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === '/*';
      continue;
    }
    const at = line.indexOf(':');
    if (inAll && at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

/// Brotli at the highest quality, as a static host serves a build it
/// compressed ahead of time; each file is compressed once.
const BROTLI = new Map();
function brotli(file, body) {
  if (!BROTLI.has(file)) {
    BROTLI.set(file, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
  }
  return BROTLI.get(file);
}
/// Compresses every file ahead of the first request, so that no measured
/// response waits for the compressor.
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (entry.isFile() && COMPRESSIBLE.has(extname(file))) brotli(file, readFileSync(file));
  }
}
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.txt', '.webmanifest']);

/// `compress`: answer with brotli where the browser accepts it (the
/// benchmark serves the build as a static host would; the tests need not).
export function startServer(dir, port = 0, { prefix = '', securityHeaders = true, compress = false } = {}) {
  const root = resolve(dir);
  const extra = securityHeaders ? readHeaders(dir) : {};
  // Tests may replace a file's content (e.g. to simulate a new build's sw.js).
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const override = overrides.get(url.pathname);
    if (override) {
      override(res);
      return;
    }
    // Hosting under a sub-path: only URLs below the prefix exist.
    if (prefix && !url.pathname.startsWith(prefix + '/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const s = await stat(file);
      if (s.isDirectory()) file = join(file, 'index.html');
    } catch {
      // Navigations (the browser asks for HTML) fall back to the app; a
      // missing script or image stays a 404.
      const navigation = (req.headers.accept ?? '').includes('text/html');
      if (navigation || extname(path) === '') file = join(root, 'index.html');
    }
    try {
      let body = await readFile(file);
      const headers = {
        ...extra,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      };
      if (compress && COMPRESSIBLE.has(extname(file))) {
        headers.vary = 'accept-encoding';
        if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
          body = brotli(file, body);
          headers['content-encoding'] = 'br';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.overrides = overrides;
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `--brotli` anywhere among the arguments compresses as a static host would.
  const compress = process.argv.includes('--brotli');
  const [dir = '../../dist', port = '8080', prefix = ''] = process.argv.slice(2).filter((a) => a !== '--brotli');
  if (compress) precompress(resolve(dir));
  const server = await startServer(dir, Number(port), { prefix, compress });
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}`);
}
