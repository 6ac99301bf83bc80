// Turns the wasm-bindgen output in pkg/ into the npm package (`npm pack`
// works there), and with `--site DIR` copies the package into DIR/pkg/ for
// the static site.
//
// Everything the package loads at run time is named the way bundlers follow
// (Vite, webpack 5, Rollup with an import-meta-assets plugin): a literal
// `new URL("./NAME", import.meta.url)` in the module that needs it.
// - the wasm: article_atlas.js (checked and normalised below);
// - data files fetched after first paint (pkg/assets/*, written by the
//   build before this script runs): assets.js, generated here, lists each
//   one with its own literal `new URL("./assets/NAME", import.meta.url)`;
// - the stylesheets travel inside the wasm (no CSS file to fetch); style.css
//   and atlas.css ship too, for pages that prefer a <link>.
import { readFileSync, writeFileSync, existsSync, readdirSync, mkdirSync, cpSync, statSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (k) => cargo.match(new RegExp(`^${k} = "([^"]*)"`, "m"))?.[1];

// The wasm URL: wasm-bindgen writes `new URL('article_atlas_bg.wasm', import.meta.url)`;
// Vite only follows a path that starts with "./".
// The glue is minified (terser; its exports keep their names): 79,957 ->
// 33,388 bytes, 11,852 -> 7,684 brotli (2026-12-03), all of it in the first
// download. Minifying it again (the site's pass) changes nothing.
//
// Two modules, one glue (the Makefile checks that they need the same):
// article_atlas_bg.wasm uses wasm SIMD (4.4 KB less brotli), which Safari
// before 16.4 cannot compile; there the glue loads article_atlas_bg.nosimd.wasm.
// `WebAssembly.validate` of a 29-byte module with one SIMD instruction
// tells them apart (a function returning i8x16.splat of 0), both URLs
// literal for bundlers. Callers of initSync pick a file themselves.
const glue = readFileSync("pkg/article_atlas.js", "utf8");
const wasmRef = /new URL\((['"])(?:\.\/)?article_atlas_bg\.wasm\1,\s*import\.meta\.url\)/g;
const plainRef = /new URL\((['"])\.\/article_atlas_bg\.nosimd\.wasm\1,\s*import\.meta\.url\)/g;
if ((glue.match(wasmRef) ?? []).length !== 1)
  throw new Error("pkg.mjs: article_atlas.js no longer names its wasm with one new URL(…, import.meta.url)");
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11];
const choose =
  `(WebAssembly.validate(new Uint8Array([${SIMD_PROBE}])) ? new URL("./article_atlas_bg.wasm", import.meta.url)` +
  ` : new URL("./article_atlas_bg.nosimd.wasm", import.meta.url))`;
const minified = await minify(glue.replace(wasmRef, choose), {
  module: true,
  compress: true,
  mangle: true,
});
if ((minified.code.match(wasmRef) ?? []).length !== 1 || (minified.code.match(plainRef) ?? []).length !== 1)
  throw new Error("pkg.mjs: the minified glue lost a wasm URL");
writeFileSync("pkg/article_atlas.js", minified.code);

const files = ["article_atlas_bg.wasm", "article_atlas_bg.nosimd.wasm", "article_atlas.js", "article_atlas.d.ts"];

// The element module sits next to article_atlas.js, in the package and in the site.
writeFileSync("pkg/atlas-element.js", readFileSync("www/atlas-element.js"));
writeFileSync(
  "pkg/atlas-element.d.ts",
  `import type { AtlasHandle, ArticleInput, AtlasPanels, AtlasSelectDetail, Analysis, ViewState } from "./article_atlas.js";
/** Loads the wasm once per page; every element waits for it. */
export declare function loadAtlas(): Promise<unknown>;
/** The <article-atlas> custom element (defined on import). Attributes: src, ui-lang (lang as a fallback),
 * panels, height, share-base, theme; all of them are observed. */
export declare class ArticleAtlasElement extends HTMLElement {
  /** The instance handle once started, else null. */
  readonly handle: AtlasHandle | null;
  /** Resolves when the first article (or the error that stopped it) is on screen, \`src\` included. */
  readonly ready: Promise<void>;
  getView(): ViewState | undefined;
  getAnalysis(): Analysis | null;
  getError(): string | null;
  /** Calls before the start are queued and replayed in order. */
  setView(view: ViewState): void;
  setPanels(panels: AtlasPanels): void;
  setArticle(article: ArticleInput): void;
  setSrc(url: string): Promise<void>;
}
declare global {
  interface HTMLElementTagNameMap { "article-atlas": ArticleAtlasElement }
  interface HTMLElementEventMap { "atlas-select": CustomEvent<AtlasSelectDetail> }
}
`,
);
files.push("atlas-element.js", "atlas-element.d.ts");

// Data assets: one literal new URL per file, so that bundlers copy each one.
// The gazetteer's shards (gaz-NNNN, 2,048 of them) are listed in a second
// module, assets-gazetteer.js, that assets.js imports only when the wasm asks
// for it (after first paint): their list would add about 15 KB to the first
// download. Bundlers follow the dynamic import and copy its files too.
const assetNames = existsSync("pkg/assets")
  ? readdirSync("pkg/assets").filter((n) => statSync(join("pkg/assets", n)).isFile()).sort()
  : [];
for (const n of assetNames) {
  if (!/^[A-Za-z0-9._-]+$/.test(n)) throw new Error(`pkg.mjs: asset name ${JSON.stringify(n)} is not a plain file name`);
}
const isShard = (n) => /^gaz-\d+\./.test(n);
const literal = (n) => `  ${JSON.stringify(n)}: new URL(${JSON.stringify(`./assets/${n}`)}, import.meta.url),`;
const shardNames = assetNames.filter(isShard);
writeFileSync(
  "pkg/assets.js",
  `// @generated by scripts/pkg.mjs from the files in pkg/assets/: do not edit.
// Each data file the wasm fetches after first paint, named with a literal
// new URL("./assets/NAME", import.meta.url) so that bundlers copy it. The
// gazetteer's shards are listed in assets-gazetteer.js, imported when
// registerAssets() calls the "gazetteer" entry (after first paint).
export const assets = {
${assetNames.filter((n) => !isShard(n)).map(literal).join("\n")}${
    shardNames.length ? `\n  gazetteer: () => import("./assets-gazetteer.js").then((m) => m.assets),` : ""
  }
};
/** The URL (string) of the asset NAME, or undefined when the package has none by that name. */
export async function assetUrl(name) {
  if (Object.hasOwn(assets, name) && typeof assets[name] !== "function") return assets[name].href;
  const more = Object.hasOwn(assets, "gazetteer") ? await assets.gazetteer() : {};
  return Object.hasOwn(more, name) ? more[name].href : undefined;
}
`,
);
writeFileSync(
  "pkg/assets-gazetteer.js",
  `// @generated by scripts/pkg.mjs from the files in pkg/assets/: do not edit.
// The gazetteer's shards (see assets.js), one literal new URL each.
export const assets = {
${shardNames.map(literal).join("\n")}
};
`,
);
writeFileSync(
  "pkg/assets.d.ts",
  `export declare const assets: Readonly<Record<string, URL | (() => Promise<Record<string, URL>>)>>;\nexport declare function assetUrl(name: string): Promise<string | undefined>;\n`,
);
writeFileSync("pkg/assets-gazetteer.d.ts", `export declare const assets: Readonly<Record<string, URL>>;\n`);
files.push("assets.js", "assets.d.ts", "assets-gazetteer.js", "assets-gazetteer.d.ts");
if (assetNames.length) files.push("assets");

for (const css of ["style.css", "atlas.css"]) {
  writeFileSync(`pkg/${css}`, readFileSync(`www/${css}`));
  files.push(css);
}

// The package README is the embedding guide (JS API, element, iframe, bundlers).
const readme = existsSync("docs/embedding.md") ? "docs/embedding.md" : existsSync("README.md") ? "README.md" : null;
if (readme) {
  writeFileSync("pkg/README.md", readFileSync(readme));
  files.push("README.md");
}
if (existsSync("pkg/snippets")) files.push("snippets");
for (const extra of ["LICENSE", "ATTRIBUTION.md"]) {
  if (existsSync(extra)) {
    writeFileSync(`pkg/${extra}`, readFileSync(extra));
    files.push(extra);
  }
}
const pkg = {
  name: "article-atlas",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  type: "module",
  module: "article_atlas.js",
  main: "article_atlas.js",
  types: "article_atlas.d.ts",
  exports: {
    ".": { types: "./article_atlas.d.ts", default: "./article_atlas.js" },
    "./element": { types: "./atlas-element.d.ts", default: "./atlas-element.js" },
    "./atlas-element.js": { types: "./atlas-element.d.ts", default: "./atlas-element.js" },
    "./assets.js": { types: "./assets.d.ts", default: "./assets.js" },
    "./style.css": "./style.css",
    "./atlas.css": "./atlas.css",
    "./article_atlas_bg.wasm": "./article_atlas_bg.wasm",
    "./article_atlas_bg.nosimd.wasm": "./article_atlas_bg.nosimd.wasm",
    "./package.json": "./package.json",
  },
  files,
  sideEffects: ["./atlas-element.js", "./snippets/*"],
  keywords: ["arabic", "ner", "map", "timeline", "news", "wasm", "leptos", "custom-element"],
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");

// The site: the package's run-time files under DIR/pkg/.
const site = process.argv.indexOf("--site");
if (site > 0) {
  const dir = join(process.argv[site + 1], "pkg");
  mkdirSync(dir, { recursive: true });
  for (const f of files.filter((f) => /\.(js|wasm|d\.ts)$/.test(f) || f === "assets" || f === "snippets")) {
    cpSync(join("pkg", f), join(dir, f), { recursive: true });
  }
}
