#!/usr/bin/env node
// The training run of the profile-guided CLI build (scripts/pgo.sh): the
// project's own texts as JSON Lines, one article per line, so that a
// fresh clone can make the profile without the development data. The
// bundled articles as they are, then the short texts of the analysis,
// dates and events cases (both languages), ten to an article, each case
// a paragraph of its own.
//
//   node scripts/pgo-corpus.mjs OUT.jsonl
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/pgo-corpus.mjs OUT.jsonl");
  process.exit(2);
}
const lines = [];
for (const name of readdirSync("www/articles").sort()) {
  if (name.endsWith(".json")) lines.push(JSON.stringify(JSON.parse(readFileSync(join("www/articles", name), "utf8"))));
}
const texts = { ar: [], en: [] };
for (const file of ["analysis_cases", "dates_cases", "events_cases"]) {
  for (const c of JSON.parse(readFileSync(`tests/${file}.json`, "utf8"))) {
    if (typeof c.text === "string" && texts[c.lang]) texts[c.lang].push(c.text);
  }
}
for (const [lang, all] of Object.entries(texts)) {
  for (let i = 0; i < all.length; i += 10) {
    lines.push(JSON.stringify({ title: "", lang, body: all.slice(i, i + 10) }));
  }
}
writeFileSync(out, lines.join("\n") + "\n");
console.log(`pgo-corpus: ${lines.length} articles (${texts.ar.length} Arabic and ${texts.en.length} English cases) → ${out}`);
