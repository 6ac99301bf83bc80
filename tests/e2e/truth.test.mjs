// Issue 12: every mark on screen belongs to the article on screen. Real
// articles in both languages are loaded one after another by file, paste
// and drop, in several orders; after each, every pin (id, label, position,
// area), entity row, timeline item, highlight and card equals a fresh page
// opened on that article alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, openPage, settled } from "./harness.mjs";
import { realArticles } from "./devarticles.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

const DOCS = realArticles(3);
const TMP = mkdtempSync(join(tmpdir(), "atlas-truth-"));
const squash = (s) => (s ?? "").replace(/\s+/g, " ").trim();

async function ready(page) {
  await page.getByTestId("article-title").waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.documentElement.dataset.atlasReady, null, { timeout: 30000 });
}

async function waitTitle(page, title) {
  await page.waitForFunction(
    (t) => (document.querySelector('[data-testid="article-title"]')?.textContent ?? "").replace(/\s+/g, " ").trim() === t,
    squash(title),
    { timeout: 20000 },
  );
  // the late data this article asked for (gazetteer shards) updates it in place
  await settled(page);
}

async function byFile(page, doc, i) {
  const path = join(TMP, `article-${i}.json`);
  writeFileSync(path, JSON.stringify(doc.article));
  await page.getByTestId("file-input").setInputFiles(path);
  await waitTitle(page, doc.article.title);
}

async function byPaste(page, doc) {
  await page.getByTestId("paste-open").click();
  await page.getByTestId("paste-text").fill(JSON.stringify(doc.article));
  await page.getByTestId("paste-submit").click();
  await waitTitle(page, doc.article.title);
}

async function byDrop(page, doc, i) {
  await page.evaluate(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: "application/json" }));
      const el = document.querySelector(".atlas");
      el.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { text: JSON.stringify(doc.article), name: `dropped-${i}.json` },
  );
  await waitTitle(page, doc.article.title);
}

/** Everything on screen that comes from the article, in a comparable form. */
async function snapshot(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const all = (sel, f) => [...document.querySelectorAll(sel)].map(f);
    const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    return {
      title: document.querySelector('[data-testid="article-title"]')?.textContent,
      pins: all('[data-testid="map-pin"]', (g) => ({
        id: g.dataset.entityId,
        label: g.querySelector(".pin-label")?.textContent,
        labelShown: !g.querySelector(".pin-label")?.classList.contains("hidden-label"),
        at: g.getAttribute("transform"),
        area: g.querySelector(".pin-area")?.getAttribute("r") ?? null,
        radius: g.querySelector(".pin-dot")?.getAttribute("r"),
        name: g.getAttribute("aria-label"),
      })).sort(byId),
      countries: all(".country.mentioned", (c) => c.getAttribute("d").slice(0, 40)).sort(),
      entities: all('[data-testid="entity-item"]', (e) => `${e.dataset.entityId}|${e.textContent}`),
      events: all('[data-testid="timeline-event"]', (e) => ({
        id: e.dataset.eventId,
        name: e.getAttribute("aria-label"),
        at: e.getAttribute("transform"),
        mark: e.dataset.mark,
        text: e.textContent,
      })).sort(byId),
      ticks: all(".timeline .tick-label", (t) => t.textContent),
      mentions: all('[data-testid="mention"]', (m) => `${m.dataset.entityId}|${m.textContent}`),
    };
  });
}

/** The card of the first pin (hovered), which reads the analysis by id. */
async function pinCard(page) {
  const pin = page.getByTestId("map-pin").first();
  if (!(await pin.count())) return null;
  await pin.dispatchEvent("mouseenter");
  await page.getByTestId("card").waitFor({ timeout: 5000 });
  const text = await page.getByTestId("card").textContent();
  await pin.dispatchEvent("mouseleave");
  return text;
}

async function fresh(doc, i) {
  const page = await ctx.browser.newPage();
  const url = `${ctx.base}/__fresh/${i}.json`;
  await page.route(url, (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(doc.article) }));
  await page.goto(`${ctx.base}/?src=${encodeURIComponent(url)}`);
  await ready(page);
  await waitTitle(page, doc.article.title);
  const snap = await snapshot(page);
  snap.card = await pinCard(page);
  await page.close();
  return snap;
}

test("loading article after article (file, paste, drop; any order) shows exactly what a fresh load shows", async () => {
  assert.ok(DOCS.length >= 4, "at least four articles");
  const expected = [];
  for (const [i, d] of DOCS.entries()) expected.push(await fresh(d, i));
  const pins = expected.reduce((n, s) => n + s.pins.length, 0);
  console.log(`# ${DOCS.length} articles (${DOCS.map((d) => d.from).join("; ")}): ${pins} pins, ${expected.reduce((n, s) => n + s.events.length, 0)} timeline items in fresh loads`);
  assert.ok(pins >= 5, "the articles put pins on the map");

  const page = await openPage(ctx, "/");
  await ready(page);
  const routes = [byFile, byPaste, byDrop];
  // Forward, then backward, then every other one: each article follows several others.
  const order = [...DOCS.keys(), ...[...DOCS.keys()].reverse(), ...[...DOCS.keys()].filter((i) => i % 2 === 0)];
  let compared = 0;
  for (const [step, i] of order.entries()) {
    const how = routes[step % routes.length];
    await how(page, DOCS[i], step);
    const got = await snapshot(page);
    got.card = await pinCard(page);
    const label = `step ${step}: ${DOCS[i].from} by ${how.name}`;
    assert.equal(squash(got.title), squash(expected[i].title), label);
    assert.deepEqual(got.pins, expected[i].pins, `${label}: pins`);
    assert.deepEqual(got.countries, expected[i].countries, `${label}: shaded countries`);
    assert.deepEqual(got.entities, expected[i].entities, `${label}: entity list`);
    assert.deepEqual(got.events, expected[i].events, `${label}: timeline`);
    assert.deepEqual(got.ticks, expected[i].ticks, `${label}: timeline axis`);
    assert.deepEqual(got.mentions, expected[i].mentions, `${label}: highlights`);
    assert.equal(got.card, expected[i].card, `${label}: card`);
    compared += got.pins.length;
  }
  console.log(`# ${order.length} loads in a row, ${compared} pins compared with fresh loads: all equal`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a pin selected in one article does not carry over; selection by id re-reads the new article", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  const withPins = DOCS.filter((d, i) => i < 4);
  await byFile(page, withPins[0], 100);
  const first = page.getByTestId("map-pin").first();
  if (await first.count()) {
    await first.dispatchEvent("click");
    assert.equal(await page.locator('[data-testid="map-pin"][aria-pressed="true"]').count(), 1);
  }
  await byPaste(page, withPins[1]);
  assert.equal(await page.locator('[aria-pressed="true"][data-entity-id], [aria-pressed="true"][data-event-id]').count(), 0, "a new article starts with nothing selected");
  assert.deepEqual(page.errors, []);
  await page.close();
});
