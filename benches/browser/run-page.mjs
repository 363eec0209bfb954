// Opens one benchmark page of benches/browser/ in headless Debian Chromium (through
// playwright-core, with the flags of webdriver.json), the repository served by
// scripts/serve.mjs (cross-origin isolated, so the page's clock ticks in 5 µs), waits for
// the page's `window.benchResult` and returns it with the browser's version.
import { chromium } from "playwright-core";
import { readFile } from "node:fs/promises";
import { serve } from "../../scripts/serve.mjs";

const root = new URL("../../", import.meta.url);

/** `initScript`: code to run in the page before its own scripts (optional). */
export async function runPage(file, { port, initScript } = {}) {
  const webdriver = JSON.parse(await readFile(new URL("webdriver.json", root), "utf8"));
  const args = webdriver["goog:chromeOptions"].args.filter((a) => !a.startsWith("--headless"));
  const server = await serve(port);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args });
  try {
    const page = await browser.newPage();
    page.on("console", (m) => m.type() === "error" && !m.text().includes("404") && console.error("[page]", m.text()));
    if (initScript) await page.addInitScript({ content: initScript });
    await page.goto(`http://127.0.0.1:${port}/benches/browser/${file}`);
    await page.waitForFunction(() => window.benchResult, null, { timeout: 600_000, polling: 500 });
    const result = await page.evaluate(() => window.benchResult);
    if (result.error) throw new Error(result.error);
    return { result, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}
