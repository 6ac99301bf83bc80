// Share links, embedding and exports, end to end:
// - a copied link (selection + filter) opens the same article and view in a fresh browser;
// - an article loaded by the reader travels inside the link;
// - corrupted links show their error and the page keeps working;
// - the demo page (two <article-atlas> elements, hostile host CSS) works and the instances are independent;
// - the element and the iframe page work under the strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { start, openPage, SCREENSHOTS } from "./harness.mjs";

const read = (p) => JSON.parse(readFileSync(new URL(`../../www/articles/${p}`, import.meta.url), "utf8"));
const arabic = read("default.json");
const english = read("english.json");
const norm = (s) => s.replace(/\s+/g, " ").trim();

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

/** Waits until the page's instance exists and shows an article. */
async function ready(page) {
  await page.getByTestId("article-title").first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.atlas && window.atlas.getAnalysis());
  // late assets (tagger, gazetteer shards) update the analysis in place: wait for them
  await page.waitForFunction(() => ["complete", "unregistered"].includes(document.documentElement.dataset.atlasAssets), null, { timeout: 20000 });
}

/** Selects an entity (through the UI when it has an entity list) and hides a type. */
async function selectAndFilter(page) {
  const analysis = await page.evaluate(() => window.atlas.getAnalysis());
  assert.ok(analysis.entities.length > 0, "the article has entities");
  const items = page.getByTestId("entity-item");
  if ((await items.count()) > 0) await items.first().click();
  else await page.evaluate((id) => window.atlas.setView({ ...window.atlas.getView(), selected: { kind: "entity", id } }), analysis.entities[0].id);
  await page.waitForFunction(() => window.atlas.getView().selected);
  const toggle = page.locator('[data-testid="type-toggle"][data-entity-type="date"]');
  if ((await toggle.count()) > 0) await toggle.first().click();
  else await page.evaluate(() => window.atlas.setView({ ...window.atlas.getView(), hidden: ["date"] }));
  await page.waitForFunction(() => (window.atlas.getView().hidden ?? []).includes("date"));
  await page.waitForFunction(() => location.hash.startsWith("#v1."));
  return page.evaluate(() => window.atlas.getView());
}

/** Clicks Copy link and returns the link (clipboard, or the fallback field). */
async function copyLink(page) {
  const field = page.getByTestId("share-link-field").first();
  const before = (await field.count()) > 0 ? await field.inputValue() : null;
  await page.getByTestId("copy-link").first().click();
  await field.waitFor({ timeout: 5000 });
  await page.waitForFunction(
    (b) => document.querySelector('[data-testid="share-link-field"]')?.value !== b,
    before,
  );
  const link = await field.inputValue();
  assert.ok(link.includes("#v1."), link);
  return link;
}

/** Opens `link` in a brand-new browser profile (fresh context, fresh server port). */
async function openFresh(link) {
  const fresh = await start();
  const url = new URL(link);
  const page = await openPage(fresh, fresh.base + url.pathname + url.search + url.hash);
  return { fresh, page };
}

test("copy link with a selection and a filter restores the same article and view in a fresh browser", async () => {
  await ctx.browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
  const page = await openPage(ctx, "/");
  await ready(page);
  const historyBefore = await page.evaluate(() => history.length);
  const view = await selectAndFilter(page);
  const link = await copyLink(page);
  assert.equal(new URL(link).hash, await page.evaluate(() => location.hash), "Copy link gives the address bar's link");
  assert.equal(await page.evaluate(() => history.length), historyBefore, "replaceState: no history entries added");
  console.log(`# state-only link for the default article: ${link.length} chars (${link})`);
  assert.ok(link.length < 200, `state-only link is ${link.length} chars`);

  const { fresh, page: other } = await openFresh(link);
  try {
    await ready(other);
    assert.equal(norm(await other.getByTestId("article-title").first().textContent()), norm(arabic.title));
    assert.deepEqual(await other.evaluate(() => window.atlas.getView()), view);
    assert.equal(await other.getByTestId("error-banner").count(), 0);
    assert.deepEqual(other.errors, []);
  } finally {
    await fresh.close();
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an article the reader loaded travels inside the link (default article inline: measured length)", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  // Load the default article as if pasted: the link must then carry the article itself.
  await page.evaluate((a) => window.atlas.setArticle(JSON.stringify(a)), arabic);
  const view = await selectAndFilter(page);
  const link = await copyLink(page);
  console.log(`# full link for the default article with a selection: ${link.length} chars`);
  assert.ok(link.length < 2000, `full link is ${link.length} chars`);

  await page.evaluate((a) => window.atlas.setArticle(a), english);
  await page.getByTestId("article-title").first().filter({ hasText: "Amman" }).waitFor();
  const view2 = await selectAndFilter(page);
  const link2 = await copyLink(page);
  console.log(`# full link for the English sample with a selection: ${link2.length} chars`);

  // An article too long for a link (over 256 KB of text, still shown on the
  // page) says so in the reader's language instead of copying a broken link.
  const long = { ...arabic, body: Array.from({ length: 80 }, () => arabic.body.join(" ")) };
  await page.evaluate((a) => window.atlas.setArticle(JSON.stringify(a)), long);
  await page.waitForFunction(() => (window.atlas.getAnalysis()?.text.length ?? 0) > 130000);
  await page.getByTestId("copy-link").first().click();
  await page.getByTestId("share-status").filter({ hasText: "أكبر من أن يُشارك في رابط" }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => location.hash), "", "no stale link in the address bar");

  for (const [l, title, v] of [
    [link, arabic.title, view],
    [link2, english.title, view2],
  ]) {
    const { fresh, page: other } = await openFresh(l);
    try {
      await ready(other);
      assert.equal(norm(await other.getByTestId("article-title").first().textContent()), norm(title));
      assert.deepEqual(await other.evaluate(() => window.atlas.getView()), v);
      const paras = await other.getByTestId("paragraph").count();
      assert.ok(paras >= 6, `${paras} paragraphs`);
      assert.deepEqual(other.errors, []);
    } finally {
      await fresh.close();
    }
  }
  await page.close();
});

