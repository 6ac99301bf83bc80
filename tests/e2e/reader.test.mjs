// Issue 12: what a reader gets on every screen. Filters keep text readable;
// every pin reachable and labels apart; the map fills its panel and a far
// place does not pile up the rest; every control on a phone and in a 560 px
// element; a loading state before the wasm; compressed serving; a timeline
// that explains itself; errors in the interface language; accessibility
// (axe-core, skip links, focus ring); a quiet address bar.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { request } from "node:http";
import { start, openPage, settled, SCREENSHOTS } from "./harness.mjs";
import { realArticles } from "./devarticles.mjs";

const here = (p) => new URL(p, import.meta.url).pathname;
const BRAZIL = JSON.parse(readFileSync(here("./articles/brazil-debt.json"), "utf8"));
const ENGLISH = JSON.parse(readFileSync(here("./articles/amman-ministers.json"), "utf8"));
const AXE = readFileSync(here("../../node_modules/axe-core/axe.min.js"), "utf8");
const DOCS = realArticles(2);

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

async function ready(page) {
  await page.getByTestId("article-title").first().waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.documentElement.dataset.atlasReady, null, { timeout: 30000 });
  await settled(page);
}

async function paste(page, article) {
  await page.getByTestId("paste-open").click();
  await page.getByTestId("paste-text").fill(typeof article === "string" ? article : JSON.stringify(article));
  await page.getByTestId("paste-submit").click();
  if (typeof article !== "string") {
    await page.waitForFunction(
      (t) => (document.querySelector('[data-testid="article-title"]')?.textContent ?? "").replace(/\s+/g, " ").trim() === t,
      article.title.replace(/\s+/g, " ").trim(),
    );
    await settled(page);
  }
}

/** WCAG contrast of every mention's text against what is behind it. */
const mentionContrast = (page) =>
  page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const behind = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    return [...document.querySelectorAll('[data-testid="mention"]')].map((m) => {
      const a = lum(rgb(getComputedStyle(m).color));
      const b = lum(behind(m));
      return { text: m.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    });
  });

test("hiding a type while one of its entities is selected leaves every word readable", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  for (const type of ["person", "place", "organization"]) {
    const m = page.locator(`[data-testid="mention"][data-entity-type="${type}"]`).first();
    if (!(await m.count())) continue;
    await m.click();
    assert.ok((await page.locator('[data-testid="mention"].lit').count()) > 0);
    await page.locator(`[data-testid="type-toggle"][data-entity-type="${type}"]`).click();
    await page.waitForTimeout(300); // colour transitions end
    const low = (await mentionContrast(page)).filter((c) => c.ratio < 4.5);
    assert.deepEqual(low, [], `${type} hidden while selected: every highlight still reads (contrast ≥ 4.5)`);
    await page.locator(`[data-testid="type-toggle"][data-entity-type="${type}"]`).click();
    await page.keyboard.press("Escape");
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Pins whose dot centre is covered by another element; labels that overlap. */
const mapProblems = (page) =>
  page.evaluate(() => {
    const svg = document.querySelector("svg.map").getBoundingClientRect();
    const inside = (r) => r.x + r.width / 2 > svg.left && r.x + r.width / 2 < svg.right && r.y + r.height / 2 > svg.top && r.y + r.height / 2 < svg.bottom;
    const covered = [];
    const pins = [...document.querySelectorAll('[data-testid="map-pin"]')];
    for (const g of pins) {
      const r = g.querySelector(".pin-dot").getBoundingClientRect();
      if (!inside(r)) continue;
      // Only another pin counts: a pin under the map's buttons is one pan away.
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      const other = hit?.closest('[data-testid="map-pin"]');
      if (other && other !== g) covered.push(`${g.dataset.entityId} under ${other.dataset.entityId}`);
    }
    const labels = [...document.querySelectorAll(".pin-label")]
      .filter((t) => getComputedStyle(t).display !== "none")
      .map((t) => t.getBoundingClientRect())
      .filter(inside);
    let piled = 0;
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [a, b] = [labels[i], labels[j]];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) piled++;
      }
    const globe = document.querySelector("svg.map .globe").getBoundingClientRect();
    const gap = Math.max(globe.left - svg.left, svg.right - globe.right, globe.top - svg.top, svg.bottom - globe.bottom);
    const onScreen = pins.filter((g) => inside(g.querySelector(".pin-dot").getBoundingClientRect())).length;
    return { covered, piled, gap, pins: pins.length, onScreen, labels: labels.length };
  });

