// The npm package as a web developer gets it: `npm pack` of pkg/, installed
// into fresh consumer apps that are built with Vite, webpack 5 and Rollup (and
// a plain static page with no bundler), then opened in Chromium under the
// strict CSP. Each app uses both the <article-atlas> element (with setArticle
// called before the wasm has loaded) and mount() without keeping its handle.
// Checks: no failed request, both views render styled, the mount() view
// survives a garbage collection, and leaving the document unmounts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { start, openPage, SCREENSHOTS } from "./harness.mjs";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const english = JSON.parse(readFileSync(join(ROOT, "www/articles/english.json"), "utf8"));
const norm = (s) => s.replace(/\s+/g, " ").trim();

let work;
let tarball;
before(() => {
  work = mkdtempSync(join(tmpdir(), "atlas-consumers-"));
  // The packed tarball, not the source tree.
  const out = execFileSync("npm", ["pack", join(ROOT, "pkg"), "--pack-destination", work, "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  tarball = join(work, JSON.parse(out)[0].filename);
});
after(() => work && rmSync(work, { recursive: true, force: true }));

/** The consumer's own code, the same for every bundler. */
function mainJs(pkgPath = "article-atlas") {
  const element = pkgPath === "article-atlas" ? "article-atlas/element" : `${pkgPath}/atlas-element.js`;
  const api = pkgPath === "article-atlas" ? "article-atlas" : `${pkgPath}/article_atlas.js`;
  return `import "${element}";
import { loadAtlas } from "${element}";
import { mount } from "${api}";
import article from "./article.js";

// Called before the element has started: queued, then shown.
document.getElementById("el").setArticle(article);

// The handle is not kept: the view must live on until the element leaves the document.
loadAtlas().then(() => {
  mount(document.getElementById("mounted"), article, { lang: "en", panels: "text map" });
  document.body.dataset.mounted = "yes";
});
`;
}

const INDEX = (script) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>consumer</title>
  <script type="module" src="${script}"></script>
</head>
<body>
  <article-atlas id="el" ui-lang="en" height="520"></article-atlas>
  <div id="mounted"></div>
</body>
</html>
`;

/** A fresh app folder with the tarball installed (offline: it has no dependencies). */
function app(name) {
  const dir = join(work, name);
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${name}`, private: true, type: "module" }));
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  writeFileSync(join(dir, "src/article.js"), `export default ${JSON.stringify(english)};\n`);
  return dir;
}

const builds = {
  async vite(dir) {
    writeFileSync(join(dir, "src/main.js"), mainJs());
    writeFileSync(join(dir, "index.html"), INDEX("/src/main.js"));
    const { build } = await import("vite");
    await build({ root: dir, logLevel: "error", configFile: false, build: { outDir: join(dir, "dist") } });
    return join(dir, "dist");
  },
  async webpack(dir) {
    writeFileSync(join(dir, "src/main.js"), mainJs());
    const { default: webpack } = await import("webpack");
    const stats = await new Promise((ok, fail) =>
      webpack(
        {
          mode: "production",
          context: dir,
          entry: "./src/main.js",
          output: { path: join(dir, "dist"), filename: "main.js" },
          performance: { hints: false },
        },
        (err, stats) => (err ? fail(err) : ok(stats)),
      ),
    );
    assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
    writeFileSync(join(dir, "dist/index.html"), INDEX("main.js"));
    return join(dir, "dist");
  },
  async rollup(dir) {
    writeFileSync(join(dir, "src/main.js"), mainJs());
    const { rollup } = await import("rollup");
    const { nodeResolve } = await import("@rollup/plugin-node-resolve");
    const { importMetaAssets } = await import("@web/rollup-plugin-import-meta-assets");
    const bundle = await rollup({ input: join(dir, "src/main.js"), plugins: [nodeResolve({ rootDir: dir }), importMetaAssets()] });
    await bundle.write({ dir: join(dir, "dist"), format: "es" });
    await bundle.close();
    writeFileSync(join(dir, "dist/index.html"), INDEX("main.js"));
    return join(dir, "dist");
  },
  /** No bundler: the package's files on a static site, a plain <script type="module">. */
  async static(dir) {
    const out = join(dir, "dist");
    mkdirSync(out, { recursive: true });
    cpSync(join(dir, "node_modules/article-atlas"), join(out, "article-atlas"), { recursive: true });
    cpSync(join(dir, "src/article.js"), join(out, "article.js"));
    writeFileSync(join(out, "main.js"), mainJs("./article-atlas"));
    writeFileSync(join(out, "index.html"), INDEX("main.js"));
    return out;
  },
};

