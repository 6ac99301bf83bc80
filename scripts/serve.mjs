// A small static file server for dist/ on loopback (no dependencies).
// Usage: node scripts/serve.mjs DIR [PORT] [HOST] [--csp]
//        node scripts/serve.mjs --precompress DIR   (writes FILE.br and FILE.gz)
// Serves text, JS, CSS, JSON and wasm compressed as a real deployment would:
// brotli or gzip by the request's Accept-Encoding (with Content-Encoding and
// Vary). The build precompresses dist/ at the highest levels; a file without
// its .br/.gz beside it is compressed on the fly at a fast level and kept in
// memory per file version. File names
// carry no content hash, so responses are revalidated (no-cache + ETag; a
// matching If-None-Match gets 304) rather than cached blindly.
// With --csp every HTML response carries the strict Content-Security-Policy
// the component must work under.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";

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
  // late data (pkg/assets/): gazetteer shards and tagger weights
  ".tsv": "text/tab-separated-values; charset=utf-8",
  ".bin": "application/octet-stream",
};

/** Types worth compressing (PNG is compressed already; the only binary data
 * served, the tagger weights, halves under brotli). */
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|octet-stream)|image\/svg)/;
/** Below this a compressed body saves nothing worth a header. */
const MIN_COMPRESS_BYTES = 512;

/** The encoding to send for an Accept-Encoding header: "br", "gzip" or null. */
export function pickEncoding(accept = "") {
  const offered = new Map();
  for (const part of accept.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    offered.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const ok = (name) => (offered.get(name) ?? offered.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

const SUFFIX = { br: ".br", gzip: ".gz" };

/** Encoder settings `brotliBest` tries beside the defaults: a 16 MB input
 * block (one block for the whole wasm, not one per 64 KB) with the
 * encoder's font or text mode, a hint for its context modelling. Any
 * brotli decoder reads every setting. On 2026-12-06 the SIMD wasm went
 * 441,750 -> 440,301 B (the font mode), the plain wasm and the word lists
 * shrank too; the gazetteer's small shards keep the defaults. */
const BROTLI_TRIES = [
  {},
  { [zlib.BROTLI_PARAM_LGBLOCK]: 24, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_FONT },
  { [zlib.BROTLI_PARAM_LGBLOCK]: 24, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT },
];

/** `body` under brotli at quality 11: the smallest of [`BROTLI_TRIES`]. What
 * the server sends, and what the size reports count. */
export function brotliBest(body) {
  let best = null;
  for (const extra of BROTLI_TRIES) {
    const params = { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length, ...extra };
    const out = brotliCompressSync(body, { params });
    if (!best || out.length < best.length) best = out;
  }
  return best;
}

function compress(body, encoding, best) {
  if (encoding === "br") {
    return best
      ? brotliBest(body)
      : brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } });
  }
  return gzipSync(body, { level: best ? 9 : 6 });
}

/** Writes FILE.br and FILE.gz beside every compressible file under `dir`. */
export async function precompress(dir) {
  const { readdir, writeFile } = await import("node:fs/promises");
  let n = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath ?? e.path, e.name);
    const type = TYPES[extname(path)];
    if (!e.isFile() || !type || !COMPRESSIBLE.test(type)) continue;
    const raw = await readFile(path);
    if (raw.length < MIN_COMPRESS_BYTES) continue;
    for (const enc of ["br", "gzip"]) await writeFile(path + SUFFIX[enc], compress(raw, enc, true));
    n++;
  }
  return n;
}

/** The file's precompressed sibling, when it is newer than the file. */
async function sibling(path, encoding, info) {
  const s = await stat(path + SUFFIX[encoding]).catch(() => null);
  return s && s.mtimeMs >= info.mtimeMs ? readFile(path + SUFFIX[encoding]) : null;
}

export function serve(dir, port = 0, host = "127.0.0.1", { csp = false } = {}) {
  const root = resolve(dir);
  // path → { key, etag, raw, br?, gzip? } for the last version of each file.
  const cache = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root)) {
        res.writeHead(403).end("forbidden");
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        path = join(path, "index.html");
        info = await stat(path).catch(() => null);
      }
      if (!info) throw new Error("missing");
      const key = `${info.size}-${info.mtimeMs}`;
      let entry = cache.get(path);
      if (entry?.key !== key) {
        entry = { key, etag: `"${key.replace(".", "")}"`, raw: await readFile(path) };
        cache.set(path, entry);
      }
      const type = TYPES[extname(path)] ?? "application/octet-stream";
      const headers = { "content-type": type, "cache-control": "no-cache", etag: entry.etag };
      if (csp && type.startsWith("text/html")) headers["content-security-policy"] = STRICT_CSP;
      let body = entry.raw;
      if (COMPRESSIBLE.test(type) && body.length >= MIN_COMPRESS_BYTES) {
        headers.vary = "Accept-Encoding";
        const encoding = pickEncoding(req.headers["accept-encoding"]);
        if (encoding) {
          entry[encoding] ??= (await sibling(path, encoding, info)) ?? compress(entry.raw, encoding, false);
          body = entry[encoding];
          headers["content-encoding"] = encoding;
          headers.etag = `${entry.etag.slice(0, -1)}-${encoding}"`;
        }
      }
      if (req.headers["if-none-match"] === headers.etag) {
        res.writeHead(304, headers).end();
        return;
      }
      headers["content-length"] = String(body.length);
      res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === "--precompress") {
  const dir = process.argv[3] ?? "dist";
  console.log(`precompressed ${await precompress(dir)} files in ${dir}/ (brotli 11, gzip 9)`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = "dist", port = "8080", host = "127.0.0.1"] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const server = await serve(dir, Number(port), host, { csp: process.argv.includes("--csp") });
  const { port: p } = server.address();
  console.log(`http://${host}:${p}/`);
}
