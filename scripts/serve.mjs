// A tiny static file server for the demo and the browser tests: serves the repository root
// on 127.0.0.1 with the right MIME types (wasm needs application/wasm), a strict CSP on
// HTML pages, so the demo proves the components work under one, and cross-origin isolation.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const port = Number(process.argv[2] || process.env.PORT || 8080);
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".jsonl": "application/jsonl; charset=utf-8", ".ts": "text/plain; charset=utf-8",
};
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

export function serve(listenPort = port) {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      const type = types[extname(file)] || "application/octet-stream";
      // Cross-origin isolated (everything here is same-origin): pages then get the finer
      // clock (performance.now() in 5 µs steps, not 100) that the benchmarks time with.
      const headers = {
        "content-type": type,
        "cache-control": "no-store",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      };
      if (type.startsWith("text/html")) headers["content-security-policy"] = csp;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(listenPort, "127.0.0.1", () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  serve().then(() => console.log(`[serve] http://127.0.0.1:${port}/www/`));
}
