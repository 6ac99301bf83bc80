// The interactive view (issue 6): highlights, pins, timeline and entity list
// on the default article and on two more (English and Arabic), all linked by
// one selection; filters; keyboard-only use; screenshots; first render time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, settled, SCREENSHOTS } from "./harness.mjs";

const here = (p) => new URL(p, import.meta.url).pathname;
const ENGLISH = here("./articles/amman-ministers.json");
const ARABIC = here("./articles/baghdad-visit.json");
const EXPORTED = here("./fixtures/analysis-default.json");
const NATIONALITY = here("./articles/nationality-words.json");
const TYPES = ["person", "organization", "place", "date", "event"];

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

async function ready(page) {
  await page.getByTestId("article-title").waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.documentElement.dataset.atlasReady, null, { timeout: 30000 });
  // late assets (tagger, gazetteer shards) update the analysis in place: wait for them
  await page.waitForFunction(() => ["complete", "unregistered"].includes(document.documentElement.dataset.atlasAssets), null, { timeout: 30000 });
}

async function loadFile(page, path) {
  const title = JSON.parse(readFileSync(path, "utf8")).title;
  await page.getByTestId("file-input").setInputFiles(path);
  await page.waitForFunction((t) => document.querySelector('[data-testid="article-title"]')?.textContent.trim() === t.trim(), title);
  await settled(page);
}

async function loadPaste(page, path) {
  const text = readFileSync(path, "utf8");
  const title = JSON.parse(text).title;
  await page.getByTestId("paste-open").click();
  await page.getByTestId("paste-text").fill(text);
  await page.getByTestId("paste-submit").click();
  await page.waitForFunction((t) => document.querySelector('[data-testid="article-title"]')?.textContent.trim() === t.trim(), title);
  await settled(page);
}

const count = (page, sel) => page.locator(sel).count();
const pressed = (page, sel) => page.locator(`${sel}[aria-pressed="true"]`).count();
const ids = (page, sel, attr) => page.locator(sel).evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attr);

/** Structure every article view has, whatever the analysis found. */
async function checkStructure(page, label) {
  const mentions = await page.getByTestId("mention").evaluateAll((els) =>
    els.map((e) => ({ type: e.dataset.entityType, id: e.dataset.entityId, text: e.textContent })),
  );
  for (const m of mentions) {
    assert.ok(TYPES.includes(m.type), `${label}: mention type ${m.type}`);
    assert.ok(m.id, `${label}: mention has an entity id`);
    assert.ok(m.text.trim().length > 0, `${label}: mention has text`);
  }
  const entityIds = new Set(await ids(page, '[data-testid="entity-item"]', "data-entity-id"));
  const entityMentionIds = mentions.filter((m) => m.type !== "event" && m.type !== "date").map((m) => m.id);
  for (const id of entityMentionIds) assert.ok(entityIds.has(id), `${label}: mention ${id} is in the entity list`);
  const placeIds = new Set(await ids(page, '[data-testid="entity-item"][data-entity-type="place"]', "data-entity-id"));
  for (const id of await ids(page, '[data-testid="map-pin"]', "data-entity-id")) {
    assert.ok(placeIds.has(id), `${label}: pin ${id} is a listed place`);
  }
  assert.equal(await count(page, ".map-box svg.map"), 1, `${label}: map drawn`);
  // A timeline, or (with no event at all) a note saying so instead of an empty axis.
  assert.equal((await count(page, "svg.timeline")) + (await count(page, '[data-testid="timeline-empty"]')), 1, `${label}: timeline drawn`);
  return mentions;
}

/** Clicking an entity's mention selects it everywhere; Escape clears. */
async function checkEntitySelection(page, type, label) {
  const first = page.locator(`[data-testid="mention"][data-entity-type="${type}"]`).first();
  const id = await first.getAttribute("data-entity-id");
  await first.click();
  const all = await count(page, `[data-testid="mention"][data-entity-id="${id}"]`);
  const lit = await count(page, `[data-testid="mention"][data-entity-id="${id}"].lit`);
  assert.ok(all >= 1 && lit === all, `${label}: all ${all} mentions of ${id} are lit (${lit})`);
  assert.equal(await count(page, `[data-testid="mention"].lit:not([data-entity-id="${id}"])`), 0, `${label}: only ${id} lit`);
  assert.equal(await pressed(page, `[data-testid="entity-item"][data-entity-id="${id}"]`), 1, `${label}: list item selected`);
  if (type === "place" && (await count(page, `[data-testid="map-pin"][data-entity-id="${id}"]`))) {
    assert.equal(await pressed(page, `[data-testid="map-pin"][data-entity-id="${id}"]`), 1, `${label}: pin lit`);
  }
  await page.keyboard.press("Escape");
  assert.equal(await count(page, '[data-testid="mention"].lit'), 0, `${label}: Escape clears`);
  return id;
}

