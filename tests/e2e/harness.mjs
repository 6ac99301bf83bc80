// Shared set-up for end-to-end tests: serves dist/ on loopback and drives
// Debian's Chromium through playwright-core. Each test gets a fresh context.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";

export const SCREENSHOTS = new URL("./screenshots/", import.meta.url).pathname;
mkdirSync(SCREENSHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts the static server and the browser; returns { base, browser, close }. */
export async function start({ csp = false, dir = "dist" } = {}) {
  const server = await serve(dir, 0, "127.0.0.1", { csp });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "atlas-chrome-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Opens a page that records console errors and page errors into `errors`. */
export async function openPage(ctx, url, { width = 1280, height = 800 } = {}) {
  const page = await ctx.browser.newPage();
  await page.setViewportSize({ width, height });
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.errors = errors;
  await page.goto(url.startsWith("http") ? url : ctx.base + url);
  return page;
}

/**
 * Waits until the late data an article asked for has arrived and been
 * folded in (the analysis on screen is final), then for two frames. A new
 * article starts its fetches before its title is drawn, so call this after
 * waiting for the title.
 */
export async function settled(page, timeout = 30000) {
  await page.waitForFunction(() => ["complete", "unregistered"].includes(document.documentElement.dataset.atlasAssets), null, { timeout });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
