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
  if (request.mode === 'navigate') {
    // Every page of the app is index.html (client-side routes), served from
    // this build's cache so the page and its wasm always match.
    event.respondWith(caches.match(INDEX, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((hit) => hit ?? fetch(request)),
  );
});