/** The first pin whose dot is not covered by another pin. */
const clickablePin = (page) =>
  page.evaluate(() => {
    for (const g of document.querySelectorAll('[data-testid="map-pin"]')) {
      const r = g.querySelector(".pin-dot").getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      if (hit && g.contains(hit)) return g.dataset.entityId;
    }
    return null;
  });

async function checkPin(page, label) {
  const id = await clickablePin(page);
  assert.ok(id, `${label}: some pin can be clicked`);
  const pin = page.locator(`[data-testid="map-pin"][data-entity-id="${id}"]`);
  await pin.locator(".pin-dot").click();
  assert.equal(await pin.getAttribute("aria-pressed"), "true", `${label}: pin selected`);
  assert.equal(await pressed(page, `[data-testid="entity-item"][data-entity-id="${id}"]`), 1, `${label}: pin's place selected in list`);
  const ms = await count(page, `[data-testid="mention"][data-entity-id="${id}"]`);
  assert.equal(await count(page, `[data-testid="mention"][data-entity-id="${id}"].lit`), ms, `${label}: pin's mentions lit`);
  await page.keyboard.press("Escape");
  assert.equal(await pin.getAttribute("aria-pressed"), "false");
}

async function checkEvent(page, label) {
  const ev = page.getByTestId("timeline-event").first();
  const id = await ev.getAttribute("data-event-id");
  await ev.locator(".ev-dot, .ev-span, .ev-head").first().click();
  assert.equal(await ev.getAttribute("aria-pressed"), "true", `${label}: event selected`);
  const sentence = await page.locator(".article .sent.lit, .article .mention.in-sent, .article .mention.lit").allTextContents();
  assert.ok(sentence.join("").trim().length > 0, `${label}: event ${id} lights its sentence`);
  await page.keyboard.press("Escape");
  assert.equal(await ev.getAttribute("aria-pressed"), "false");
}

/** A type toggle hides that type's highlights, pins and events, and shows them again. */
async function checkFilters(page, label) {
  for (const type of TYPES) {
    const toggle = page.locator(`[data-testid="type-toggle"][data-entity-type="${type}"]`);
    if (!(await toggle.count())) continue;
    const visible = await count(page, `[data-testid="mention"][data-entity-type="${type}"]:not([data-hidden])`);
    const pins = await count(page, '[data-testid="map-pin"]');
    const events = await count(page, '[data-testid="timeline-event"]');
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    assert.equal(await count(page, `[data-testid="mention"][data-entity-type="${type}"]:not([data-hidden])`), 0, `${label}: ${type} hidden`);
    if (type === "place") assert.equal(await count(page, '[data-testid="map-pin"]'), 0, `${label}: pins hidden`);
    if (type === "event") assert.equal(await count(page, '[data-testid="timeline-event"]'), 0, `${label}: events hidden`);
    await toggle.click();
    assert.equal(await count(page, `[data-testid="mention"][data-entity-type="${type}"]:not([data-hidden])`), visible, `${label}: ${type} shown`);
    assert.equal(await count(page, '[data-testid="map-pin"]'), pins);
    assert.equal(await count(page, '[data-testid="timeline-event"]'), events);
  }
}

/** Tab reaches a mention and an entity item; Enter selects; Escape clears. */
async function checkKeyboard(page, label) {
  await page.locator("body").click({ position: { x: 2, y: 2 } });
  await page.keyboard.press("Escape");
  for (const testid of ["mention", "entity-item"]) {
    let found = false;
    for (let i = 0; i < 120 && !found; i++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate((t) => document.activeElement?.dataset?.testid === t, testid);
    }
    assert.ok(found, `${label}: Tab reaches a ${testid}`);
    const id = await page.evaluate(() => document.activeElement.dataset.entityId);
    const visible = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    });
    assert.ok(visible, `${label}: focus on a ${testid} is visible`);
    await page.keyboard.press("Enter");
    assert.ok((await count(page, `[data-entity-id="${id}"][aria-pressed="true"]`)) >= 1, `${label}: Enter selects ${id}`);
    await page.keyboard.press("Escape");
    assert.equal(await count(page, '[data-testid="mention"][aria-pressed="true"], [data-testid="entity-item"][aria-pressed="true"]'), 0);
  }
}