/** A v1 frame by hand (for the zip bomb): flags, body length, data length, data, crc. */
function frame(flags, declared, data) {
  const varint = (n) => {
    const out = [];
    while (n >= 0x80) {
      out.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    out.push(n);
    return out;
  };
  const bytes = Buffer.concat([Buffer.from([flags, ...varint(declared), ...varint(data.length)]), data, Buffer.alloc(4)]);
  return "v1." + bytes.toString("base64url");
}

test("corrupted links show their error and the page keeps working", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await page.evaluate((a) => window.atlas.setArticle(a), english);
  await page.evaluate(() => window.atlas.setView({ selected: { kind: "entity", id: "x" } }));
  const good = await page.evaluate(() => window.atlas.shareFragment());
  await page.close();
  const flip = (s, i) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  const bomb = deflateRawSync(Buffer.alloc(20_000_000), { level: 9 });
  // [name, fragment, the detail (English), what the reader is told (the
  // default article is Arabic, so the interface speaks Arabic)]
  const cut = "هذا الرابط ناقص";
  const damaged = "هذا الرابط تالف";
  const cases = [
    ["truncated", good.slice(0, good.length - 7), "share link is truncated", cut],
    ["cut in half", good.slice(0, good.length >> 1), "share link is truncated", cut],
    ["cut before the article's frame", good.slice(0, good.lastIndexOf(".") + 1), "share link is truncated", cut],
    ["flipped character", flip(good, good.length >> 1), "share link is corrupted", damaged],
    ["flipped character near the start", flip(good, 12), "share link is corrupted", damaged],
    ["future version", "v9" + good.slice(2), "share link is from a newer version (v9)", "أُنشئ هذا الرابط بإصدار أحدث"],
    ["bad base64", good.slice(0, 20) + "*!" + good.slice(22), "share link is corrupted", damaged],
    ["not a link", "v1.", "share link is truncated", cut],
    ["zip bomb", frame(1, 100_000_000, bomb), "share link is too large", "يحمل هذا الرابط بيانات أكثر"],
    ["zip bomb lying about its size", frame(1, 100, bomb), "share link is too large", "يحمل هذا الرابط بيانات أكثر"],
  ];
  for (const [name, fragment, message, told] of cases) {
    const p = await openPage(ctx, "/#" + fragment);
    await ready(p);
    const banner = p.getByTestId("error-banner");
    await banner.waitFor({ timeout: 10000 });
    // The reader's message first, the technical detail under it.
    assert.ok(norm(await p.getByTestId("error-message").textContent()).startsWith(told), `${name}: ${await banner.textContent()}`);
    assert.ok(norm(await banner.textContent()).includes(message), `${name}: ${await banner.textContent()}`);
    // The page still works: the default article is on screen and a good link still applies.
    assert.equal(norm(await p.getByTestId("article-title").first().textContent()), norm(arabic.title), name);
    await p.evaluate((f) => (location.hash = f), good);
    await p.getByTestId("article-title").first().filter({ hasText: "Amman" }).waitFor({ timeout: 10000 });
    await p.waitForFunction(() => document.querySelectorAll('[data-testid="error-banner"]').length === 0);
    assert.deepEqual(p.errors, [], name);
    await p.close();
  }
});

