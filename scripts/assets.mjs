// Writes the late assets (data the wasm build does not embed, see
// src/assets.rs) into pkg/assets/ as NAME.HASH.EXT: HASH is the first 8 hex
// digits of the FNV-1a 64 hash of the bytes (crate::assets::content_hash), so
// the files can be cached for ever and the wasm refuses a stale copy.
//   tagger-ar, tagger-en  ← data/tagger/{ar,en}.bin
//   gaz-core              ← data/gazetteer/places.tsv (rows as "P\t…") + index.tsv (rows as "K\t…"):
//                           the gazetteer's core, in the late shards' format
//   gaz-words             ← data/gazetteer/first_words.bin (which Arabic words start a late name)
//   gaz-NNNN              ← data/gazetteer/late/gaz-NNNN.tsv
//   lists                 ← the word lists src/lists.rs names (PATHS), each as
//                           0x1C, its path under data/, a newline, its text
// scripts/pkg.mjs then lists each file in pkg/assets.js with a literal
// `new URL("./assets/NAME", import.meta.url)`, so bundlers copy it.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync } from "node:fs";

function fnv1a64(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h;
}
const hash8 = (bytes) => (fnv1a64(bytes) >> 32n).toString(16).padStart(8, "0");

/** The data rows of a generated table (no comments, no blank lines), each prefixed. */
const rows = (path, prefix) =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => prefix + l + "\n")
    .join("");

/** The late word lists, in the order src/lists.rs names them (its `Name = "path",` lines). */
const lists = () => {
  const paths = [...readFileSync("src/lists.rs", "utf8").matchAll(/^\s+[A-Za-z]+ = "([^"]+\.tsv)",$/gm)].map((m) => m[1]);
  if (paths.length === 0) throw new Error("assets.mjs: no list paths found in src/lists.rs");
  return Buffer.from(paths.map((p) => `\x1c${p}\n${readFileSync(`data/${p}`, "utf8")}`).join(""));
};

const sources = [
  ["lists", "tsv", lists],
  ["gaz-core", "tsv", () => Buffer.from(rows("data/gazetteer/places.tsv", "P\t") + rows("data/gazetteer/index.tsv", "K\t"))],
  ["tagger-ar", "bin", "data/tagger/ar.bin"],
  ["tagger-en", "bin", "data/tagger/en.bin"],
  ["gaz-words", "bin", "data/gazetteer/first_words.bin"],
  ...readdirSync("data/gazetteer/late")
    .filter((f) => /^gaz-\d+\.tsv$/.test(f))
    .sort()
    .map((f) => [f.replace(/\.tsv$/, ""), "tsv", `data/gazetteer/late/${f}`]),
];

rmSync("pkg/assets", { recursive: true, force: true });
mkdirSync("pkg/assets", { recursive: true });
const files = [];
for (const [name, ext, path] of sources) {
  const bytes = typeof path === "function" ? path() : readFileSync(path);
  const file = `${name}.${hash8(bytes)}.${ext}`;
  writeFileSync(`pkg/assets/${file}`, bytes);
  files.push(file);
}
console.log(`assets: ${files.length} files in pkg/assets/`);
