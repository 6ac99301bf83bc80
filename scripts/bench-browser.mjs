// Browser benchmarks in headless Chromium against dist/:
//   1. `analyze` timed in wasm on the same corpus as the native bench;
//   2. first load of the default article, HTTP cache off (navigation start →
//      first paint, map drawn, late data complete; bytes before and after the
//      map), median of several loads, locally and on a simulated 9 Mbit/s,
//      60 ms link;
//   3. JS heap and wasm memory while 100 articles are loaded one after
//      another into one mounted view (it must level off).
// Usage: node scripts/bench-browser.mjs [--devdata DIR] [--loads N] [--summary FILE]
import { start } from "../tests/e2e/harness.mjs";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { corpus as loadCorpus, words, median } from "./bench-corpus.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const devdata = opt("--devdata", process.env.ATLAS_DEVDATA ?? "../shared/devdata");
const loads = Number(opt("--loads", 7));
const summaryFile = opt("--summary", null);
const summary = { wasm: {}, load: {} };


const ctx = await start();
try {
  const docs = loadCorpus(devdata);
  const page = await ctx.browser.newPage();
  await page.goto(ctx.base + "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });

  // 1. analyze in wasm
  // Steady state, as the native figures: one untimed pass over the whole
  // corpus first (V8 compiles the wasm's hot functions with its optimising
  // tier while it runs; whichever language came first paid for that), then
  // per article one more call and the median of 7. The first pass's own
  // time is printed too.
  console.log(`wasm analyze: ${docs.length} articles (${docs.filter((d) => d.lang === "ar").length} Arabic, ${docs.filter((d) => d.lang === "en").length} English), median of 7 rounds each, after one untimed pass over them all`);
  const [timings, firstPass] = await page.evaluate(async (docs) => {
    const m = await import("/pkg/article_atlas.js");
    await m.default();
    await m.loadAssets(); // the whole gazetteer and both taggers, as natively
    const first = [];
    for (const d of docs) {
      const json = JSON.stringify(d.article);
      const t = performance.now();
      try {
        m.analyze(json);
        first.push(performance.now() - t);
      } catch {
        first.push(null);
      }
    }
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
    return [out, first];
  }, docs);
  for (const lang of ["ar", "en"]) {
    const idx = docs.map((d, i) => i).filter((i) => docs[i].lang === lang && firstPass[i] !== null);
    const ms = idx.reduce((s, i) => s + firstPass[i], 0);
    const w = idx.reduce((s, i) => s + words(docs[i].article), 0);
    if (w) console.log(`  [${lang}] the untimed first pass, for comparison (Arabic first, V8 still compiling): ${((ms * 1000) / w).toFixed(3)} ms per 1,000 words`);
  }
  for (const lang of ["ar", "en", "all"]) {
    const idx = docs.map((d, i) => i).filter((i) => (lang === "all" || docs[i].lang === lang) && timings[i] !== null);
    if (!idx.length) continue;
    const ms = idx.reduce((s, i) => s + timings[i], 0);
    const w = idx.reduce((s, i) => s + words(docs[i].article), 0);
    console.log(`  [${lang}] ${idx.length} articles, ${w} words: ${ms.toFixed(1)} ms, ${Math.round(w / (ms / 1000))} words/s, ${((ms * 1000) / w).toFixed(3)} ms per 1,000 words`);
    summary.wasm[lang] = { words: w, ms_per_1000_words: (ms * 1000) / w, words_per_s: Math.round(w / (ms / 1000)) };
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

  // 2. first render, HTTP cache off (every byte fetched again): first
  // paint, map drawn (the first analysis on screen with its map), and the
  // bytes transferred before the map was drawn; then the same on a
  // simulated 9 Mbit/s link with 60 ms latency.
  for (const [name, net] of [
    ["local", null],
    ["9 Mbit/s, 60 ms", { offline: false, latency: 60, downloadThroughput: (9e6 / 8) * 0.95, uploadThroughput: (2e6 / 8) * 0.95 }],
  ]) {
    const rows = [];
    for (let i = 0; i < loads; i++) rows.push(await coldLoad(net));
    const paint = median(rows.map((r) => r.paint));
    const drawn = median(rows.map((r) => r.drawn));
    const bytes = median(rows.map((r) => r.bytes));
    const bodies = median(rows.map((r) => r.bodies));
    const late = median(rows.map((r) => r.lateBytes));
    const complete = median(rows.map((r) => r.complete));
    console.log(
      `first load of the default article, ${name}, median of ${loads} cold loads: first paint ${paint.toFixed(0)} ms, map drawn ${drawn.toFixed(0)} ms (min ${Math.min(...rows.map((r) => r.drawn)).toFixed(0)}, max ${Math.max(...rows.map((r) => r.drawn)).toFixed(0)}), late data complete ${complete.toFixed(0)} ms; ${(bytes / 1000).toFixed(0)} KB transferred before the map was drawn (${bodies} B of compressed files, ${bytes - bodies} B of HTTP headers), ${(late / 1000).toFixed(0)} KB after`,
    );
    summary.load[name] = { first_paint_ms: paint, map_drawn_ms: drawn, bytes_before_map: bytes, file_bytes_before_map: bodies, late_bytes: late, late_complete_ms: complete };
  }
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
  if (summaryFile) {
    mkdirSync(dirname(summaryFile), { recursive: true });
    writeFileSync(summaryFile, JSON.stringify(summary, null, 1));
  }
} finally {
  await ctx.close();
}

/** One load of the page with the HTTP cache off (every byte over the wire
 * again), with `net` conditions when given: times from navigation start, and
 * bytes over the wire (transfer sizes of the document and every resource)
 * before and after the map was drawn. */
async function coldLoad(net) {
  const p = await ctx.browser.newPage();
  const cdp = await ctx.browser.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (net) await cdp.send("Network.emulateNetworkConditions", net);
  await p.goto(ctx.base + "/");
  await p.locator('[data-testid="map-pin"]').first().waitFor({ timeout: 60000 });
  await p.waitForFunction(() => document.documentElement.dataset.atlasAssets === "complete", null, { timeout: 60000 });
  const completeAt = await p.evaluate(() => performance.now());
  const r = await p.evaluate(() => {
    const drawn = performance.getEntriesByName("atlas-drawn")[0]?.startTime ?? NaN;
    const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType("navigation")[0];
    let bytes = nav.transferSize;
    // the same without the HTTP headers: the files' compressed bytes
    let bodies = nav.encodedBodySize;
    let lateBytes = 0;
    for (const e of performance.getEntriesByType("resource")) {
      if (e.responseEnd <= drawn) {
        bytes += e.transferSize;
        bodies += e.encodedBodySize;
      } else lateBytes += e.transferSize;
    }
    return { drawn, paint, bytes, bodies, lateBytes };
  });
  await p.close();
  return { ...r, complete: completeAt };
}
