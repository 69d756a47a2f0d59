// A small client of WebDriver classic (https://www.w3.org/TR/webdriver2/) for
// the end-to-end journeys, in the two engines that playwright-core cannot
// drive here. CLAUSEBOOK_WEBDRIVER picks the engine:
// - webkit (the default): WebKitGTK's WebKitWebDriver driving its MiniBrowser
//   in a virtual display (Xvfb). playwright cannot drive a stock WebKit, and
//   WebKitWebDriver speaks WebDriver classic only (no BiDi).
// - firefox: geckodriver driving Debian's firefox-esr, headless, with a fresh
//   profile for every session. playwright-core 1.64.1 needs WebDriver BiDi
//   commands that Firefox ESR 140 does not know (firefox-check.mjs), and
//   WebDriver classic needs none of them.
// Controls are found as a person finds them: by the role and the accessible
// name that the browser itself computes (the computedrole and computedlabel
// endpoints, which both drivers implement), never by CSS classes.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ARTIFACTS } from '../browser.mjs';

export const ENGINE = process.env.CLAUSEBOOK_WEBDRIVER ?? 'webkit';
if (!['webkit', 'firefox'].includes(ENGINE)) throw new Error(`CLAUSEBOOK_WEBDRIVER=${ENGINE}: use webkit or firefox`);

export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/// For a journey about one engine only: `test(name, skipIn({ firefox: 'why' }), fn)`.
/// The reason is printed in the report, so a skip is never silent.
export function skipIn(reasons) {
  return { skip: reasons[ENGINE] ?? false };
}

const STEP_MS = 100;
const WAIT_MS = 15_000;

/// The elements that can carry each role, so a search asks the browser about
/// a few candidates rather than every node; the browser's computed role decides.
const CANDIDATES = {
  button: 'button, [role=button], input[type=submit], input[type=button], summary',
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  textbox: 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=url], textarea, [role=textbox]',
  combobox: 'select, [role=combobox]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  status: '[role=status], output',
  alert: '[role=alert]',
  dialog: 'dialog, [role=dialog], [role=alertdialog]',
  alertdialog: '[role=alertdialog]',
  banner: 'header, [role=banner]',
  region: 'section[aria-label], section[aria-labelledby], [role=region]',
};
// WebKit reports some roles under its own names (a select is a popupbutton).
const ROLE_ALIASES = { combobox: ['combobox', 'popupbutton', 'listbox'], heading: ['heading'], status: ['status'] };

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

/// Polls `probe` until it returns something truthy; fails naming `what`.
export async function until(probe, what, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const got = await probe();
      if (got) return got;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(STEP_MS);
  }
}

