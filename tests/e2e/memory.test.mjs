// A news page shows article after article in one mounted view: the wasm
// memory must level off, not grow with every article. reactive_graph keeps a
// disposed subscriber in a long-lived node's list for as long as the node
// lives, so every closure of a rebuilt view that read a long-lived memo
// stayed behind: about 45 KB per article from the text's marks (fixed by
// per-article memos), then about 14 KB per article from the map's pins, the
// timeline's events and the legend's chips, which still read the long-lived
// ones (fixed by Relay: 0.7 MB per 50 articles before, no allocation left
// behind after, counted with a counting allocator).
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
  // a reader's turn: the article, then a mark selected (the legend's clear
  // button and the lit classes), a hover (the card), and both undone
  const load = (i) =>
    page.evaluate((a) => {
      window.__mem.handle.setArticle(a);
      const mark = document.querySelector('[data-testid="mention"]');
      if (!mark) return;
      mark.click();
      mark.dispatchEvent(new MouseEvent("mouseenter"));
      mark.dispatchEvent(new MouseEvent("mouseleave"));
      mark.click();
    }, articles[i % articles.length]);
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
  // 0.13 MB after the Relay fix (the first round's fragmentation), about
  // 1.4 MB before it, 4.5 MB before the per-article memos
  assert.ok(grown < 0.6e6, `wasm memory grew ${(grown / 1e6).toFixed(2)} MB over 100 more articles`);
  await page.close();
});