test("?src= loads client-side; a failed fetch explains itself and keeps an article on screen", async () => {
  const page = await openPage(ctx, "/?src=articles/english.json");
  await page.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  assert.equal(await page.getByTestId("error-banner").count(), 0);
  await page.close();
  const missing = await openPage(ctx, "/?src=articles/missing.json");
  const banner = missing.getByTestId("error-banner");
  await banner.waitFor({ timeout: 20000 });
  assert.match(await banner.textContent(), /could not load the article from .*missing\.json: the server answered 404/);
  assert.equal(norm(await missing.getByTestId("error-message").textContent()), "تعذر تحميل المقال: أجاب الخادم برمز الحالة 404. يبقى المقال المعروض كما هو.");
  await missing.getByTestId("article-title").first().waitFor();
  await missing.close();
  const cors = await openPage(ctx, "/?src=http://127.0.0.1:9/article.json");
  await cors.getByTestId("error-banner").waitFor({ timeout: 20000 });
  assert.match(await cors.getByTestId("error-banner").textContent(), /blocked or the network failed.*cross-origin/s);
  assert.match(await cors.getByTestId("error-message").textContent(), /^تعذر تحميل المقال: حُجب الطلب أو تعطلت الشبكة/);
  // in English when the reader chose English
  await cors.getByTestId("lang-en").click();
  assert.match(await cors.getByTestId("error-message").textContent(), /^The article could not be loaded: the request was blocked or the network failed/);
  await cors.close();
});

/** Computed styles of a few elements inside one element's shadow root. */
function shadowStyles(page, id) {
  return page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    const pick = (sel) => {
      const el = root.querySelector(sel);
      if (!el) return null;
      const cs = getComputedStyle(el);
      return { fontSize: cs.fontSize, display: cs.display, color: cs.color, lineHeight: cs.lineHeight, letterSpacing: cs.letterSpacing, textTransform: cs.textTransform, fontFamily: cs.fontFamily, width: el.getBoundingClientRect().width > 0 };
    };
    return { frame: pick(".atlas-frame"), title: pick('[data-testid="article-title"]'), para: pick('[data-testid="paragraph"]'), svg: pick("svg"), div: pick(".atlas") };
  }, id);
}