/// Starts a helper process in a process group of its own, stopped with
/// everything it started (geckodriver's Firefox, WebKitWebDriver's
/// MiniBrowser) by `close()`, or when this process ends, even by a signal
/// (the test runner's time limit): nothing outlives the run.
function start(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  const onSignal = (signal) => {
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => {
    process.off('exit', stop);
    for (const signal of ['SIGTERM', 'SIGINT']) process.off(signal, onSignal);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stop);
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
  return { child, stop };
}

/// Starts the driver that CLAUSEBOOK_WEBDRIVER names; `close()` stops it.
export function startDriver() {
  return ENGINE === 'firefox' ? startFirefox() : startWebKit();
}

/// Starts Xvfb and WebKitWebDriver; `close()` stops both. Each session is a
/// new MiniBrowser with its own storage.
export async function startWebKit() {
  if (!existsSync(MINIBROWSER)) throw new Error(`MiniBrowser not found at ${MINIBROWSER} (package libwebkit2gtk-4.1-0)`);
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = start('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const driver = start('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${url}/status`).then((r) => r.ok), 'WebKitWebDriver to start');
  return {
    engine: 'webkit',
    url,
    capabilities: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
    async close() {
      driver.stop();
      xvfb.stop();
    },
  };
}

/// What the Firefox sessions change from a fresh profile's defaults (on top
/// of geckodriver's own for automation: no first-run pages, updates or
/// telemetry).
const FIREFOX_PREFS = {
  // No proxy, whatever the machine's environment says: the app is on 127.0.0.1.
  'network.proxy.type': 0,
  // The page's console goes to artifacts/geckodriver.log, for a failure's story.
  'devtools.console.stdout.content': true,
};

/// Starts geckodriver, which starts a headless Firefox ESR for each session
/// with a profile of its own (a new temporary directory, removed when the
/// session ends), so each session has its own storage, as WebKit's do.
/// geckodriver runs one session at a time, and the journeys run one by one.
export async function startFirefox() {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (Debian package firefox-esr)`);
  const port = await freePort();
  const log = createWriteStream(join(ARTIFACTS, 'geckodriver.log'));
  const driver = start('geckodriver', ['--host', '127.0.0.1', '--port', String(port), '--log', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  driver.child.stdout.pipe(log);
  driver.child.stderr.pipe(log);
  await new Promise((ok, fail) => {
    driver.child.once('spawn', ok);
    driver.child.once('error', (e) => fail(new Error(`geckodriver: ${e.message} (bash .ci/setup.sh installs it)`)));
  });
  const url = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${url}/status`).then((r) => r.ok), 'geckodriver to start');
  return {
    engine: 'firefox',
    url,
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs: FIREFOX_PREFS },
    },
    async close() {
      driver.stop();
    },
  };
}

/// One browser window's session.
export class Session {
  static async open(driver, { width = 1280, height = 900 } = {}) {
    const created = await call(driver.url, 'POST', '/session', { capabilities: { alwaysMatch: driver.capabilities } });
    const session = new Session(driver.url, created.sessionId);
    await session.send('POST', '/window/rect', { width, height });
    return session;
  }

  constructor(url, id) {
    this.base = `${url}/session/${id}`;
    this.url = url;
  }

  send(method, path, body) {
    return call(this.base, method, path, body);
  }

  goto(url) {
    return this.send('POST', '/url', { url });
  }

  currentUrl() {
    return this.send('GET', '/url');
  }

  reload() {
    return this.send('POST', '/refresh', {});
  }

  /// Reloads as the page's own `location.reload()` does, and waits for the
  /// new document. geckodriver's Refresh is answered by the network, never
  /// the service worker (seen in ESR 140: with the server gone it reaches
  /// Firefox's error page), while a reload from the page or a person's is
  /// answered by the worker.
  async reloadFromPage() {
    const before = await this.evaluate(() => performance.timeOrigin);
    await this.evaluate(() => setTimeout(() => location.reload(), 0));
    await until(async () => {
      const now = await this.evaluate(() => (document.readyState === 'complete' ? performance.timeOrigin : null));
      return now !== null && now !== before;
    }, 'the page to reload');
  }

  /// Runs `fn` (a function's source) in the page with `args`; element
  /// arguments are Element objects from this file.
  evaluate(fn, ...args) {
    const wire = args.map((a) => (a instanceof Element ? a.ref : a));
    return this.send('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args: wire });
  }

  async screenshot(file) {
    const png = await this.send('GET', '/screenshot');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, Buffer.from(png, 'base64'));
  }

  /// The visible elements with this role whose accessible name matches `name`
  /// (a string for an exact name, or a RegExp), or, given `{ text }`, whose
  /// text matches: a status or an alert takes no name from its content.
  async all(role, name) {
    const css = CANDIDATES[role];
    if (!css) throw new Error(`no candidates known for role ${role}`);
    const roles = ROLE_ALIASES[role] ?? [role];
    const found = [];
    for (const ref of await this.send('POST', '/elements', { using: 'css selector', value: css })) {
      const el = new Element(this, ref);
      if (!(await el.visible())) continue;
      if (!roles.includes(await el.send('GET', '/computedrole'))) continue;
      if (name === undefined || matches(name.text ?? name, await (name.text ? el.textContent() : el.label()))) {
        found.push(el);
      }
    }
    return found;
  }

  /// The one element with this role and name, waited for.
  async role(role, name) {
    return until(async () => {
      const found = await this.all(role, name);
      if (found.length > 1) throw new Error(`${found.length} ${role}s ${describe(name)}`);
      return found[0];
    }, `the ${role} ${describe(name)}`);
  }

  /// The form control whose label is `label`. A file input counts even when
  /// hidden: the page shows it as a button, and WebDriver types its path.
  /// Firefox computes no name for a hidden element (it has no accessible),
  /// so there a hidden file input's name is its aria-label.
  async label(label) {
    return until(async () => {
      const css = { using: 'css selector', value: 'input:not([type=file]), select, textarea' };
      for (const ref of await this.send('POST', '/elements', css)) {
        const el = new Element(this, ref);
        if ((await el.label()) === label && (await el.visible())) return el;
      }
      for (const ref of await this.send('POST', '/elements', { using: 'css selector', value: 'input[type=file]' })) {
        const el = new Element(this, ref);
        const name = (await el.label()) || (await el.send('GET', '/attribute/aria-label'));
        if (name === label) return el;
      }
      return null;
    }, `the control labelled ${label}`);
  }

  /// Waits until the page's text contains `text` (a string or RegExp).
  async text(text) {
    return until(async () => {
      const body = await this.evaluate(() => document.body.innerText);
      return text instanceof RegExp ? text.test(body) : body.includes(text);
    }, `the text ${text}`);
  }

  close() {
    return this.send('DELETE', '');
  }
}

export class Element {
  constructor(session, ref) {
    this.session = session;
    this.ref = ref;
    this.id = Object.values(ref)[0];
  }

  send(method, path, body) {
    return this.session.send(method, `/element/${this.id}${path}`, body);
  }

  visible() {
    return this.send('GET', '/displayed');
  }

  /// The accessible name the browser computes.
  async label() {
    return (await this.send('GET', '/computedlabel')).trim();
  }

  click() {
    return this.send('POST', '/click', {});
  }

  /// Replaces the value by typing, as a person would.
  async fill(text) {
    await this.send('POST', '/clear', {});
    await this.send('POST', '/value', { text });
  }

  type(text) {
    return this.send('POST', '/value', { text });
  }

  value() {
    return this.session.evaluate((el) => el.value, this);
  }

  /// Picks the option whose text is `text`, by clicking it as WebDriver does.
  async select(text) {
    for (const ref of await this.send('POST', '/elements', { using: 'css selector', value: 'option' })) {
      const option = new Element(this.session, ref);
      if ((await option.send('GET', '/text')).trim() === text) return option.click();
    }
    throw new Error(`no option ${text}`);
  }

  textContent() {
    return this.send('GET', '/text');
  }
}

function describe(name) {
  return name?.text ? `with text ${name.text}` : `named ${name}`;
}

function matches(want, got) {
  return want instanceof RegExp ? want.test(got.trim()) : got.trim() === want;
}

async function call(base, method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (json.value?.error) throw new Error(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}
