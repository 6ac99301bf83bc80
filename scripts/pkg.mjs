// Writes pkg/package.json so that pkg/ is an npm package (`npm pack` works).
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const cargo = readFileSync("Cargo.toml", "utf8");
const field = (k) => cargo.match(new RegExp(`^${k} = "([^"]*)"`, "m"))?.[1];
const files = ["article_atlas_bg.wasm", "article_atlas.js", "article_atlas.d.ts"];
for (const extra of ["README.md", "LICENSE", "ATTRIBUTION.md"]) {
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
  files,
  sideEffects: ["./snippets/*"],
  keywords: ["arabic", "ner", "map", "timeline", "news", "wasm", "leptos"],
};
writeFileSync("pkg/package.json", JSON.stringify(pkg, null, 2) + "\n");
