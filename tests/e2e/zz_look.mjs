import { start, openPage, settled } from "./harness.mjs";
import { realArticles } from "./devarticles.mjs";
import { writeFileSync } from "node:fs";
const ctx = await start();
const page = await openPage(ctx, ctx.base + "/");
await settled(page);
const dump = async (name) => {
  await settled(page);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/look-${name}.png` });
  const title = await page.getByTestId("article-title").innerText();
  const mentions = await page.getByTestId("mention").evaluateAll((ms) => ms.map((m) => `${m.textContent}[${m.className.replace(/\s+/g, " ")}]`));
  const pins = await page.getByTestId("map-pin").evaluateAll((ps) => ps.map((p) => p.getAttribute("aria-label") || p.getAttribute("title") || p.textContent));
  const events = await page.getByTestId("timeline-event").evaluateAll((es) => es.map((e) => e.textContent.trim().slice(0, 80)));
  writeFileSync(`/tmp/look-${name}.txt`, [title, "MENTIONS " + mentions.length, ...mentions, "PINS " + pins.length, ...pins, "EVENTS " + events.length, ...events].join("\n"));
  console.log(name, "mentions", mentions.length, "pins", pins.length, "events", events.length);
};
await dump("default");
// bad input
await page.getByTestId("paste-open").click();
await page.getByTestId("paste-text").fill('{"title": "x", "body": ');
await page.getByTestId("paste-submit").click();
await page.waitForTimeout(800);
await page.screenshot({ path: "/tmp/look-bad.png" });
console.log("error:", await page.getByTestId("error-message").allInnerTexts());
const arts = realArticles(5);
const ar = arts.filter((a) => a.lang === "ar").at(-1), en = arts.filter((a) => a.lang === "en").at(-1);
for (const [name, a] of [["ar", ar], ["en", en]]) {
  await page.getByTestId("file-input").setInputFiles({ name: "a.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(a.article)) });
  await dump(name);
  console.log(name, a.from);
}
await ctx.close?.();
process.exit(0);
