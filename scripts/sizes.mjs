// Prints the size of every file under a folder: raw, gzip and brotli (as
// scripts/serve.mjs precompresses it), and the total. Where the server's
// precompressed copies (FILE.br, FILE.gz) are there, their sizes are read,
// not made again.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { brotliBest } from "./serve.mjs";

const root = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || /\.(br|gz)$/.test(name)) continue; // the server's precompressed copies
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(root);

const fmt = (n) => String(n).padStart(10);
let total = [0, 0, 0];
console.log(`${"file".padEnd(40)}${fmt("raw")}${fmt("gzip")}${fmt("brotli")}`);
for (const f of files) {
  const buf = readFileSync(f);
  const gz = existsSync(`${f}.gz`) ? statSync(`${f}.gz`).size : gzipSync(buf, { level: 9 }).length;
  const br = existsSync(`${f}.br`) ? statSync(`${f}.br`).size : brotliBest(buf).length; // as the server sends it
  total = [total[0] + buf.length, total[1] + gz, total[2] + br];
  console.log(`${relative(root, f).padEnd(40)}${fmt(buf.length)}${fmt(gz)}${fmt(br)}`);
}
console.log(`${"total".padEnd(40)}${fmt(total[0])}${fmt(total[1])}${fmt(total[2])}`);
