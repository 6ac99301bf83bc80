// Times `analyze` of one wasm build in Node, the way scripts/bench-browser.mjs
// does in Chromium: every late asset provided first, one untimed call per
// article, then ROUNDS more, article after article.
//
//   node scripts/wasm-rounds.mjs [PKG_DIR] [ROUNDS] [ar|en] [WASM]
//
// PKG_DIR holds article_atlas.js and assets/ (default pkg); WASM is the module
// (default PKG_DIR/article_atlas_bg.wasm: give article_atlas_bg.nosimd.wasm to
// time the other one). Prints ms per 1,000 words; the figure to compare builds
// by is the instruction count scripts/wasm-instructions.sh takes of this run.
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { corpus, words } from "./bench-corpus.mjs";

const [dir = "pkg", roundsArg = "7", lang = "ar", wasmArg] = process.argv.slice(2);
const pkg = resolve(dir);
const m = await import(pathToFileURL(`${pkg}/article_atlas.js`).href);
m.initSync({ module: readFileSync(wasmArg ?? `${pkg}/article_atlas_bg.wasm`) });
for (const f of readdirSync(`${pkg}/assets`)) m.provideAsset(f, readFileSync(`${pkg}/assets/${f}`));
const docs = corpus(process.env.ATLAS_DEVDATA ?? "../shared/devdata").filter((d) => d.lang === lang);
const rounds = Number(roundsArg);
const analyze = (json) => {
  try {
    m.analyze(json);
  } catch {
    // an article with an empty body: an error, as natively
  }
};
let total = 0;
let w = 0;
for (const d of docs) {
  const json = JSON.stringify(d.article);
  analyze(json);
  const t = performance.now();
  for (let r = 0; r < rounds; r++) analyze(json);
  total += performance.now() - t;
  w += words(d.article);
}
console.log(`${lang}: ${docs.length} articles, ${w} words, ${rounds} rounds: ${((total * 1000) / (w * Math.max(rounds, 1))).toFixed(3)} ms per 1,000 words (Node ${process.versions.node})`);
