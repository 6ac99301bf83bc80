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
