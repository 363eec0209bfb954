// Shared helper of the browser end-to-end tests: serves the repository (scripts/serve.mjs,
// with its strict CSP) on a free port, launches Debian's Chromium through playwright-core
// with the flags of webdriver.json, and opens pages that record console errors and CSP
// violations. `axeScan` runs axe-core and returns the serious and critical violations.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { serve } from "../../scripts/serve.mjs";

export const root = fileURLToPath(new URL("../../", import.meta.url));
const flags = JSON.parse(readFileSync(new URL("../../webdriver.json", import.meta.url), "utf8"))["goog:chromeOptions"].args;

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: flags });
  return {
    base,
    browser,
    /** A fresh context and page whose console errors and CSP violations are recorded. */
    async open(path, { context: options = {} } = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors = [];
      const violations = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.exposeFunction("__evidentCspViolation", (v) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          window.__evidentCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI}`);
        });
      });
      if (path) await page.goto(base + path);
      return { page, context, errors, violations };
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** axe-core violations of impact serious or critical (WCAG 2 A/AA rules and best practice). */
export async function axeScan(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The text of an element inside a component's shadow root (Playwright pierces open shadow roots). */
export async function shadowText(page, selector) {
  return page.locator(selector).allInnerTexts();
}