async function fullCheck(page, label, { requireTypes = [] } = {}) {
  const mentions = await checkStructure(page, label);
  const types = new Set(mentions.map((m) => m.type));
  for (const t of requireTypes) assert.ok(types.has(t), `${label}: has ${t} highlights`);
  const summary = {
    mentions: mentions.length,
    types: [...types].sort().join(","),
    entities: await count(page, '[data-testid="entity-item"]'),
    pins: await count(page, '[data-testid="map-pin"]'),
    events: await count(page, '[data-testid="timeline-event"]'),
  };
  console.log(`# ${label}: ${JSON.stringify(summary)}`);
  for (const t of ["person", "organization", "place"]) if (types.has(t)) await checkEntitySelection(page, t, label);
  if (summary.pins) await checkPin(page, label);
  if (summary.events) await checkEvent(page, label);
  await checkFilters(page, label);
  if (summary.mentions) await checkKeyboard(page, label);
  return summary;
}

test("default article: highlights, pins, timeline, list, linked selection, filters, keyboard", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  assert.equal(await page.locator(".atlas").getAttribute("dir"), "rtl", "Arabic article → Arabic interface");
  await page.screenshot({ path: SCREENSHOTS + "view-default-1280.png" });
  const s = await fullCheck(page, "default", { requireTypes: ["person", "place"] });
  assert.ok(s.pins >= 1 && s.entities >= 3, "default article has places and entities");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("default article on a phone: stacked layout", async () => {
  const page = await openPage(ctx, "/", { width: 390, height: 844 });
  await ready(page);
  const [text, map] = await Promise.all([
    page.locator(".panel-text").boundingBox(),
    page.locator(".map-box").boundingBox(),
  ]);
  assert.ok(map.y >= text.y + text.height - 1, "map below the text");
  assert.ok(map.width <= 390 && map.width > 300, "map fills the width");
  await page.screenshot({ path: SCREENSHOTS + "view-default-390.png" });
  await page.screenshot({ path: SCREENSHOTS + "view-default-390-full.png", fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("English article pasted: left-to-right, English interface, same behaviour", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await loadPaste(page, ENGLISH);
  assert.equal(await page.locator(".atlas").getAttribute("dir"), "ltr");
  assert.equal(await page.getByTestId("article").getAttribute("dir"), "ltr");
  await page.screenshot({ path: SCREENSHOTS + "view-english-1280.png" });
  await fullCheck(page, "english", { requireTypes: ["place"] });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: SCREENSHOTS + "view-english-390.png" });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("second Arabic article from a file", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await loadFile(page, ARABIC);
  assert.equal(await page.getByTestId("article").getAttribute("dir"), "rtl");
  await page.screenshot({ path: SCREENSHOTS + "view-arabic2-1280.png" });
  await fullCheck(page, "arabic-2", { requireTypes: ["place"] });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("nationality words: a lighter mark linked to the country, its pin and its list item", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await loadPaste(page, NATIONALITY);
  const marks = page.locator('[data-testid="mention"][data-form="demonym"]');
  const texts = await marks.allTextContents();
  for (const w of ["السعودي", "الروسي", "الفلسطينيين", "سعودية", "السعودية"]) assert.ok(texts.includes(w), `${w} is a nationality mark: ${texts}`);
  // never a place name of its own: every mark shares the id of a country's entity
  const saudi = page.locator('[data-testid="mention"]:not([data-form])', { hasText: "المملكة العربية السعودية" });
  const saudiId = await saudi.getAttribute("data-entity-id");
  const first = marks.filter({ hasText: /^السعودي$/ }).first();
  assert.equal(await first.getAttribute("data-entity-id"), saudiId, "السعودي links to Saudi Arabia");
  assert.equal(await first.getAttribute("data-entity-type"), "place");
  // lighter: no tint of its own, a dotted underline in the place colour
  // (once the colour transition from the previous article's marks is over)
  await first.evaluate((e) => Promise.all(e.getAnimations().map((a) => a.finished)));
  const style = await first.evaluate((e) => {
    const s = getComputedStyle(e);
    return { bg: s.backgroundColor, border: s.borderBottomStyle };
  });
  assert.equal(style.border, "dotted");
  assert.match(style.bg, /rgba\(0, 0, 0, 0\)|transparent/);
  // selecting it selects the country: the name, every nationality word, the pin and the list item
  await first.click();
  const all = await count(page, `[data-testid="mention"][data-entity-id="${saudiId}"]`);
  assert.ok(all >= 4, `the country has its name and its nationality words: ${all}`);
  assert.equal(await count(page, `[data-testid="mention"][data-entity-id="${saudiId}"].lit`), all);
  assert.equal(await pressed(page, `[data-testid="map-pin"][data-entity-id="${saudiId}"]`), 1, "the country's pin is lit");
  const item = page.locator(`[data-testid="entity-item"][data-entity-id="${saudiId}"]`);
  assert.equal(await item.getAttribute("aria-pressed"), "true");
  assert.match(await item.getByTestId("entity-nationality").textContent(), /السعودي/);
  assert.equal(await item.locator(".e-count").textContent(), String(all), "the list counts the nationality words");
  await page.screenshot({ path: SCREENSHOTS + "nationality-words.png" });
  await page.keyboard.press("Escape");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("an exported analysis: every link between the views", async () => {
  const page = await openPage(ctx, "/");
  await ready(page);
  await loadFile(page, EXPORTED);
  const s = await fullCheck(page, "exported", { requireTypes: ["person", "organization", "place", "event"] });
  assert.equal(s.pins, 7);
  assert.equal(s.events, 3);
  // A person lights its events on the timeline.
  await page.locator('[data-testid="entity-item"][data-entity-id="person:marcel-de-vink"]').click();
  assert.equal(await pressed(page, '[data-testid="timeline-event"][data-event-id="event:1"]'), 1);
  // An event lights its sentence, place and participants.
  await page.locator('[data-testid="timeline-event"][data-event-id="event:1"] .ev-span').click();
  const sentence = (await page.locator(".article .sent.lit, .article .mention.in-sent, .article .mention.lit").allTextContents()).join("");
  assert.match(sentence, /اجتماع عقده/);
  assert.equal(await pressed(page, '[data-testid="map-pin"][data-entity-id="place:the-hague"]'), 1);
  assert.equal(await count(page, '[data-testid="mention"][data-entity-id="person:ian-mccary"].lit'), 1);
  // Hover previews without selecting, and shows the card with both names.
  await page.keyboard.press("Escape");
  await page.locator('[data-testid="map-pin"][data-entity-id="place:the-hague"] .pin-dot').hover();
  await page.getByTestId("card").waitFor();
  assert.match(await page.getByTestId("card").textContent(), /The Hague/);
  assert.equal(await count(page, '[aria-pressed="true"][data-entity-id]'), 0, "hover does not select");
  assert.equal(await count(page, ".mention.pre"), await count(page, '[data-testid="mention"][data-entity-id="place:the-hague"]'));
  // Map controls: zoom and reset change and restore the pin positions.
  const pin = page.locator('[data-testid="map-pin"][data-entity-id="place:the-hague"]');
  const before = await pin.getAttribute("transform");
  await page.getByTestId("zoom-in").click();
  assert.notEqual(await pin.getAttribute("transform"), before);
  await page.getByTestId("map-reset").click();
  assert.equal(await pin.getAttribute("transform"), before);
  // Drag pans.
  const box = await page.locator("svg.map").boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await pin.getAttribute("transform"), before);
  await page.getByTestId("map-reset").click();
  await page.locator('[data-testid="entity-item"][data-entity-id="person:marcel-de-vink"]').click();
  await page.screenshot({ path: SCREENSHOTS + "view-exported-selected-1280.png" });
  await page.getByTestId("lang-en").click();
  assert.equal(await page.locator(".atlas").getAttribute("dir"), "ltr");
  await page.screenshot({ path: SCREENSHOTS + "view-exported-en-ui-1280.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: SCREENSHOTS + "view-exported-390-full.png", fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("first render of the default article (median of 5 loads)", async () => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const page = await openPage(ctx, "/");
    await ready(page);
    times.push(Number(await page.evaluate(() => document.documentElement.dataset.atlasReady)));
    assert.deepEqual(page.errors, []);
    await page.close();
  }
  times.sort((a, b) => a - b);
  const median = times[2];
  console.log(`# first render (navigation start → map and timeline drawn): median ${median.toFixed(1)} ms of [${times.map((t) => t.toFixed(0)).join(", ")}]`);
  assert.ok(Number.isFinite(median));
});
