import { start, openPage } from "./harness.mjs";
const ctx = await start();
const page = await openPage(ctx, "/");
await page.waitForFunction(() => document.documentElement.dataset.atlasReady);
console.log(await page.evaluate(() => {
  const svg = document.querySelector("svg.timeline");
  const box = document.querySelector(".timeline-box");
  const evs = [...document.querySelectorAll(".tl-event")].map(g => { const t = g.querySelector(".ev-label"); const b = t.getBBox(); return [g.dataset.eventId, t.getAttribute("x"), t.getAttribute("text-anchor"), b.x, b.width, t.textContent]; });
  return { vb: svg.getAttribute("viewBox"), cw: box.clientWidth, sw: svg.getBoundingClientRect().width, evs };
}));
await ctx.close();
