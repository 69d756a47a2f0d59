// Clausebook's service worker: precaches exactly the files of this build so
// the app loads and works offline, and hands over cleanly to a new build.
// The build (.ci/precache.mjs, a trunk post_build hook) fills in the two
// placeholders with the build's file list and a hash of their contents.
const VERSION = '__CLAUSEBOOK_VERSION__';
const PRECACHE = __CLAUSEBOOK_PRECACHE__;
const CACHE = `clausebook-${VERSION}`;
const scope = new URL(self.registration.scope);
const INDEX = new URL('index.html', scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((path) => new Request(new URL(path, scope), { cache: 'reload' }))),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('clausebook-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.origin) return;
  // Every page of the app is index.html (client-side routes), served from
  // this build's cache so the page and its wasm always match.
  const key = request.mode === 'navigate' ? INDEX : request;
  event.respondWith(fromCache(key).then((hit) => hit ?? fetch(request)));
});

// A failed cache lookup is a miss, not a failed request: the network may
// still answer. (Firefox's cache can reject a lookup made while the install
// is still writing it, and a rejected answer fails the page's request.)
function fromCache(key) {
  return caches.match(key, { cacheName: CACHE, ignoreSearch: true }).catch(() => undefined);
}
