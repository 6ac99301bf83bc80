// Side by side on the same English news (the GeoVirus articles of the bench
// corpus), in one Node process: compromise 14 (nlp(text) and its people,
// places and organisations) and article-atlas's `analyze` from the built wasm
// package (pkg/), with the whole gazetteer and the tagger loaded. Median of
// 5 rounds per article, summed.
// Usage: node scripts/bench-compromise.mjs [--devdata DIR] [--summary FILE]
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { dirname } from "node:path";
import nlp from "compromise";
import { corpus, words, text, median } from "./bench-corpus.mjs";
import { initSync, analyze, provideAsset } from "../pkg/article_atlas.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const devdata = opt("--devdata", process.env.ATLAS_DEVDATA ?? "../shared/devdata");
const ROUNDS = 5;

initSync({ module: readFileSync("pkg/article_atlas_bg.wasm") });
for (const file of readdirSync("pkg/assets")) provideAsset(file, readFileSync(`pkg/assets/${file}`));

const docs = corpus(devdata).filter((d) => d.lang === "en");
if (!docs.length) {
  console.log("bench-compromise: no English articles (development data missing)");
  process.exit(0);
}

/** Sum over articles of the median time of `f(article)`; articles f rejects are skipped. */
function timeAll(f) {
  let ms = 0;
  let w = 0;
  for (const d of docs) {
    try {
      f(d.article);
    } catch {
      continue;
    }
    const runs = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      f(d.article);
      runs.push(performance.now() - t);
    }
    ms += median(runs);
    w += words(d.article);
  }
  return { ms, words: w, words_per_s: Math.round(w / (ms / 1000)) };
}

const ours = timeAll((a) => analyze(a));
const theirs = timeAll((a) => {
  const doc = nlp(text(a));
  return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array")];
});
let people = 0;
for (const d of docs) people += nlp(text(d.article)).people().length;
console.log(`English news, ${docs.length} GeoVirus articles, median of ${ROUNDS} rounds each, Node ${process.versions.node}:`);
console.log(`  article-atlas analyze (wasm in Node): ${ours.words_per_s} words/s (${ours.ms.toFixed(0)} ms for ${ours.words} words)`);
console.log(`  compromise 14 nlp + people/places/organizations: ${theirs.words_per_s} words/s (${theirs.ms.toFixed(0)} ms; ${people} people found)`);
console.log(`  ratio: article-atlas is ${(ours.words_per_s / theirs.words_per_s).toFixed(1)}x compromise`);
const file = opt("--summary", null);
if (file) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ atlas_wasm_node: ours, compromise: theirs }, null, 1));
}
