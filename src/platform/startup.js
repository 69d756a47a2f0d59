// Inlined first in <head> by .ci/csp.mjs (and allowed there by its hash).
// Starts reading the start-up mirror (src/startup.rs) while the app's code
// downloads, and draws the preview stored in it (src/ui/boot.rs) the moment
// it is read, so that a returning visit sees its Overview before the code
// has arrived. The code then takes the preview over (boot::take_over).
// The database, store, record, version and names on `window` must match
// src/startup.rs; tests/startup.rs checks them.
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

  // What the stored markup may hold (markup::Node::to_json): these
  // elements, attributes and style properties, text as text, and links
  // within the app. Anything else, and nothing is drawn.
  var TAGS = ' a button caption div h1 h2 header label li main nav option p section select span table tbody td th thead tr ul ';
  var ATTRS = ' class disabled for href id role scope selected tabindex title type value ';
  var STYLES = ' width ';
  var THEMES = ' system light dark ';
  var listed = function (list, name) {
    return typeof name === 'string' && list.indexOf(' ' + name + ' ') >= 0;
  };
  var build = function (node) {
    if (typeof node === 'string') return document.createTextNode(node);
    var tag = node[0], attrs = node[1], styles = node[2], i;
    if (!listed(TAGS, tag) || !Array.isArray(attrs) || !Array.isArray(styles)) throw new Error('tag');
    var el = document.createElement(tag);
    for (i = 0; i < attrs.length; i += 2) {
      var name = attrs[i], value = attrs[i + 1];
      if (typeof value !== 'string') throw new Error('value');
      if (!listed(ATTRS, name) && !/^(aria|data)-[a-z]+(-[a-z]+)*$/.test(name)) throw new Error('attribute');
      if (name === 'href' && !/^(#|\/(?!\/))/.test(value)) throw new Error('link');
      el.setAttribute(name, value);
    }
    for (i = 0; i < styles.length; i += 2) {
      if (!listed(STYLES, styles[i]) || typeof styles[i + 1] !== 'string') throw new Error('style');
      el.style.setProperty(styles[i], styles[i + 1]);
    }
    for (i = 3; i < node.length; i++) el.appendChild(build(node[i]));
    return el;
  };

  // Draws the stored preview if it is current and this is the Overview's
  // address, unless the code has started without one.
  var draw = function (record) {
    var stored = record && record.preview, now = Date.now();
    if (!stored || window.__clausebookStarted || !document.body) return;
    if (!(now >= stored.made && now < stored.until) || typeof stored.base !== 'string') return;
    var path = location.pathname;
    if (path.indexOf(stored.base) !== 0) return;
    path = path.slice(stored.base.length);
    if (path !== '' && path !== '/') return;
    var root = build(JSON.parse(stored.markup));
    var theme = record['clausebook.theme'];
    document.documentElement.setAttribute('data-theme', listed(THEMES, theme) ? theme : 'system');
    // A click on a link or button is kept for the app to replay; the
    // pointer shows that it was taken (main.css).
    root.addEventListener('click', function (ev) {
      var target = ev.target && ev.target.closest ? ev.target.closest('a, button') : null;
      if (!target) return;
      ev.preventDefault();
      window.__clausebookKept = target;
      document.body.classList.add('boot-waiting');
    });
    // A theme picked applies now; the app remembers it.
    root.addEventListener('change', function (ev) {
      var select = ev.target;
      if (select && select.id === 'theme' && listed(THEMES, select.value)) {
        document.documentElement.setAttribute('data-theme', select.value);
        window.__clausebookTheme = select.value;
      }
    });
    document.body.appendChild(root);
    window.__clausebookPreview = root;
    performance.mark('clausebook:preview');
  };
  read.then(function (record) {
    try { draw(record); } catch (e) {}
  });
} catch (e) {}
