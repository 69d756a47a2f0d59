// trunk post_build hook. Trunk starts the hooks of one stage all at once, so
// the steps that depend on each other run here, in order:
//   split.mjs     builds the wasm split into chunks; adds the loader and preloads to index.html
//   css.mjs       joins the stylesheets into one
//   csp.mjs       rewrites the loader for integrity, writes the Content-Security-Policy
//   precache.mjs  writes this build's file list (chunks included) into the service worker
await import('./split.mjs');
await import('./css.mjs');
await import('./csp.mjs');
await import('./precache.mjs');
