// A small static file server for dist/ on loopback (no dependencies).
// Usage: node scripts/serve.mjs DIR [PORT] [HOST] [--csp]
// With --csp every HTML response carries the strict Content-Security-Policy
// the component must work under.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

export function serve(dir, port = 0, host = "127.0.0.1", { csp = false } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-store" };
      if (csp && type.startsWith("text/html")) headers["content-security-policy"] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", host = "127.0.0.1"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const server = await serve(dir, Number(port), host, { csp: process.argv.includes("--csp") });
  const { port: p } = server.address();
  console.log(`http://${host}:${p}/`);
}
