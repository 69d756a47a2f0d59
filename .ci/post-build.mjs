// trunk post_build hook. Trunk starts the hooks of one stage all at once, so
// the steps that depend on each other run here, in order. Each hands on what
// it made through the build manifest (.ci/manifest.mjs), not through index.html:
//   split.mjs     builds the wasm split into chunks; writes the manifest
//   csp.mjs       writes the page's loader and its Content-Security-Policy
//   precache.mjs  writes this build's file list (chunks included) into the service worker
await import('./split.mjs');
await import('./csp.mjs');
await import('./precache.mjs');
