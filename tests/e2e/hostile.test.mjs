// Hostile input in the browser: markup never executes, and every row of
// tests/hostile_cases.json (the table the CLI test runs) goes through the JS
// API and through the page's file input, ending in a result or an error
// message within a bounded time, with the page still usable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, openPage } from "./harness.mjs";

const cases = JSON.parse(readFileSync(new URL("../hostile_cases.json", import.meta.url), "utf8"));
const LIMIT_MS = 60000;

/** The same generators as tests/hostile.rs, producing bytes. */
function generate(gen) {
  const repeatTo = (unit, bytes) => {
    const n = Math.ceil(bytes / Buffer.byteLength(unit));
    return unit.repeat(n);
  };
  switch (gen.kind) {
    case "text":
      return Buffer.from(repeatTo(gen.unit, gen.bytes));
    case "json_body":
      return Buffer.from(JSON.stringify({ title: "t", body: repeatTo(gen.unit, gen.bytes) }));
    case "json_paragraphs":
      return Buffer.from(JSON.stringify({ title: "t", body: Array(gen.count).fill(gen.unit) }));
    case "nested":
      return Buffer.from("[".repeat(gen.count) + "]".repeat(gen.count));
    case "nested_field":
      return Buffer.from(`{"title": "t", "body": "Talks in Baghdad.", "extra": ${"[".repeat(gen.count)}1${"]".repeat(gen.count)}}`);
    case "bytes":
      return Buffer.from(gen.hex, "hex");
    case "literal":
      return Buffer.from(gen.text);
    case "jsonl":
      return Buffer.from(Array(gen.count).fill(gen.unit).join("\n"));
    default:
      throw new Error(`unknown generator ${gen.kind}`);
  }
}

let ctx;
before(async () => (ctx = await start()));
after(async () => ctx?.close());

test("pasted markup in title and body never executes and never becomes elements", async () => {
  const page = await openPage(ctx, "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });
  const evil = {
    title: `<img src=x onerror="window.__pwned=1">Summit <script>window.__pwned=2</script>in Paris`,
    subtitle: `<svg onload="window.__pwned=3"></svg>`,
    source: `<a href="javascript:window.__pwned=4">wire</a>`,
    url: "javascript:window.__pwned=5",
    body: [
      `<p onclick="window.__pwned=6">Ministers met in <b>Paris</b> on Thursday.</p><script>window.__pwned=7</script>`,
      `<img src=x onerror="window.__pwned=8"> The <iframe src="javascript:window.__pwned=9"></iframe> talks ended.`,
    ],
  };
  await page.getByTestId("paste-open").click();
  await page.getByTestId("paste-text").fill(JSON.stringify(evil));
  await page.getByTestId("paste-submit").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="article-title"]')?.textContent.includes("Summit"));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, "a handler or script ran");
  const title = await page.getByTestId("article-title").textContent();
  assert.match(title, /Summit\s+in Paris/);
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    iframe: document.querySelectorAll("#app iframe").length,
    script: [...document.querySelectorAll("#app script")].length,
    js: [...document.querySelectorAll("#app [href^='javascript:']")].length,
  }));
  assert.deepEqual(injected, { img: 0, iframe: 0, script: 0, js: 0 });
  const text = await page.getByTestId("article").textContent();
  assert.ok(!text.includes("onerror") && !text.includes("<script"), "markup shown as live text");
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("every hostile input through the JS API ends in a result or an error, in bounded time", async () => {
  const page = await openPage(ctx, "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });
  const failures = [];
  for (const c of cases) {
    const bytes = generate(c.gen);
    const t0 = Date.now();
    const r = await page.evaluate(async (b64) => {
      const m = await import("/pkg/article_atlas.js");
      // The bytes go to the API as they are (it takes a Uint8Array), so
      // invalid UTF-8 reaches the parser unrepaired and the error is its own.
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      try {
        const a = m.analyze(bytes);
        return { ok: true, text: a.text.slice(0, 2000), title: a.title };
      } catch (e) {
        return { error: String(e.message ?? e) };
      }
    }, bytes.toString("base64"));
    const ms = Date.now() - t0;
    if (ms > LIMIT_MS) failures.push(`${c.name}: took ${ms} ms`);
    if (c.expect === "ok" && !r.ok) failures.push(`${c.name}: expected a result, got ${r.error}`);
    if (c.expect === "error" && r.ok) failures.push(`${c.name}: expected an error, got a result`);
    if (c.expect === "error" && !r.ok && c.message && !r.error.toLowerCase().includes(c.message))
      failures.push(`${c.name}: error ${JSON.stringify(r.error)} does not mention ${c.message}`);
    for (const bad of c.absent ?? []) {
      if (r.ok && (r.text.includes(bad) || r.title.includes(bad))) failures.push(`${c.name}: output holds ${JSON.stringify(bad)}`);
    }
    console.log(`# JS API: ${c.name}: ${r.ok ? "result" : "error"} in ${ms} ms`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("every hostile input through the page's file input: result or error banner, page still usable", async () => {
  const page = await openPage(ctx, "/");
  await page.getByTestId("article-title").waitFor({ timeout: 20000 });
  const failures = [];
  for (const c of cases) {
    const bytes = generate(c.gen);
    // The page also refuses articles too long to lay out (PAGE_MAX_CHARS).
    const expect = c.page ?? c.expect;
    const t0 = Date.now();
    // Start from a known article so a kept article or a new one can be told apart.
    await page.getByTestId("paste-open").click();
    await page.getByTestId("paste-text").fill(JSON.stringify({ title: "Marker article", body: "Talks in Baghdad." }));
    await page.getByTestId("paste-submit").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="article-title"]')?.textContent === "Marker article");
    await page.getByTestId("file-input").setInputFiles({ name: "input.json", mimeType: "application/json", buffer: bytes });
    const outcome = await page
      .waitForFunction(
        () => {
          const banner = document.querySelector('[data-testid="error-banner"]');
          const title = document.querySelector('[data-testid="article-title"]')?.textContent;
          if (banner && banner.textContent.trim()) return { error: banner.textContent.trim() };
          if (title !== undefined && title !== "Marker article") return { ok: true };
          return false;
        },
        null,
        { timeout: LIMIT_MS },
      )
      .then((h) => h.jsonValue())
      .catch(() => ({ timeout: true }));
    const ms = Date.now() - t0;
    if (outcome.timeout) {
      // A valid article may be titled like the marker; accept only if no error and the page answers.
      failures.push(`${c.name}: no result and no error within ${LIMIT_MS} ms`);
    } else if (expect === "error" && !outcome.error) {
      failures.push(`${c.name}: expected an error banner`);
    } else if (expect === "ok" && outcome.error) {
      failures.push(`${c.name}: unexpected error ${outcome.error}`);
    } else if (outcome.error && c.page_message && !outcome.error.includes(c.page_message)) {
      failures.push(`${c.name}: banner ${JSON.stringify(outcome.error)} does not say ${c.page_message}`);
    }
    if (outcome.error) {
      // the previous article stays on screen
      const title = await page.getByTestId("article-title").textContent();
      if (title !== "Marker article") failures.push(`${c.name}: an error replaced the article on screen`);
    }
    // still usable: the language switch answers
    await page.getByTestId("lang-en").click();
    console.log(`# page: ${c.name}: ${outcome.error ? "error banner" : outcome.ok ? "result" : "?"} in ${ms} ms`);
  }
  assert.deepEqual(failures, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
