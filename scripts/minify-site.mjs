// Minifies the static site's own small files in DIR (default dist/) after
// they are copied from www/, before they are precompressed: the page's
// script (main.js), its stylesheets and its HTML are in the first download,
// where their comments were 0.4 KB brotli (main.js 455 -> 206 B, page.css
// 503 -> 393 B, index.html 376 -> 316 B on 2026-12-05). The sources in www/
// keep their comments; the npm package's stylesheets are copied from www/
// as written (scripts/pkg.mjs).
// - *.js: terser, as the package's glue is (exports and imports keep their names);
// - *.css: comments out, each run of white space outside strings one space
//   (the rule src/css.rs applies to the stylesheets inside the wasm);
// - *.html: comments out.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const dir = process.argv[2] ?? "dist";

function stripCss(src) {
  let out = "";
  let quote = "";
  let space = true;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (!quote && /\s/.test(c)) {
      if (!space) out += " ";
      space = true;
      continue;
    }
    if (!quote && c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? src.length : end + 1;
      continue;
    }
    space = false;
    if (!quote && (c === '"' || c === "'")) quote = c;
    else if (quote && c === quote) quote = "";
    else if (quote && c === "\\" && i + 1 < src.length) {
      out += c;
      i++;
      out += src[i];
      continue;
    }
    out += c;
  }
  return out.trim();
}

for (const entry of readdirSync(dir, { withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const name = entry.name;
  const path = join(dir, name);
  const text = readFileSync(path, "utf8");
  if (name.endsWith(".js")) {
    const { code } = await minify(text, { module: true, compress: true, mangle: true });
    writeFileSync(path, code);
  } else if (name.endsWith(".css")) {
    writeFileSync(path, stripCss(text));
  } else if (name.endsWith(".html")) {
    writeFileSync(path, text.replace(/<!--[\s\S]*?-->\n?/g, ""));
  }
}
