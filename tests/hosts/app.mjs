// Shared helper of the host tests: packs pkg/ with `npm pack` once, and makes throwaway apps
// that install the tarball (extracted into node_modules/evident, as npm would) next to
// links to the build tools and React versions of the repository's own node_modules (no
// network: everything comes from package.json's devDependencies). Serves a folder over HTTP
// with an optional CSP, and opens pages in Debian's Chromium with the flags of webdriver.json.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, symlinkSync, readFileSync, realpathSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const run = promisify(execFile);
export const root = fileURLToPath(new URL("../../", import.meta.url));
const flags = JSON.parse(readFileSync(`${root}webdriver.json`, "utf8"))["goog:chromeOptions"].args;

let tarball = null;
const made = [];

/** The `npm pack` tarball of pkg/ (made once per process). */
export async function pack() {
  if (tarball) return tarball;
  const dir = mkdtempSync(`${tmpdir()}/evident-pack-`);
  made.push(dir);
  const { stdout } = await run("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: `${root}pkg` });
  tarball = `${dir}/${stdout.trim().split("\n").pop()}`;
  return tarball;
}

/**
 * A fresh app folder: `files` written (name → text), the tarball installed as
 * node_modules/evident, and `links` (name in the app → package in the repository's
 * node_modules, e.g. {react: "react18"}) linked in.
 */
export async function makeApp(name, files, links = {}) {
  const dir = mkdtempSync(`${tmpdir()}/evident-host-${name}-`);
  made.push(dir);
  mkdirSync(`${dir}/node_modules/evident`, { recursive: true });
  await run("tar", ["-xzf", await pack(), "-C", `${dir}/node_modules/evident`, "--strip-components=1"]);
  for (const [as, from] of Object.entries(links)) {
    mkdirSync(dirname(`${dir}/node_modules/${as}`), { recursive: true });
    symlinkSync(realpathSync(`${root}node_modules/${from}`), `${dir}/node_modules/${as}`, "dir");
  }
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: `host-${name}`, private: true, type: "module" }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(`${dir}/${file}`), { recursive: true });
    writeFileSync(`${dir}/${file}`, text);
  }
  return dir;
}

/** Removes every app and tarball made by this process. */
export function cleanUp() {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  tarball = null;
}

export const strictCsp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
};

/** Serves `dir` on a free port; HTML pages get `csp` when given. `close()` stops it. */
export async function serveDir(dir, { csp = null } = {}) {
  const server = createServer(async (req, res) => {
    try {
      let file = normalize(join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname)));
      if (!file.startsWith(dir)) return res.writeHead(403).end();
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const type = types[extname(file)] || "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-store" };
      if (csp && type.startsWith("text/html")) headers["content-security-policy"] = csp;
      res.writeHead(200, headers).end(await readFile(file));
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

let browser = null;

/** Opens `url` in a fresh page; records console messages, page errors and wasm requests. */
export async function openPage(url) {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: flags });
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = { errors: [], warnings: [], wasm: [] };
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(m.text());
    if (m.type() === "warning") log.warnings.push(m.text());
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => { if (/\.wasm(\?|$)/.test(r.url())) log.wasm.push(r.url()); });
  await page.goto(url);
  return { page, context, log };
}

export async function closeBrowser() {
  await browser?.close();
  browser = null;
}

/** The rubric of the repository's examples, and a sentence whose score is known. */
export const rubricText = readFileSync(`${root}examples/cer-lab.rubric.json`, "utf8");
// "My claim" + "light" + "grow"/"taller": claim level 3 = 2 points, nothing else met
// (worked out in tests/e2e/package.test.mjs from the rubric's indicators).
export const claimSentence = "My claim is that light helps bean plants grow taller.";
export const claimTotal = 2;