for (const [name, build] of Object.entries(builds)) {
  test(`${name}: the packed package renders styled (element and mount), no failed request, survives GC`, async () => {
    const t0 = Date.now();
    const dir = app(name);
    const out = await build(dir);
    const files = readdirSync(out, { recursive: true }).map(String);
    assert.ok(files.some((f) => f.endsWith(".wasm")), `${name}: the wasm is in the build output (${files.join(", ")})`);
    // the module for browsers without wasm SIMD travels too (the bundlers copy it under a name of their own)
    assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 2, `${name}: both wasm modules are in the build output (${files.join(", ")})`);
    const built = Date.now() - t0;

    const ctx = await start({ dir: out, csp: true });
    try {
      const page = await ctx.browser.newPage();
      const failed = [];
      const errors = [];
      page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
      page.on("response", (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(ctx.base + "/");

      const el = page.locator("#el");
      await el.getByTestId("article-title").waitFor({ timeout: 20000 });
      await page.locator("#mounted").getByTestId("article-title").waitFor({ timeout: 20000 });
      await page.evaluate(() => document.getElementById("el").ready);
      assert.equal(norm(await el.getByTestId("article-title").textContent()), norm(english.title));

      // Styled: the element's frame has its height, the map is drawn at full size, the
      // light-DOM view (mount) got the component sheet.
      const styles = await page.evaluate(() => {
        const root = document.getElementById("el").shadowRoot;
        const frame = root.querySelector(".atlas-frame");
        const map = root.querySelector('[data-testid="map"]');
        const mounted = document.querySelector("#mounted .atlas");
        const mountedMap = document.querySelector('#mounted [data-testid="map"]');
        return {
          frameHeight: frame.getBoundingClientRect().height,
          mapHeight: map?.getBoundingClientRect().height ?? 0,
          elementDisplay: getComputedStyle(root.querySelector(".atlas")).display,
          mountedDisplay: getComputedStyle(mounted).display,
          mountedMapHeight: mountedMap?.getBoundingClientRect().height ?? 0,
          sheets: document.adoptedStyleSheets.length,
        };
      });
      assert.equal(styles.frameHeight, 520, JSON.stringify(styles));
      assert.ok(styles.mapHeight > 150, `element map is ${styles.mapHeight}px high`);
      assert.equal(styles.elementDisplay, "flex");
      assert.equal(styles.mountedDisplay, "flex", "mount() adopts the component sheet into the document");
      assert.ok(styles.mountedMapHeight > 150, `mounted map is ${styles.mountedMapHeight}px high`);
      await page.screenshot({ path: SCREENSHOTS + `consumer-${name}.png` });

      // The mount() handle was dropped: a full garbage collection leaves the view alive and working.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      await page.waitForTimeout(200);
      await cdp.send("HeapProfiler.collectGarbage");
      // Still reactive: a click on a mention selects it.
      await page.locator("#mounted").getByTestId("mention").first().click();
      await page.locator('#mounted [data-testid="mention"][aria-pressed="true"]').first().waitFor({ timeout: 5000 });
      assert.equal(await page.locator("#mounted").getByTestId("article-title").count(), 1, "the mounted view survives GC");
      assert.equal(await page.locator("#mounted").getByTestId("paragraph").count(), english.body.length);

      // Leaving the document unmounts both (the registry lets go).
      await page.evaluate(() => {
        window.removed = [document.getElementById("mounted"), document.getElementById("el")];
        for (const e of window.removed) e.remove();
      });
      await page.waitForFunction(() => {
        const [mounted, el] = window.removed;
        return mounted.childElementCount === 0 && !el.shadowRoot.querySelector(".atlas");
      });
      assert.deepEqual(failed, [], `${name}: failed requests`);
      assert.deepEqual(errors, [], `${name}: console errors`);
      console.log(`# ${name}: build ${built} ms, output ${files.length} files`);
      await page.close();
    } finally {
      await ctx.close();
    }
  });
}
