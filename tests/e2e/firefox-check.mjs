// Whether playwright-core can drive this machine's Firefox, asked before the
// playwright suite runs in it (.ci/test). Exit 0: it can, and the playwright
// suite (*.test.mjs) runs in Firefox. Exit 3: it cannot, for a reason printed
// here, and the playwright suite is not run in Firefox. Either way the
// WebDriver journeys (webdriver/journeys.test.mjs) run in Firefox over
// WebDriver classic through geckodriver, which needs none of BiDi, so Firefox
// is never left untested. Anything else is a failure.
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
    `# Firefox: the playwright suite cannot run: ${executablePath} does not know the WebDriver BiDi command ${unknown[1]}, ` +
      'which playwright-core 1.64.1 needs (Firefox ESR 153 knows it; tests/e2e/firefox-check.mjs says why). ' +
      'The WebDriver journeys run in Firefox instead (geckodriver).',
  );
  process.exit(3);
}
