// Size benchmark (issue 14): raw, gzip and brotli bytes of every file of the built package
// (pkg/), then of what four pages really fetch, recorded in headless Chromium: a page that
// holds only `<evident-feedback>` (benches/size/widget.html, through `evident/elements`; and
// the same page through the element's own entry, `evident/elements/feedback`), the teacher
// page and the class page. Exits 1 (the benchmark fails itself, not the test suite) when the
// widget page's wasm passes the student budget: 150 KB (150,000 bytes) gzip.
// Run: bash scripts/build.sh && node benches/size.mjs
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { start } from "../tests/e2e/run.mjs";

const BUDGET_GZIP = 150_000;
const root = new URL("../", import.meta.url);
const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const row = (name, b) => `${name.padEnd(44)} ${String(b.length).padStart(10)} ${String(gzip(b)).padStart(9)} ${String(brotli(b)).padStart(9)}`;
const header = `${"".padEnd(44)} ${"raw".padStart(10)} ${"gzip".padStart(9)} ${"brotli".padStart(9)}`;

function files(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [[`${prefix}${name}`, readFileSync(path)]];
  });
}

console.log("== files of pkg/ (wasm and JS)");
console.log(header);
for (const [name, bytes] of files(new URL("pkg", root).pathname).filter(([n]) => /\.(wasm|js)$/.test(n)).sort()) {
  console.log(row(name, bytes));
}

const pages = [
  ["student widget only", "/benches/size/widget.html", "evident-feedback [part=criterion]"],
  // The same page with its one script swapped for the element's own entry.
  ["student widget only, from evident/elements/feedback", "/benches/size/widget.html?entry=feedback", "evident-feedback [part=criterion]"],
  ["teacher page", "/www/teacher.html", "evident-rubric [part=row], evident-rubric [part=error]"],
  ["class page", "/www/class.html", "evident-mastery tbody tr, evident-mastery [part=error]"],
];

const env = await start();
let widgetWasmGzip = Infinity;
try {
  for (const [title, path, ready] of pages) {
    const { page, context, errors } = await env.open();
    const fetched = [];
    page.on("response", async (response) => {
      const url = new URL(response.url());
      if (!/\.(wasm|js)$/.test(url.pathname) || !url.pathname.startsWith("/pkg/")) return;
      fetched.push(response.body().then((body) => [url.pathname, body]).catch(() => [url.pathname, Buffer.alloc(0)]));
    });
    if (path.endsWith("?entry=feedback")) {
      await page.route(`${env.base}${path}`, async (route) => {
        const html = readFileSync(new URL(`.${new URL(path, env.base).pathname}`, root), "utf8");
        route.fulfill({ contentType: "text/html", body: html.replace("/pkg/elements.js", "/pkg/elements/feedback.js") });
      });
    }
    await page.goto(env.base + path);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const bodies = await Promise.all(fetched);
    const wasm = bodies.filter(([p]) => p.endsWith(".wasm"));
    const js = bodies.filter(([p]) => p.endsWith(".js"));
    const sum = (list) => Buffer.concat(list.map(([, b]) => b));
    console.log(`\n== ${title} (${path}): fetched ${wasm.length} wasm file(s), ${js.length} JS module(s) of the package`);
    console.log(header);
    for (const [p, b] of wasm) console.log(row(p, b));
    // Per-file compression, summed: what a server compressing each response sends.
    const total = (list, f) => list.reduce((n, [, b]) => n + f(b), 0);
    console.log(`${"wasm, total".padEnd(44)} ${String(sum(wasm).length).padStart(10)} ${String(total(wasm, gzip)).padStart(9)} ${String(total(wasm, brotli)).padStart(9)}`);
    console.log(`${"package JS, total".padEnd(44)} ${String(sum(js).length).padStart(10)} ${String(total(js, gzip)).padStart(9)} ${String(total(js, brotli)).padStart(9)}`);
    if (errors.length) console.log(`   console errors: ${errors.join(" | ")}`);
    if (path.includes("widget")) widgetWasmGzip = total(wasm, gzip);
    await context.close();
  }
} finally {
  await env.close();
}

const ok = widgetWasmGzip <= BUDGET_GZIP;
console.log(`\nstudent path: ${widgetWasmGzip} bytes of wasm gzip, budget ${BUDGET_GZIP}: ${ok ? "within" : "OVER BUDGET"}`);
process.exit(ok ? 0 : 1);