test("every pin can be clicked, labels do not pile up, the map fills its panel (real articles, both screens)", async () => {
  const docs = [{ from: "default", article: null }, ...DOCS, { from: "brazil", article: BRAZIL }];
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const page = await openPage(ctx, "/", { width: w, height: h });
    await ready(page);
    for (const d of docs) {
      if (d.article) await paste(page, d.article);
      const p = await mapProblems(page);
      console.log(`# ${w}px ${d.from}: ${JSON.stringify(p)}`);
      assert.deepEqual(p.covered, [], `${w}px ${d.from}: every pin on screen can be clicked`);
      assert.equal(p.piled, 0, `${w}px ${d.from}: no two labels overlap`);
      assert.ok(p.gap <= 1, `${w}px ${d.from}: the world covers the map panel (gap ${p.gap})`);
      // Zooming in keeps every pin reachable too.
      await page.getByTestId("zoom-in").click();
      assert.deepEqual((await mapProblems(page)).covered, [], `${w}px ${d.from}: zoomed in`);
      await page.getByTestId("map-reset").click();
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("one far place does not shrink the others into a pile; it stays one click away", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await paste(page, BRAZIL);
  const pos = () =>
    page.locator('[data-testid="map-pin"]').evaluateAll((gs) =>
      gs.map((g) => {
        const r = g.querySelector(".pin-dot").getBoundingClientRect();
        return { id: g.dataset.entityId, name: g.getAttribute("aria-label"), x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }),
    );
  const pins = await pos();
  const svg = await page.locator("svg.map").boundingBox();
  const on = pins.filter((p) => p.x > svg.x && p.x < svg.x + svg.width && p.y > svg.y && p.y < svg.y + svg.height);
  const off = pins.filter((p) => !on.includes(p));
  console.log(`# brazil: ${on.length} pins on screen (${on.map((p) => `${p.name} ${p.x.toFixed(0)},${p.y.toFixed(0)}`).join("; ")}), off screen: ${off.map((p) => p.name).join(", ")}`);
  assert.ok(on.length >= 4, "the Brazilian places are on screen");
  assert.ok(off.some((p) => /Baghdad/.test(p.name)), "Baghdad is left out of the first view");
  const xs = on.map((p) => p.x);
  const ys = on.map((p) => p.y);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  // 100 px is where places read as a pile (layout::PILE_PX).
  assert.ok(extent > 100, `the rest spread over the map (${extent.toFixed(0)} px), not a pile`);
  await page.getByTestId("map-outside").click();
  const all = await pos();
  const inAll = all.filter((p) => on.some((q) => q.id === p.id));
  const extentAll = Math.max(
    Math.max(...inAll.map((p) => p.x)) - Math.min(...inAll.map((p) => p.x)),
    Math.max(...inAll.map((p) => p.y)) - Math.min(...inAll.map((p) => p.y)),
  );
  console.log(`# brazil: the Brazilian places span ${extent.toFixed(0)} px in the first view, ${extentAll.toFixed(0)} px with Baghdad shown`);
  assert.ok(extentAll < extent / 2, "with the far place in view they would have been a pile");
  assert.ok(all.every((p) => p.x > svg.x && p.x < svg.x + svg.width && p.y > svg.y && p.y < svg.y + svg.height), "show all brings every pin on screen");
  await page.screenshot({ path: SCREENSHOTS + "reader-brazil-all-1280.png" });
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Interactive controls cut off horizontally (or of no size) inside `root`. */
const offScreenControls = (page, rootSel, width) =>
  page.evaluate(
    ({ rootSel, width }) => {
      const roots = [document];
      for (const el of document.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
      const out = [];
      for (const r of roots) {
        const root = r.querySelector(rootSel);
        if (!root) continue;
        const box = root.getBoundingClientRect();
        for (const c of root.querySelectorAll(".toolbar button, .toolbar select, .toolbar .btn, .legend button, .map-ctl button")) {
          if (c.closest("dialog") || c.closest(".visually-hidden")) continue;
          const b = c.getBoundingClientRect();
          if (getComputedStyle(c).display === "none") continue;
          if (b.width < 1 || b.left < box.left - 1 || b.right > Math.min(box.right, width) + 1) out.push(`${c.textContent.trim() || c.getAttribute("aria-label")} @ ${b.left.toFixed(0)}–${b.right.toFixed(0)}`);
        }
      }
      return out;
    },
    { rootSel, width },
  );

test("on a 390 px phone and in a 560 px element every control is on screen", async () => {
  const phone = await openPage(ctx, "/", { width: 390, height: 844 });
  await ready(phone);
  assert.deepEqual(await offScreenControls(phone, ".atlas", 390), [], "phone: every control visible");
  await paste(phone, ENGLISH);
  assert.deepEqual(await offScreenControls(phone, ".atlas", 390), [], "phone, English: every control visible");
  await phone.screenshot({ path: SCREENSHOTS + "reader-phone-390.png" });
  assert.deepEqual(phone.errors, []);
  await phone.close();

  const demo = await openPage(ctx, "/demo.html", { width: 1280, height: 900 });
  await demo.evaluate(() => {
    for (const id of ["left", "right"]) document.getElementById(id).style.width = "560px";
  });
  await demo.locator('[data-testid="atlas-left"] [data-testid="article-title"]').waitFor({ timeout: 30000 });
  await demo.locator('[data-testid="atlas-right"] [data-testid="article-title"]').waitFor({ timeout: 30000 });
  await demo.waitForTimeout(300);
  assert.deepEqual(await offScreenControls(demo, ".atlas", 1280), [], "560 px elements: every control visible");
  await demo.locator("#left").screenshot({ path: SCREENSHOTS + "reader-element-560-ar.png" });
  await demo.locator("#right").screenshot({ path: SCREENSHOTS + "reader-element-560-en.png" });
  assert.deepEqual(demo.errors, []);
  await demo.close();
});

test("before the wasm has loaded the page shows its title and a loading state", async () => {
  const page = await ctx.browser.newPage();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/pkg/article_atlas_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(ctx.base + "/");
  const loading = page.getByTestId("page-loading");
  await loading.waitFor({ state: "visible", timeout: 5000 });
  assert.match(await loading.textContent(), /article-atlas/);
  assert.match(await loading.textContent(), /Loading/);
  await page.screenshot({ path: SCREENSHOTS + "reader-loading-1280.png" });
  release();
  await ready(page);
  assert.equal(await page.getByTestId("page-loading").count(), 0, "the loading note goes once the app is up");
  await page.close();
});

function get(path, headers = {}) {
  const { port } = new URL(ctx.base);
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

test("the server sends compressed files with Content-Encoding, Vary and revalidation", async () => {
  const raw = readFileSync("dist/pkg/article_atlas_bg.wasm");
  const br = await get("/pkg/article_atlas_bg.wasm", { "accept-encoding": "gzip, deflate, br" });
  assert.equal(br.status, 200);
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.match(br.headers.vary, /Accept-Encoding/);
  assert.match(br.headers["cache-control"], /no-cache/);
  assert.ok(br.headers.etag);
  assert.deepEqual(brotliDecompressSync(br.body), raw);
  const gz = await get("/pkg/article_atlas_bg.wasm", { "accept-encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(gz.body), raw);
  const plain = await get("/pkg/article_atlas_bg.wasm");
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.body.length, raw.length);
  const again = await get("/pkg/article_atlas_bg.wasm", { "accept-encoding": "br", "if-none-match": br.headers.etag });
  assert.equal(again.status, 304);
  console.log(`# wasm: ${raw.length} bytes raw, ${br.body.length} brotli, ${gz.body.length} gzip as served`);
  assert.ok(br.body.length < raw.length / 2);
});

test("the timeline explains itself: no empty axis, undated items say so, no label under an arrow, no duplicates", async () => {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const page = await openPage(ctx, "/", { width: w, height: h });
    await ready(page);
    for (const d of [{ from: "default", article: null }, ...DOCS, { from: "english", article: ENGLISH }, { from: "brazil", article: BRAZIL }]) {
      if (d.article) await paste(page, d.article);
      const t = await page.evaluate(() => {
        const box = document.querySelector('[data-testid="timeline"]');
        const items = [...box.querySelectorAll('[data-testid="timeline-event"]')];
        const rects = (sel) => [...box.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
        const arrows = rects(".ev-arrow, .ev-head, .ev-dot, .ev-span");
        const labels = rects(".ev-label, .ev-sub");
        let covered = 0;
        for (const l of labels)
          for (const a of arrows) if (a.left < l.right - 1 && l.left < a.right - 1 && a.top < l.bottom - 1 && l.top < a.bottom - 1) covered++;
        return {
          items: items.length,
          names: items.map((e) => e.getAttribute("aria-label")),
          undated: items.filter((e) => ["before", "upcoming", "undated"].includes(e.dataset.mark)).map((e) => e.textContent),
          dated: items.filter((e) => ["day", "span"].includes(e.dataset.mark)).length,
          axis: box.querySelectorAll(".axis").length,
          ticks: box.querySelectorAll(".tick").length,
          note: box.querySelector(".timeline-note")?.textContent ?? null,
          covered,
        };
      });
      const label = `${w}px ${d.from}`;
      console.log(`# ${label}: ${t.items} items (${t.dated} dated), axis ${t.axis}, note ${JSON.stringify(t.note)}`);
      if (t.dated === 0) {
        assert.equal(t.axis + t.ticks, 0, `${label}: no axis without a dated event`);
        assert.ok(t.note, `${label}: the timeline says why it has no axis`);
      }
      for (const u of t.undated) assert.match(u, /before publication|upcoming|date unknown|قبل النشر|مرتقب|تاريخ غير معروف/, `${label}: an undated item reads as undated`);
      assert.equal(t.covered, 0, `${label}: no mark covers a label`);
      assert.equal(new Set(t.names).size, t.names.length, `${label}: no event listed twice`);
    }
    await page.screenshot({ path: SCREENSHOTS + `reader-timeline-${w}.png`, fullPage: w < 500 });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("input errors in the interface language; an empty paste says so; a bad input keeps the article", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  const title = await page.getByTestId("article-title").textContent();
  const banner = () => page.getByTestId("error-message").textContent();
  await paste(page, "   ");
  await page.getByTestId("error-banner").waitFor();
  assert.match(await banner(), /فارغ/, "Arabic interface: the empty paste is reported in Arabic");
  await page.getByTestId("lang-en").click();
  assert.match(await banner(), /empty/, "switching the interface language switches the message");
  await paste(page, '{"title": "x", "body": ');
  assert.match(await banner(), /could not be read as an article \(line 1, column \d+\)/);
  await paste(page, '{"title": "Only a title"}');
  assert.match(await banner(), /has no text/);
  await page.getByTestId("lang-ar").click();
  assert.match(await banner(), /بلا نص/);
  // a body of the wrong type is a wrong value, not a missing text
  await paste(page, '{"title": "x", "body": 5}');
  assert.match(await banner(), /نوع خاطئ: body/);
  assert.doesNotMatch(await banner(), /بلا نص/);
  assert.equal(await page.getByTestId("article-title").textContent(), title, "the article stays on screen");
  await page.getByTestId("file-input").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from([0xff, 0xfe, 0x00, 0x41]) });
  await page.waitForFunction(() => /UTF-8/.test(document.querySelector('[data-testid="error-message"]')?.textContent ?? ""));
  assert.equal(await page.getByTestId("article-title").textContent(), title);
  await page.screenshot({ path: SCREENSHOTS + "reader-error-ar-1280.png" });
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** Serious and critical axe-core violations in the page, or only inside the elements `include` names. */
async function axe(page, include) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(sel ? { include: sel.map((s) => [s]) } : document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0]?.html.slice(0, 140)}`);
  }, include);
}

test("axe-core: no serious or critical violation on the default page, an English article and the embeds", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  assert.deepEqual(await axe(page), [], "default page");
  await page.locator('[data-testid="map-pin"]').first().focus();
  assert.deepEqual(await axe(page), [], "default page with a focused pin and its card");
  await paste(page, ENGLISH);
  assert.deepEqual(await axe(page), [], "English article");
  await page.close();
  const embed = await openPage(ctx, "/embed.html");
  await ready(embed);
  assert.deepEqual(await axe(embed), [], "embed.html");
  await embed.close();
  const demo = await openPage(ctx, "/demo.html");
  await demo.locator('[data-testid="atlas-left"] [data-testid="article-title"]').waitFor({ timeout: 30000 });
  await demo.locator('[data-testid="atlas-right"] [data-testid="article-title"]').waitFor({ timeout: 30000 });
  // The demo's host page is hostile on purpose (yellow and magenta): only the elements are ours.
  assert.deepEqual(await axe(demo, ["#left", "#right"]), [], "two <article-atlas> elements");
  await demo.close();
});

test("skip links reach the map and the timeline; a focused pin shows a clear ring", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "skip-map", "the first Tab lands on the skip link");
  assert.ok((await page.getByTestId("skip-map").boundingBox()).width > 20, "the focused skip link is visible");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.matches("svg.map")), true, "Enter moves focus to the map");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "map-pin", "the next Tab is a pin");
  const ring = await page.evaluate(() => {
    const halo = getComputedStyle(document.activeElement.querySelector(".pin-halo"));
    return { opacity: halo.opacity, stroke: halo.stroke, width: parseFloat(halo.strokeWidth) };
  });
  await page.waitForTimeout(300); // the halo fades in
  const ringNow = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector(".pin-halo")).opacity);
  assert.equal(ringNow, "1");
  assert.notEqual(ring.stroke, "none");
  assert.ok(ring.width >= 2, JSON.stringify(ring));
  await page.screenshot({ path: SCREENSHOTS + "reader-pin-focus-1280.png" });
  await page.reload();
  await ready(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "skip-timeline");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "timeline", "Enter moves focus to the timeline");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the address bar is written once a map gesture ends, not on every move", async () => {
  const page = await ctx.browser.newPage();
  await page.addInitScript(() => {
    window.__writes = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...a) => {
      window.__writes++;
      return replace(...a);
    };
  });
  await page.goto(ctx.base + "/");
  await ready(page);
  await paste(page, ENGLISH);
  await page.waitForTimeout(200);
  // counts read as English: "1 mention", "3 mentions"
  const counts = await page.$$eval(".e-count", (els) => els.map((e) => [e.textContent.trim(), e.title]));
  assert.ok(counts.some(([n]) => n === "1"), JSON.stringify(counts));
  for (const [n, title] of counts) assert.equal(title, n === "1" ? "1 mention" : `${n} mentions`);
  // English lists of names use the English comma (timeline participants, authors)
  for (const id of ["timeline", "article"]) {
    const text = await page.getByTestId(id).first().textContent();
    assert.ok(!text.includes("،"), `${id}: ${text.slice(0, 200)}`);
  }
  assert.match(await page.getByTestId("timeline").first().textContent(), /\w, /);
  const before = await page.evaluate(() => window.__writes);
  const box = await page.locator("svg.map").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, box.y + box.height / 2 + 60, { steps: 40 });
  const during = (await page.evaluate(() => window.__writes)) - before;
  await page.mouse.up();
  await page.waitForTimeout(100);
  const drag = (await page.evaluate(() => window.__writes)) - before;
  // One wheel gesture: 20 steps in a row (dispatched at once, so a busy
  // machine cannot turn it into two gestures with a pause between).
  await page.evaluate(({ x, y }) => {
    const map = document.querySelector("svg.map");
    for (let i = 0; i < 20; i++) map.dispatchEvent(new WheelEvent("wheel", { deltaY: -40, clientX: x, clientY: y, bubbles: true, cancelable: true }));
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await page.waitForTimeout(600);
  const wheel = (await page.evaluate(() => window.__writes)) - before - drag;
  console.log(`# address bar writes: ${during} during a 40-step drag, ${drag} after it, ${wheel} for 20 wheel steps`);
  assert.equal(during, 0, "nothing written while dragging");
  assert.equal(drag, 1, "one write when the drag ends");
  assert.equal(wheel, 1, "one write when the wheel stops");
  assert.match(page.url(), /#v1\./);
  // The pasted article travels in the link in a frame of its own, compressed
  // once: selecting, filtering and moving the map re-encode only the view.
  const encodes = () => page.evaluate(async () => (await import("/pkg/article_atlas.js")).linkArticleEncodes());
  const articleFrame = () => new URL(page.url()).hash.split(".")[2];
  const frame = articleFrame();
  assert.ok(frame && frame.length > 200, "the article's own frame follows the view's");
  const encoded = await encodes();
  await page.locator('[data-testid="entity-item"]').first().click();
  await page.locator('[data-testid="type-toggle"][data-entity-type="date"]').click();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  assert.notEqual(await page.evaluate(() => location.hash), "", "the view changed the link");
  assert.equal(articleFrame(), frame, "the article's frame is unchanged");
  assert.equal(await encodes(), encoded, "the article was not compressed again");
  await page.close();
});
