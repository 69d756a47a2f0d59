// Whether this machine's Firefox can run the end-to-end suite, asked before
// the suite runs (.ci/test). Exit 0: it can. Exit 3: it cannot, for a
// reason printed here, and the Firefox run is skipped with that reason on
// record. Anything else is a failure.
//
// Debian bookworm has shipped two Firefox ESRs: 153 runs the suite over
// WebDriver BiDi with playwright-core 1.64.1; 140 does not know BiDi commands
// 1.64.1 sends when it launches (network.addDataCollector,
// browser.setDownloadBehavior, emulation.setScreen*Override), and once those
// are let through it still runs every script a test evaluates under the
// app's CSP, which blocks them. No playwright-core release drives both.
import { firefox } from 'playwright-core';

const executablePath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
try {
  const browser = await firefox.launch({ channel: 'moz-firefox', executablePath, headless: true });
  await (await browser.newContext()).close();
  await browser.close();
} catch (e) {
  const unknown = String(e).match(/Protocol error \(([\w.]+)\): unknown command/);
  if (!unknown) throw e;
  console.log(
    `# Firefox e2e SKIPPED: ${executablePath} does not know the WebDriver BiDi command ${unknown[1]}, ` +
      'which playwright-core 1.64.1 needs (Firefox ESR 153 knows it; tests/e2e/firefox-check.mjs says why).',
  );
  process.exit(3);
}
