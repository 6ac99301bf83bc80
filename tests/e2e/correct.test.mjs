// The reader's correction of a place, end to end: the selected place lists
// its runner-up candidates; picking one moves the pin, the entity list and
// the exports; the fix travels in a copied link to a fresh browser; the way
// back restores the analysed place; a search of the gazetteer fetches the
// shard a name lives in and offers its places.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage, settled, SCREENSHOTS } from "./harness.mjs";

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

// A US local story whose "Georgia" a reader may want on the state, not the
// country (or the other way round): whichever the analysis picks, the other
// is a candidate.
const STORY = {
  title: "Storm closes schools in Georgia",
  lang: "en",
  body: [
    "Heavy rain and high winds hit Georgia on Monday, officials said, closing schools and cutting power to thousands of homes.",
    "Emergency crews worked through the night, and officials said the roads would reopen on Wednesday.",
  ],
};

async function ready(page) {
  await page.getByTestId("article-title").first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => window.atlas && window.atlas.getAnalysis());
  await page.waitForFunction(() => document.documentElement.dataset.atlasAssets === "complete", null, { timeout: 20000 });
}

const georgia = (page) =>
  page.evaluate(() => window.atlas.getAnalysis().entities.find((e) => e.type === "place" && /Georgia|جورجيا/.test(e.names.en ?? e.name)));

/** The pin's drawn position and label for an entity id. */
const pin = (page, id) =>
  page.evaluate((id) => {
    const p = document.querySelector(`[data-testid="map-pin"][data-entity-id="${id}"]`);
    return p && { lat: Number(p.dataset.lat), lon: Number(p.dataset.lon), label: p.getAttribute("aria-label") };
  }, id);

test("a reader moves a wrong pin to a candidate; it travels in the link and can be undone", async () => {
  await ctx.browser.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ctx.base });
  const page = await openPage(ctx, "/");
  await ready(page);
  await page.evaluate((a) => window.atlas.setArticle(JSON.stringify(a)), STORY);
  await page.getByTestId("article-title").filter({ hasText: "Storm" }).waitFor();
  await settled(page); // the state's shard arrives after the article is on screen
  const before = await georgia(page);
  assert.ok(before?.candidates?.length > 0, JSON.stringify(before));
  const target = before.candidates[0];
  const pinBefore = await pin(page, before.id);
  assert.ok(pinBefore, "Georgia has a pin");

  await page.locator(`[data-testid="entity-item"][data-entity-id="${before.id}"]`).click();
  const choice = page.locator(`[data-testid="place-candidate"][data-place-id="${target.id}"]`);
  await choice.waitFor();
  await page.screenshot({ path: SCREENSHOTS + "correct-candidates-1280.png" });
  await choice.click();

  // the entity keeps its id and moves: analysis, pin, list, exports
  await page.waitForFunction((id) => window.atlas.getAnalysis().entities.find((e) => e.id === id)?.corrected, before.id);
  const after = await georgia(page);
  assert.equal(after.id, before.id, "ids do not change with a correction");
  assert.deepEqual([after.lat, after.lon, after.gazetteer_id], [target.lat, target.lon, target.id]);
  assert.equal(after.candidates[0].id, before.gazetteer_id, "the analysed choice is offered back");
  const pinAfter = await pin(page, before.id);
  assert.deepEqual([pinAfter.lat, pinAfter.lon], [target.lat, target.lon], "the pin moved");
  assert.deepEqual([pinBefore.lat, pinBefore.lon], [before.lat, before.lon]);
  assert.deepEqual(await page.evaluate(() => window.atlas.getView().selected), { kind: "entity", id: before.id }, "still selected");
  const geo = JSON.parse(await page.evaluate(async () => (await import("/pkg/article_atlas.js")).toGeoJSON(window.atlas.getAnalysis())));
  const feature = geo.features.find((f) => f.properties.id === before.id);
  assert.deepEqual(feature.geometry.coordinates, [target.lon, target.lat]);
  assert.equal(feature.properties.corrected, true);
  await page.getByTestId("place-undo").waitFor();
  await page.screenshot({ path: SCREENSHOTS + "correct-moved-1280.png" });

  // the link carries the fix (two ids) and opens it in a fresh browser
  await page.getByTestId("copy-link").first().click();
  const field = page.getByTestId("share-link-field").first();
  await field.waitFor();
  const link = await field.inputValue();
  const fresh = await start();
  try {
    const url = new URL(link);
    const other = await openPage(fresh, fresh.base + url.pathname + url.search + url.hash);
    await ready(other);
    const opened = await georgia(other);
    assert.deepEqual([opened.id, opened.lat, opened.lon, opened.corrected], [before.id, target.lat, target.lon, true]);
    assert.ok(await pin(other, before.id), "the moved pin is drawn");
    await other.getByTestId("place-undo").waitFor();
    assert.deepEqual(other.errors, []);
  } finally {
    await fresh.close();
  }

  // the way back is the analysis as it was, and the link loses the fix
  await page.getByTestId("place-undo").click();
  await page.waitForFunction((id) => !window.atlas.getAnalysis().entities.find((e) => e.id === id)?.corrected, before.id);
  const back = await georgia(page);
  assert.deepEqual([back.lat, back.lon, back.gazetteer_id], [before.lat, before.lon, before.gazetteer_id]);
  assert.deepEqual(await page.evaluate(() => window.atlas.getView().places ?? []), []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("a place search offers every place of that name, fetching the shard it lives in when needed", async () => {
  // open the short story alone (a link carrying it), so that few shards are loaded
  const first = await openPage(ctx, "/");
  await ready(first);
  const fragment = await first.evaluate(
    async (a) => (await import("/pkg/article_atlas.js")).encodeShareLink(undefined, JSON.stringify(a), undefined),
    STORY,
  );
  await first.close();
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const shards = new Set();
  page.on("request", (r) => {
    const m = r.url().match(/\/(gaz-\d+)\.[0-9a-f]+\.tsv$/);
    if (m) shards.add(m[1]);
  });
  await page.goto(ctx.base + "/#" + fragment);
  await ready(page);
  const loaded = shards.size;
  const place = await georgia(page);
  await page.locator(`[data-testid="entity-item"][data-entity-id="${place.id}"]`).click();
  await page.getByTestId("place-search").fill("Springfield");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="place-result"]').length >= 2, null, { timeout: 10000 });
  console.log(`# gazetteer shards: ${loaded} for the story, ${shards.size} after searching "Springfield"`);
  const results = await page.$$eval('[data-testid="place-result"]', (els) => els.map((e) => e.textContent));
  assert.ok(results.every((r) => r.includes("Springfield")), JSON.stringify(results));
  assert.ok(results.some((r) => r.includes("US")), JSON.stringify(results));
  await page.screenshot({ path: SCREENSHOTS + "correct-search-1280.png" });
  await page.getByTestId("place-result").first().click();
  await page.waitForFunction((id) => window.atlas.getAnalysis().entities.find((e) => e.id === id)?.corrected, place.id);
  assert.equal(await page.getByTestId("place-search").inputValue(), "", "the search is cleared after a pick");
  // a name nobody has
  await page.getByTestId("place-search").fill("Qwzxv");
  await page.getByTestId("place-no-result").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
