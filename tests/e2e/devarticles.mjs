// Real articles for the view tests, converted at test time from the
// development data (never copied into the project): Arabic news from
// SaudiNewsNet and English news from GeoVirus (Wikinews). The data lives at
// ../shared/devdata from the project root, or where ATLAS_DEVDATA points.
// Without it the committed test articles stand in, and the tests say so.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

const here = (p) => new URL(p, import.meta.url).pathname;
export const DEVDATA = resolve(process.env.ATLAS_DEVDATA ?? "../shared/devdata");

const COMMITTED = [
  { lang: "en", article: JSON.parse(readFileSync(here("./articles/amman-ministers.json"), "utf8")) },
  { lang: "ar", article: JSON.parse(readFileSync(here("./articles/baghdad-visit.json"), "utf8")) },
  { lang: "ar", article: JSON.parse(readFileSync(here("../../www/articles/default.json"), "utf8")) },
  { lang: "en", article: JSON.parse(readFileSync(here("../../www/articles/english.json"), "utf8")) },
];

const unescape = (s) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** `n` Arabic and `n` English articles ({ lang, article, from }), alternating languages. */
export function realArticles(n = 3) {
  const snn = `${DEVDATA}/news_ar/saudinewsnet_dev50.jsonl`;
  const gv = `${DEVDATA}/geo/GeoVirus.xml`;
  if (!existsSync(snn) || !existsSync(gv)) {
    console.log(`# development data not found at ${DEVDATA}: using the committed test articles`);
    return COMMITTED.map((d) => ({ ...d, from: "committed" }));
  }
  const ar = readFileSync(snn, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    // Long enough to name places and people, short enough to stay quick.
    .filter((v) => v.content.length > 600 && v.content.length < 4000)
    .slice(0, n)
    .map((v) => ({
      lang: "ar",
      from: `saudinewsnet ${v.id}`,
      article: { title: v.title.trim(), body: v.content.split("\n").filter((p) => p.trim()), lang: "ar", published: v.date_extracted },
    }));
  const en = [...readFileSync(gv, "utf8").matchAll(/<source>([\s\S]*?)<\/source>\s*<text>([\s\S]*?)<\/text>/g)]
    .map((m) => ({ source: unescape(m[1]).trim(), body: unescape(m[2]).trim() }))
    .filter((v) => v.body.length > 600 && v.body.length < 4000)
    // One text per Wikinews page (the data holds some pages more than once).
    .filter((v, i, all) => all.findIndex((w) => w.source === v.source) === i)
    .slice(0, n)
    .map((v) => ({
      lang: "en",
      from: `geovirus ${v.source}`,
      // Wikinews page names are the headlines.
      article: { title: decodeURIComponent(v.source.split("/").pop()).replace(/_/g, " "), body: v.body, lang: "en" },
    }));
  const out = [];
  for (let i = 0; i < n; i++) out.push(...[ar[i], en[i]].filter(Boolean));
  return out;
}
