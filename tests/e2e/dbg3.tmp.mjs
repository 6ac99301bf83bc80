import { start, openPage } from "./harness.mjs";
const ctx = await start();
const page = await openPage(ctx, "/demo.html");
await page.waitForTimeout(4000);
console.log(await page.evaluate(() => {
  const el = document.querySelector('[data-testid="atlas-left"]');
  const root = el.shadowRoot;
  const f = root?.querySelector(".atlas-frame"), a = root?.querySelector(".atlas"), h = root?.querySelector("h1"), l = root?.querySelector(".layout"), p = root?.querySelector(".panel-text");
  const r = (x) => x && JSON.stringify(x.getBoundingClientRect());
  return { frame: r(f), atlas: r(a), layout: r(l), text: r(p), h1: r(h), vis: h && getComputedStyle(h).visibility, disp: p && getComputedStyle(p).display };
}));
await page.screenshot({ path: "/tmp/demo.png" });
console.log(page.errors);
await ctx.close();
