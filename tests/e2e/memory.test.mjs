// A news page shows article after article in one mounted view: the wasm
// memory must level off, not grow with every article. Before the view's
// per-article closures subscribed through per-article memos (Ctx::scoped),
// every mention left its dead subscribers in the long-lived memos: about
// 45 KB per article, 11 → 23 MB over 200 loads of five articles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { start } from "./harness.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

const dir = new URL("./articles/", import.meta.url);
const articles = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => readFileSync(new URL(f, dir), "utf8"));

test("article after article in one view: wasm memory levels off", async () => {
  assert.ok(articles.length >= 4, "committed test articles");
  const page = await ctx.browser.newPage();
  await page.goto(ctx.base + "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(async (first) => {
    const m = await import("/pkg/article_atlas.js");
    const wasm = await m.default();
    const el = document.createElement("div");
    el.style.height = "800px";
    document.body.append(el);
    window.__mem = { wasm, handle: m.mount(el, first, {}) };
  }, articles[0]);
  const memory = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return page.evaluate(() => window.__mem.wasm.memory.buffer.byteLength);
  };
  const load = (i) => page.evaluate((a) => window.__mem.handle.setArticle(a), articles[i % articles.length]);
  // warm up: every article's late data (shards, tagger weights) arrives and stays
  for (let i = 1; i <= 30; i++) await load(i);
  // the late data comes in rounds (the gazetteer's core, then the shards):
  // wait until nothing is on its way rather than for a fixed time
  await page.waitForFunction(() => document.documentElement.dataset.atlasAssets === "complete", null, { timeout: 30000 });
  await page.waitForTimeout(500);
  for (let i = 1; i <= articles.length; i++) await load(i);
  const warm = await memory();
  for (let i = 0; i < 100; i++) await load(i);
  const grown = (await memory()) - warm;
  // about 0.2 MB after the fix, 4.5 MB before it
  assert.ok(grown < 1.5e6, `wasm memory grew ${(grown / 1e6).toFixed(2)} MB over 100 more articles`);
  await page.close();
});
