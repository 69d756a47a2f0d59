// Inlined first in <head> by .ci/csp.mjs (and allowed there by its hash).
// Starts reading the start-up mirror (src/startup.rs) while the app's code
// downloads, so the preview need not wait for IndexedDB once the code runs.
// The database, store, record and version must match src/startup.rs.
try {
  var read = new Promise(function (resolve) {
    // The result is also left on the promise, for the start-up code to
    // take at once when the read has finished before it runs.
    function done(record) {
      read.settled = { record: record };
      resolve(record);
    }
    var open = indexedDB.open('clausebook', 1);
    open.onupgradeneeded = function () { open.result.createObjectStore('start'); };
    open.onerror = function () { done(null); };
    open.onsuccess = function () {
      var db = open.result;
      try {
        var get = db.transaction('start').objectStore('start').get('mirror');
        get.onsuccess = function () { done(get.result === undefined ? null : get.result); db.close(); };
        get.onerror = function () { done(null); db.close(); };
      } catch (e) { done(null); db.close(); }
    };
  });
  window.__clausebookMirror = read;
} catch (e) {}
