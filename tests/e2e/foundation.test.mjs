// The page renders the default Arabic article right-to-left, with no console errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, SCREENSHOTS } from "./harness.mjs";

const article = JSON.parse(readFileSync(new URL("../../www/articles/default.json", import.meta.url), "utf8"));
let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

test("default article: title, paragraphs, rtl, no console errors", async () => {
  const page = await openPage(ctx, "/");
  const title = page.getByTestId("article-title");
  await title.waitFor({ timeout: 15000 });
  const squash = (s) => s.replace(/\s+/g, " ").trim();
  assert.equal(squash(await title.textContent()), squash(article.title));
  const paras = await page.getByTestId("paragraph").allTextContents();
  assert.equal(paras.length, article.body.length);
  assert.equal(squash(paras[0]), squash(article.body[0]));
  const dir = await page.getByTestId("article").getAttribute("dir");
  assert.equal(dir, "rtl");
  const computed = await page.getByTestId("article").evaluate((el) => getComputedStyle(el).direction);
  assert.equal(computed, "rtl");
  await page.screenshot({ path: SCREENSHOTS + "foundation-default.png", fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the article and its map come first; the data follows and marks the same view in place", async () => {
  // hold the gazetteer's core back until the page has drawn what it can without it
  const page = await openPage(ctx, "/");
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\/assets\/gaz-core\.[0-9a-f]{8}\.tsv$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await page.getByTestId("article-title").waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.documentElement.dataset.atlasReady, null, { timeout: 15000 });
  const paras = await page.getByTestId("paragraph").count();
  assert.equal(paras, article.body.length, "the whole text is on screen before the data");
  assert.ok((await page.locator("svg.map g.countries path").count()) > 50, "the world outlines are drawn");
  assert.equal(await page.getByTestId("map-pin").count(), 0, "no pin before the gazetteer's core");
  // not "no places": they are on their way
  assert.ok(["جارٍ البحث عن الأماكن…", "Finding the places…"].includes(await page.getByTestId("map-empty").textContent()));
  assert.equal(await page.evaluate(() => document.documentElement.dataset.atlasAssets), "loading");
  release();
  await page.getByTestId("map-pin").first().waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.documentElement.dataset.atlasAssets === "complete", null, { timeout: 30000 });
  assert.ok((await page.getByTestId("map-pin").count()) >= 10, "the default article's places are pinned");
  assert.equal(await page.getByTestId("map-empty").count(), 0);
  assert.equal(await page.getByTestId("paragraph").count(), paras, "the same text, marked in place");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("JS API: loadAssets(article) brings the core and then the shards an article's words need", async () => {
  const page = await openPage(ctx, "/");
  await page.route(ctx.base + "/blank.html", (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>blank</title>" }));
  await page.goto(ctx.base + "/blank.html");
  const r = await page.evaluate(async () => {
    const m = await import("./pkg/article_atlas.js");
    const { assets } = await import("./pkg/assets.js");
    await m.default();
    m.registerAssets(assets);
    // Iraq is in the gazetteer's core; Florida is in a late shard
    const article = { lang: "en", title: "A storm in the south", body: "The storm hit Gainesville in Florida on Monday, and doctors flew in from Iraq." };
    const places = () => m.analyze(article).entities.filter((e) => e.type === "place").map((e) => e.name).sort();
    const before = places();
    await m.loadAssets(article);
    return { before, after: places() };
  });
  assert.deepEqual(r.before, [], "no gazetteer before the data");
  for (const p of ["Iraq", "Florida"]) assert.ok(r.after.includes(p), `${p} in ${r.after}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a browser without wasm SIMD gets the plain module; one with SIMD never fetches it", async () => {
  for (const simd of [true, false]) {
    const page = await openPage(ctx, "/");
    if (!simd) {
      // what Safari before 16.4 answers: the glue's SIMD test fails
      await page.addInitScript(() => {
        const validate = WebAssembly.validate;
        WebAssembly.validate = (bytes) => !Array.from(new Uint8Array(bytes.buffer ?? bytes)).includes(0xfd) && validate(bytes);
      });
    }
    const wasm = [];
    page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
    await page.reload();
    await page.getByTestId("map-pin").first().waitFor({ timeout: 30000 });
    const plain = wasm.filter((p) => p.endsWith("/pkg/article_atlas_bg.nosimd.wasm")).length;
    assert.equal(plain, simd ? 0 : 1, `${simd ? "with" : "without"} SIMD: ${wasm.join(", ")}`);
    assert.ok((await page.getByTestId("map-pin").count()) >= 10, "the default article's places are pinned");
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
