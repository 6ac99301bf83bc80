// Browser benchmarks in headless Chromium against dist/:
//   1. `analyze` timed in wasm on the same corpus as the native bench;
//   2. first render of the default article (navigation start → map and
//      timeline drawn), median of several loads;
//   3. JS heap and wasm memory while 100 articles are loaded one after
//      another into one mounted view (it must level off).
// Usage: node scripts/bench-browser.mjs [--devdata DIR] [--loads N]
import { readFileSync, existsSync } from "node:fs";
import { start } from "../tests/e2e/harness.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const devdata = opt("--devdata", process.env.ATLAS_DEVDATA ?? "../shared/devdata");
const loads = Number(opt("--loads", 7));

function corpus() {
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

const words = (a) => [a.title ?? "", ...(Array.isArray(a.body) ? a.body : [a.body ?? ""])].join(" ").split(/\s+/).filter(Boolean).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ctx = await start();
try {
  const docs = corpus();
  const page = await ctx.browser.newPage();
  await page.goto(ctx.base + "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });

  // 1. analyze in wasm
  console.log(`wasm analyze: ${docs.length} articles (${docs.filter((d) => d.lang === "ar").length} Arabic, ${docs.filter((d) => d.lang === "en").length} English), median of 7 rounds each`);
  const timings = await page.evaluate(async (docs) => {
    const m = await import("/pkg/article_atlas.js");
    await m.default();
    const out = [];
    for (const d of docs) {
      const json = JSON.stringify(d.article);
      try {
        m.analyze(json);
      } catch {
        out.push(null); // not an article (an empty body): skipped, as natively
        continue;
      }
      const runs = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        m.analyze(json);
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      out.push(runs[3]);
    }
    return out;
  }, docs);
  for (const lang of ["ar", "en", "all"]) {
    const idx = docs.map((d, i) => i).filter((i) => (lang === "all" || docs[i].lang === lang) && timings[i] !== null);
    if (!idx.length) continue;
    const ms = idx.reduce((s, i) => s + timings[i], 0);
    const w = idx.reduce((s, i) => s + words(docs[i].article), 0);
    console.log(`  [${lang}] ${idx.length} articles, ${w} words: ${ms.toFixed(1)} ms, ${Math.round(w / (ms / 1000))} words/s, ${((ms * 1000) / w).toFixed(3)} ms per 1,000 words`);
  }
  // 1b. the learned tagger alone, in wasm
  const tagTimes = await page.evaluate(async (docs) => {
    const m = await import("/pkg/article_atlas.js");
    const out = [];
    for (const d of docs) {
      const a = d.article;
      const text = [a.title ?? "", ...(Array.isArray(a.body) ? a.body : [a.body ?? ""])].join("\n\n");
      m.tagEntities(text, a.lang ?? "");
      const runs = [];
      for (let i = 0; i < 7; i++) {
        const t = performance.now();
        m.tagEntities(text, a.lang ?? "");
        runs.push(performance.now() - t);
      }
      runs.sort((x, y) => x - y);
      out.push(runs[3]);
    }
    return out;
  }, docs);
  for (const lang of ["ar", "en"]) {
    const idx = docs.map((d, i) => i).filter((i) => docs[i].lang === lang);
    if (!idx.length) continue;
    const ms = idx.reduce((s, i) => s + tagTimes[i], 0);
    const w = idx.reduce((s, i) => s + words(docs[i].article), 0);
    console.log(`  tagger alone in wasm [${lang}]: ${Math.round(w / (ms / 1000))} words/s (tokenising included)`);
  }
  await page.close();

  // 2. first render
  const renders = [];
  for (let i = 0; i < loads; i++) {
    const p = await ctx.browser.newPage();
    await p.goto(ctx.base + "/");
    await p.locator('[data-testid="map-pin"]').first().waitFor({ timeout: 20000 });
    await p.locator('[data-testid="timeline-event"]').first().waitFor({ timeout: 20000 });
    const t = await p.evaluate(() => {
      const mark = performance.getEntriesByName("atlas-drawn")[0];
      return mark ? mark.startTime : Number(document.documentElement.dataset.atlasReady ?? NaN);
    });
    renders.push(t);
    await p.close();
  }
  console.log(`first render of the default article (navigation start → map and timeline drawn): median ${median(renders).toFixed(0)} ms over ${loads} loads (min ${Math.min(...renders).toFixed(0)}, max ${Math.max(...renders).toFixed(0)})`);

  // 3. memory over 100 article loads into one mounted view
  const p = await ctx.browser.newPage();
  await p.goto(ctx.base + "/");
  await p.getByTestId("article-title").waitFor({ timeout: 20000 });
  const cdp = await p.context().newCDPSession(p);
  const articles = docs.map((d) => JSON.stringify(d.article));
  await p.evaluate(async () => {
    const m = await import("/pkg/article_atlas.js");
    window.__atlasBench = { m, wasm: await m.default() };
  });
  console.log("memory while loading 100 articles one after another into the page's view:");
  console.log(`  ${"loads".padStart(6)} ${"JS heap MB".padStart(11)} ${"wasm MB".padStart(8)}`);
  for (let i = 0; i <= 100; i++) {
    if (i > 0) {
      await p.evaluate((a) => window.__atlasBench.handle.setArticle(a), articles[i % articles.length]).catch(async () => {
        // The first call mounts a view of our own into a fresh element.
        await p.evaluate((a) => {
          const el = document.createElement("div");
          el.style.height = "800px";
          document.body.append(el);
          window.__atlasBench.handle = window.__atlasBench.m.mount(el, a, {});
        }, articles[i % articles.length]);
      });
    }
    if (i % 20 === 0) {
      await cdp.send("HeapProfiler.collectGarbage");
      const { usedSize } = await cdp.send("Runtime.getHeapUsage");
      const wasmBytes = await p.evaluate(() => window.__atlasBench.wasm.memory.buffer.byteLength);
      console.log(`  ${String(i).padStart(6)} ${(usedSize / 1e6).toFixed(2).padStart(11)} ${(wasmBytes / 1e6).toFixed(2).padStart(8)}`);
    }
  }
  await p.close();
} finally {
  await ctx.close();
}
