// The bytes (brotli, as scripts/serve.mjs sends and scripts/sizes.mjs counts) of the late
// gazetteer shards articles want when none is loaded yet: runs
// `cargo run --release --example shard_bytes -- ARGS` and sums the sizes of
// data/gazetteer/late/NAME.tsv for each article, then per input file the
// average. Run: node scripts/shard-bytes.mjs [FILE...]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { brotliBest } from "./serve.mjs";

const out = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "shard_bytes", "--", ...process.argv.slice(2)], {
  encoding: "utf8",
  maxBuffer: 1 << 26,
});
const sizes = new Map();
const size = (name) => {
  if (!sizes.has(name)) {
    const buf = readFileSync(`data/gazetteer/late/${name}.tsv`);
    sizes.set(name, brotliBest(buf).length);
  }
  return sizes.get(name);
};
const byFile = new Map();
for (const line of out.trim().split("\n")) {
  const [label, list] = line.split("\t");
  const names = list ? list.split(",") : [];
  const bytes = names.reduce((s, n) => s + size(n), 0);
  const file = label.split("#")[0];
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push([names.length, bytes]);
}
for (const [file, rows] of byFile) {
  const n = rows.length;
  const shards = rows.reduce((s, r) => s + r[0], 0) / n;
  const bytes = rows.reduce((s, r) => s + r[1], 0) / n;
  const max = Math.max(...rows.map((r) => r[1]));
  console.log(`${file}: ${n} article(s), mean ${shards.toFixed(1)} shards, ${Math.round(bytes)} bytes brotli (max ${max})`);
}
