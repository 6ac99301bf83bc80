// The embedding surface, end to end under the strict CSP:
// - <article-atlas>: ui-lang (lang as a fallback), every documented attribute
//   observed after the start, calls before the start queued, `ready` after a
//   `src` article is on screen, removal unmounts;
// - mount(): a dropped handle does not kill the view; exports use a given
//   analysis as it is;
// - the embed builder (builder.html): choices drive the live preview, and the
//   iframe snippet, element snippet and share link each reproduce it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, SCREENSHOTS } from "./harness.mjs";
import { STRICT_CSP } from "../../scripts/serve.mjs";

const read = (p) => JSON.parse(readFileSync(new URL(`../../www/articles/${p}`, import.meta.url), "utf8"));
const arabic = read("default.json");
const english = read("english.json");
const norm = (s) => s.replace(/\s+/g, " ").trim();

let ctx;
before(async () => (ctx = await start({ csp: true })));
after(async () => ctx?.close());

/** Opens `body` as a same-origin page (at `path`) served with the strict CSP. */
async function openHtml(path, body) {
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.errors = errors;
  await page.route(ctx.base + path, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      headers: { "content-security-policy": STRICT_CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(ctx.base + path);
  return page;
}

/** Relative luminance (0 dark … 1 light) of a CSS rgb() colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

test("element: ui-lang and lang, observed attributes, queued calls, ready after src, removal unmounts", async () => {
  const page = await openHtml(
    "/element-test.html",
    `<script type="module" src="pkg/atlas-element.js"></script>
     <article-atlas id="a" src="articles/english.json" lang="ar" height="400"></article-atlas>`,
  );
  // `ready` resolves only once the src article is on screen.
  const first = await page.evaluate(async () => {
    await customElements.whenDefined("article-atlas");
    const el = document.getElementById("a");
    await el.ready;
    return {
      title: el.shadowRoot.querySelector('[data-testid="article-title"]')?.textContent ?? null,
      uiLang: el.getView().ui_lang,
      height: el.shadowRoot.querySelector(".atlas-frame").getBoundingClientRect().height,
    };
  });
  assert.equal(norm(first.title ?? ""), norm(english.title), "ready resolved before the src article was on screen");
  assert.equal(first.uiLang, "ar", "lang is the fallback for ui-lang");
  assert.equal(first.height, 400);

  // The element registers the late data (tagger weights, gazetteer shards):
  // once it has arrived, its entities are those of the full analysis.
  await page.waitForFunction(() => document.documentElement.dataset.atlasAssets === "complete", null, { timeout: 15000 });
  const late = await page.evaluate(async (article) => {
    const { analyze, loadAssets } = await import("./pkg/article_atlas.js");
    await loadAssets();
    const full = analyze(article).entities.map((e) => e.id).sort();
    const shown = [...document.getElementById("a").shadowRoot.querySelectorAll('[data-testid="entity-item"]')].map((b) => b.dataset.entityId).sort();
    return { full, shown };
  }, english);
  assert.ok(late.full.length > 0);
  assert.deepEqual(late.shown, late.full, "the element shows the analysis with the late data");

  const el = page.locator("#a");
  const attr = (name, value) =>
    page.evaluate(([n, v]) => (v === null ? document.getElementById("a").removeAttribute(n) : document.getElementById("a").setAttribute(n, v)), [name, value]);
  const view = () => page.evaluate(() => document.getElementById("a").getView());

  await attr("ui-lang", "en");
  assert.equal((await view()).ui_lang, "en", "ui-lang wins over lang");
  await attr("lang", "ar");
  assert.equal((await view()).ui_lang, "en", "lang is only a fallback");

  await attr("panels", "text");
  await page.waitForFunction(() => !document.getElementById("a").shadowRoot.querySelector('[data-testid="map"]'));
  await attr("panels", null);
  await el.getByTestId("map").waitFor({ timeout: 5000 });

  await attr("height", "300");
  assert.equal(await page.evaluate(() => document.getElementById("a").shadowRoot.querySelector(".atlas-frame").getBoundingClientRect().height), 300);

  const background = () => page.evaluate(() => getComputedStyle(document.getElementById("a").shadowRoot.querySelector(".atlas")).backgroundColor);
  await attr("theme", "dark");
  const dark = luminance(await background());
  await attr("theme", "light");
  const light = luminance(await background());
  assert.ok(dark < 0.3 && light > 0.7, `theme: dark ${dark}, light ${light}`);

  assert.equal(await el.getByTestId("copy-link").count(), 0, "no Copy link without share-base");
  await page.evaluate(() => document.getElementById("a").setView({ ...document.getElementById("a").getView(), selected: { kind: "entity", id: "x" } }));
  await attr("share-base", ctx.base + "/");
  await el.getByTestId("copy-link").waitFor({ timeout: 5000 });
  assert.equal(norm(await el.getByTestId("article-title").textContent()), norm(english.title), "the article survives the remount");
  assert.deepEqual((await view()).selected, { kind: "entity", id: "x" }, "the view survives the remount");
  const link = await page.evaluate(() => document.getElementById("a").handle.shareFragment());
  assert.ok(link.startsWith("v1."), link);
  await attr("share-base", null);
  await page.waitForFunction(() => !document.getElementById("a").shadowRoot.querySelector('[data-testid="copy-link"]'));

  await attr("src", "articles/default.json");
  await el.getByTestId("article-title").filter({ hasText: norm(arabic.title).slice(0, 12) }).waitFor({ timeout: 10000 });

  // Calls before the start are queued and replayed in order.
  const queued = await page.evaluate(async (article) => {
    const e = document.createElement("article-atlas");
    e.setArticle(article);
    e.setView({ ui_lang: "ar", hidden: ["date"] });
    e.setPanels("text entities");
    document.body.append(e);
    await e.ready;
    const root = e.shadowRoot;
    return {
      title: root.querySelector('[data-testid="article-title"]')?.textContent,
      view: e.getView(),
      map: Boolean(root.querySelector('[data-testid="map"]')),
    };
  }, english);
  assert.equal(norm(queued.title ?? ""), norm(english.title));
  assert.deepEqual(queued.view, { ui_lang: "ar", hidden: ["date"] });
  assert.equal(queued.map, false);

  // Removal unmounts (the element and the page-wide registry).
  const counts = await page.evaluate(async () => {
    const { mountedCount } = await import("./pkg/article_atlas.js");
    const before = mountedCount();
    const els = [...document.querySelectorAll("article-atlas")];
    for (const e of els) e.remove();
    await new Promise((r) => setTimeout(r, 50));
    return { before, after: mountedCount(), left: els.map((e) => e.shadowRoot.querySelector(".atlas")).filter(Boolean).length };
  });
  assert.deepEqual(counts, { before: 2, after: 0, left: 0 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("mount(): a dropped handle keeps its view; exports use a given analysis as it is", async () => {
  const page = await openHtml("/mount-test.html", `<div id="host"></div><div id="other"></div><script type="module" src="pkg/atlas-element.js"></script>`);
  await page.evaluate(async ([article, arabic]) => {
    const { loadAtlas } = await import("./pkg/atlas-element.js");
    await loadAtlas();
    const { mount } = await import("./pkg/article_atlas.js");
    // A view destroyed while its late data is on the way: the data arrives
    // for nobody, without an error.
    const gone = document.createElement("div");
    document.body.append(gone);
    const doomed = mount(gone, arabic, { panels: "text map" });
    const root = document.documentElement;
    for (let i = 0; i < 200 && root.dataset.atlasAssets !== "loading"; i++) await new Promise((r) => setTimeout(r, 5));
    if (root.dataset.atlasAssets !== "loading") throw new Error(`late data never loading: ${root.dataset.atlasAssets}`);
    doomed.destroy();
    gone.remove();
    mount(document.getElementById("host"), article, { lang: "en", panels: "text", theme: "dark" });
    // free() is what the garbage collector's finalizer calls on a handle: deterministic here.
    mount(document.getElementById("other"), article, { panels: "text" }).free();
    for (let i = 0; i < 400 && root.dataset.atlasAssets !== "complete"; i++) await new Promise((r) => setTimeout(r, 25));
  }, [english, arabic]);
  await page.locator("#host").getByTestId("article-title").waitFor({ timeout: 20000 });
  await page.locator("#other").getByTestId("article-title").waitFor({ timeout: 20000 });
  await page.locator("#other").getByTestId("mention").first().click();
  await page.locator('#other [data-testid="mention"][aria-pressed="true"]').first().waitFor({ timeout: 5000 });
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    await page.waitForTimeout(100);
  }
  await page.locator("#host").getByTestId("mention").first().click();
  await page.locator('#host [data-testid="mention"][aria-pressed="true"]').first().waitFor({ timeout: 5000 });
  const out = await page.evaluate(async (article) => {
    const m = await import("./pkg/article_atlas.js");
    const host = document.getElementById("host");
    const a = m.analyze(article);
    const same = m.toGeoJSON(a) === m.toGeoJSON(article) && m.toICS(a) === m.toICS(article) && m.toCSV(a) === m.toCSV(article);
    // An edited analysis is exported as edited: it is not analysed again.
    a.entities[0].name = "Edited Name";
    const edited = m.toCSV(a).includes("Edited Name") && JSON.parse(m.toJSON(a)).entities[0].name === "Edited Name";
    let invalid = null;
    try {
      m.toCSV({ ...a, entities: [{ id: 1 }] });
    } catch (e) {
      invalid = String(e.message);
    }
    return {
      same,
      edited,
      invalid,
      theme: host.dataset.atlasTheme,
      dark: getComputedStyle(host.querySelector(".atlas")).backgroundColor,
      sheets: document.adoptedStyleSheets.length,
    };
  }, english);
  assert.ok(out.same, "exports of the analysis equal exports of the article");
  assert.ok(out.edited, "the export used the analysis object");
  assert.match(out.invalid ?? "", /^analysis is invalid/);
  assert.equal(out.theme, "dark");
  assert.ok(luminance(out.dark) < 0.3, out.dark);
  assert.equal(out.sheets, 2, "the automatic sheet and the dark one, once each");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("embed builder: choices drive the preview; iframe, element and link reproduce it", async () => {
  const page = await openPage(ctx, "/builder.html");
  const preview = page.getByTestId("builder-preview");
  await preview.getByTestId("article-title").waitFor({ timeout: 20000 });
  await page.getByTestId("builder-src").fill("articles/english.json");
  await page.getByTestId("builder-load-src").click();
  await preview.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 10000 });
  await page.getByTestId("builder-panel-timeline").uncheck();
  await page.getByTestId("builder-panel-entities").uncheck();
  await page.getByTestId("builder-ui-lang").selectOption("ar");
  await page.getByTestId("builder-height").fill("420");
  await page.getByTestId("builder-theme").selectOption("dark");
  await page.waitForFunction(() => {
    const el = document.getElementById("preview");
    return el.getAttribute("theme") === "dark" && el.getView()?.ui_lang === "ar";
  });
  const shown = await page.evaluate(() => {
    const root = document.getElementById("preview").shadowRoot;
    return {
      height: root.querySelector(".atlas-frame").getBoundingClientRect().height,
      entities: root.querySelectorAll('[data-testid="entity-item"]').length,
      map: Boolean(root.querySelector('[data-testid="map"]')),
      timeline: Boolean(root.querySelector('[data-testid="timeline"]')),
      bg: getComputedStyle(root.querySelector(".atlas")).backgroundColor,
    };
  });
  assert.equal(shown.height, 420);
  assert.equal(shown.entities, 0);
  assert.equal(shown.timeline, false);
  assert.ok(shown.map);
  assert.ok(luminance(shown.bg) < 0.3, shown.bg);
  await page.locator("main").screenshot({ path: SCREENSHOTS + "embed-builder.png" });

  const iframe = await page.getByTestId("builder-iframe").inputValue();
  const element = await page.getByTestId("builder-element").inputValue();
  const link = await page.getByTestId("builder-link").inputValue();
  assert.match(iframe, /^<iframe src="[^"]+" title="article-atlas" width="100%" height="420"/);
  assert.match(element, /<article-atlas src="[^"]*articles\/english\.json" ui-lang="ar" panels="text map" height="420" theme="dark">/);
  assert.ok(link.includes("#v1."), link);
  // by keyboard: the preview may still be re-laying out after the screenshot,
  // and a pointer click whose target moves between press and release is lost
  await page.getByTestId("builder-copy-iframe").press("Enter");
  await page.getByTestId("builder-status").filter({ hasText: /cop/ }).waitFor();
  assert.deepEqual(page.errors, []);

  // The iframe snippet, as a host page would have it.
  const src = iframe.match(/src="([^"]+)"/)[1].replace(/&amp;/g, "&");
  const host = await openHtml("/host-iframe.html", iframe);
  const frame = host.frameLocator("iframe");
  await frame.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  assert.equal(await frame.getByTestId("entity-item").count(), 0);
  assert.equal(await frame.getByTestId("timeline").count(), 0);
  assert.equal(host.errors.length, 0, host.errors.join("\n"));
  await host.close();
  const framePage = await openPage(ctx, src);
  await framePage.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  assert.equal((await framePage.evaluate(() => window.atlas.getView())).ui_lang, "ar");
  assert.ok(luminance(await framePage.evaluate(() => getComputedStyle(document.querySelector(".atlas")).backgroundColor)) < 0.3, "iframe theme");
  await framePage.close();

  // The element snippet.
  const withElement = await openHtml("/host-element.html", element);
  const el = withElement.locator("article-atlas");
  await el.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  assert.equal(await el.getByTestId("entity-item").count(), 0);
  assert.equal((await withElement.evaluate(() => document.querySelector("article-atlas").getView())).ui_lang, "ar");
  assert.deepEqual(withElement.errors, []);
  await withElement.close();

  // The share link.
  const shared = await openPage(ctx, link);
  await shared.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  assert.equal((await shared.evaluate(() => window.atlas.getView())).ui_lang, "ar");
  assert.deepEqual(shared.errors, []);
  await shared.close();

  // A pasted article goes inline into the element snippet.
  const pasted = { ...english, title: "Pasted: ministers meet </script> in Amman" };
  await page.getByTestId("builder-paste").fill(JSON.stringify(pasted));
  await page.getByTestId("builder-show-paste").click();
  await preview.getByTestId("article-title").filter({ hasText: "Pasted" }).waitFor({ timeout: 10000 });
  const inline = await page.getByTestId("builder-element").inputValue();
  assert.ok(inline.includes('<script type="application/json">') && !inline.includes(' src="'.concat(ctx.base, "/articles")), inline.slice(0, 300));
  const pastedHost = await openHtml("/host-pasted.html", inline);
  await pastedHost.locator("article-atlas").getByTestId("article-title").filter({ hasText: "Pasted" }).waitFor({ timeout: 20000 });
  assert.deepEqual(pastedHost.errors, []);
  await pastedHost.close();
  assert.deepEqual(page.errors, []);
  await page.close();
});
