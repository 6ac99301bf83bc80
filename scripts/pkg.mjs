// Writes pkg/package.json and the package's extra files so that pkg/ is an
// npm package (`cd pkg && npm pack` works): the wasm-bindgen output, the
// <article-atlas> element module with its stylesheets, README and licence.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (k) => cargo.match(new RegExp(`^${k} = "([^"]*)"`, "m"))?.[1];
const files = ["article_atlas_bg.wasm", "article_atlas.js", "article_atlas.d.ts"];

// The element module: in the site it imports ./pkg/article_atlas.js, in the
// package it sits next to it.
const element = readFileSync("www/atlas-element.js", "utf8");
const rewritten = element.replace(`from "./pkg/article_atlas.js"`, `from "./article_atlas.js"`);
if (rewritten === element) throw new Error("pkg.mjs: www/atlas-element.js no longer imports ./pkg/article_atlas.js");
writeFileSync("pkg/atlas-element.js", rewritten);
writeFileSync(
  "pkg/atlas-element.d.ts",
  `import type { AtlasView, AtlasSelectDetail, ArticleInput } from "./article_atlas.js";
import type { AtlasHandle } from "./article_atlas.js";
/** The <article-atlas> custom element (defined on import). */
export declare class ArticleAtlasElement extends HTMLElement {
  /** The instance handle, once started. */
  readonly handle: AtlasHandle | null;
  /** Resolves when the element has mounted. */
  readonly ready: Promise<void>;
  getView(): AtlasView | undefined;
  setView(view: AtlasView): void;
  setArticle(article: ArticleInput): void;
}
declare global {
  interface HTMLElementTagNameMap { "article-atlas": ArticleAtlasElement }
  interface HTMLElementEventMap { "atlas-select": CustomEvent<AtlasSelectDetail> }
}
`,
);
files.push("atlas-element.js", "atlas-element.d.ts");
for (const css of ["style.css", "atlas.css"]) {
  writeFileSync(`pkg/${css}`, readFileSync(`www/${css}`));
  files.push(css);
}

// The package README is the embedding guide (JS API, element, iframe).
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
    "./style.css": "./style.css",
    "./atlas.css": "./atlas.css",
    "./article_atlas_bg.wasm": "./article_atlas_bg.wasm",
    "./package.json": "./package.json",
  },
  files,
  sideEffects: ["./atlas-element.js", "./snippets/*"],
  keywords: ["arabic", "ner", "map", "timeline", "news", "wasm", "leptos", "custom-element"],
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