test("demo page: two instances side by side, unaffected by a hostile stylesheet and independent", async () => {
  const page = await openPage(ctx, "/demo.html");
  const left = page.getByTestId("atlas-left");
  const right = page.getByTestId("atlas-right");
  await left.getByTestId("article-title").waitFor({ timeout: 20000 });
  await right.getByTestId("article-title").waitFor({ timeout: 20000 });
  assert.equal(norm(await left.getByTestId("article-title").textContent()), norm(arabic.title));
  assert.equal(norm(await right.getByTestId("article-title").textContent()), norm(english.title));
  await page.locator("main").screenshot({ path: SCREENSHOTS + "share-demo-hostile.png" });

  const hostile = { left: await shadowStyles(page, "left"), right: await shadowStyles(page, "right") };
  await page.evaluate(() => (document.getElementById("hostile").disabled = true));
  const clean = { left: await shadowStyles(page, "left"), right: await shadowStyles(page, "right") };
  assert.deepEqual(hostile, clean, "the hostile stylesheet changes nothing inside the components");
  assert.equal(hostile.right.para.fontSize, clean.right.para.fontSize);
  assert.notEqual(hostile.right.para.fontSize, "40px");
  // The height attribute sizes the frame (set through the CSSOM: no inline style under CSP).
  const heights = await page.evaluate(() =>
    ["left", "right"].map((id) => document.getElementById(id).shadowRoot.querySelector(".atlas-frame").getBoundingClientRect().height),
  );
  assert.deepEqual(heights, [640, 640]);
  await page.evaluate(() => (document.getElementById("hostile").disabled = false));

  // Selecting in one instance does not touch the other.
  const ids = await page.evaluate(() => ({
    left: document.getElementById("left").handle.getAnalysis().entities[0]?.id,
    right: document.getElementById("right").handle.getAnalysis().entities[0]?.id,
  }));
  assert.ok(ids.left && ids.right, JSON.stringify(ids));
  const rightItems = right.getByTestId("entity-item");
  if ((await rightItems.count()) > 0) await rightItems.first().click();
  else await page.evaluate((id) => {
    const el = document.getElementById("right");
    el.setView({ ...el.getView(), selected: { kind: "entity", id } });
  }, ids.right);
  await page.getByTestId("right-selection").filter({ hasText: "entity" }).waitFor({ timeout: 5000 });
  assert.equal(await page.getByTestId("left-selection").textContent(), "none");
  const views = await page.evaluate(() => ({ left: document.getElementById("left").getView(), right: document.getElementById("right").getView() }));
  assert.equal(views.left.selected, undefined);
  assert.equal(views.right.selected.kind, "entity");
  assert.equal(views.left.ui_lang, "ar");
  assert.equal(views.right.ui_lang, "en");
  assert.equal(await page.evaluate(() => location.hash), "", "embedded instances leave the host URL alone");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("JS API: analyze returns a plain object; exports; mount/destroy", async () => {
  const page = await openPage(ctx, "/demo.html");
  await page.getByTestId("atlas-right").getByTestId("article-title").waitFor({ timeout: 20000 });
  const out = await page.evaluate(async (article) => {
    const m = await import("./pkg/article_atlas.js");
    const a = m.analyze(article);
    const el = document.createElement("div");
    document.body.append(el);
    const events = [];
    const h = m.mount(el, article, { lang: "en", panels: "text", onSelect: (d) => events.push(d) });
    el.addEventListener("atlas-select", (e) => events.push(e.detail));
    h.setView({ selected: { kind: "entity", id: a.entities[0].id } });
    await new Promise((r) => setTimeout(r, 50));
    let threw = null;
    try {
      h.setArticle("{not json");
    } catch (e) {
      threw = String(e.message);
    }
    const titleAfterBad = el.querySelector('[data-testid="article-title"]')?.textContent;
    h.destroy();
    return {
      plain: Object.getPrototypeOf(a) === Object.prototype && Object.getPrototypeOf(a.entities[0]) === Object.prototype,
      entities: a.entities.length,
      geo: JSON.parse(m.toGeoJSON(a)).type,
      ics: m.toICS(a).startsWith("BEGIN:VCALENDAR\r\n"),
      csv: m.toCSV(article).split("\r\n")[0],
      json: JSON.parse(m.toJSON(a)).title,
      events: events.map((e) => e.selected?.id),
      entityInEvent: events[0]?.entity?.id,
      threw,
      titleAfterBad,
      emptyAfterDestroy: el.childElementCount,
    };
  }, english);
  assert.ok(out.plain, "plain objects, not Maps");
  assert.ok(out.entities > 0);
  assert.equal(out.geo, "FeatureCollection");
  assert.ok(out.ics);
  assert.equal(out.csv, "id,type,name,name_ar,name_en,mentions,salience,lat,lon,country");
  assert.equal(out.json, english.title);
  assert.equal(out.events.length, 2, "onSelect and the atlas-select event");
  assert.ok(out.entityInEvent);
  assert.ok(out.threw, "setArticle throws on bad input");
  assert.equal(norm(out.titleAfterBad ?? ""), norm(english.title), "bad input keeps the article");
  assert.equal(out.emptyAfterDestroy, 0);
  await page.close();
});

test("downloads: GeoJSON, JSON, ICS and CSV from the buttons", async () => {
  const page = await openPage(ctx, "/?src=articles/english.json");
  await page.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
  for (const [id, ext] of [["download-geojson", "geojson"], ["download-json", "json"], ["download-ics", "ics"], ["download-csv", "csv"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(id).first().click()]);
    assert.ok(download.suggestedFilename().endsWith("." + ext), download.suggestedFilename());
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("strict CSP: the custom element and the iframe page work", async () => {
  const csp = await start({ csp: true });
  try {
    const page = await openPage(csp, "/demo.html");
    await page.getByTestId("atlas-left").getByTestId("article-title").waitFor({ timeout: 20000 });
    await page.getByTestId("atlas-right").getByTestId("article-title").waitFor({ timeout: 20000 });
    const fontSize = await page.evaluate(() => getComputedStyle(document.getElementById("right").shadowRoot.querySelector(".atlas-frame")).fontSize);
    assert.equal(fontSize, "16px", "adopted stylesheets apply under CSP");
    assert.deepEqual(page.errors, [], "no CSP violations");
    await page.close();

    const view = { selected: { kind: "entity", id: "place:x" }, hidden: ["date"] };
    const fragment = await (async () => {
      const p = await openPage(csp, "/embed.html?src=articles/english.json");
      await p.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
      await p.evaluate((v) => window.atlas.setView(v), view);
      await p.waitForFunction(() => location.hash.startsWith("#v1."));
      const f = await p.evaluate(() => location.hash);
      assert.deepEqual(p.errors, []);
      await p.close();
      return f;
    })();
    const host = await openPage(csp, "/demo-iframe.html");
    const frame = host.frameLocator('[data-testid="atlas-iframe"]');
    await frame.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
    await host.frameLocator('[data-testid="atlas-iframe-default"]').getByTestId("article-title").waitFor({ timeout: 20000 });
    assert.deepEqual(host.errors, []);
    await host.close();

    // The iframe page takes the same fragment as share links.
    const linked = await openPage(csp, "/embed.html?src=articles/english.json" + fragment);
    await linked.getByTestId("article-title").filter({ hasText: "Amman" }).waitFor({ timeout: 20000 });
    await linked.waitForFunction(() => window.atlas.getView().selected);
    assert.deepEqual(await linked.evaluate(() => window.atlas.getView()), view);
    assert.deepEqual(linked.errors, []);
    await linked.close();
  } finally {
    await csp.close();
  }
});
