// The benchmark corpus, the same as the native bench (src/bin/bench.rs): the
// default article, the 50 SaudiNewsNet Arabic articles and the GeoVirus
// English articles from the development data, when present.
import { readFileSync, existsSync } from "node:fs";

/** [{lang, article}] read from www/articles and DEVDATA. */
export function corpus(devdata) {
  const docs = [{ lang: "ar", article: JSON.parse(readFileSync("www/articles/default.json", "utf8")) }];
  const snn = `${devdata}/news_ar/saudinewsnet_dev50.jsonl`;
  if (existsSync(snn)) {
    for (const line of readFileSync(snn, "utf8").split("\n").filter(Boolean)) {
      const v = JSON.parse(line);
      docs.push({ lang: "ar", article: { title: v.title, body: v.content, lang: "ar", published: v.date_extracted } });
    }
  }
  const gv = `${devdata}/geo/GeoVirus.xml`;
  if (existsSync(gv)) {
    const xml = readFileSync(gv, "utf8");
    for (const m of xml.matchAll(/<text>([\s\S]*?)<\/text>/g)) {
      const body = m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      docs.push({ lang: "en", article: { title: "", body, lang: "en" } });
    }
  }
  return docs;
}

/** Whitespace-separated words of an article's title and body (as the native bench counts). */
export const words = (a) => [a.title ?? "", ...(Array.isArray(a.body) ? a.body : [a.body ?? ""])].join(" ").split(/\s+/).filter(Boolean).length;

/** The text of an article, title and body. */
export const text = (a) => [a.title ?? "", ...(Array.isArray(a.body) ? a.body : [a.body ?? ""])].join("\n\n");

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
