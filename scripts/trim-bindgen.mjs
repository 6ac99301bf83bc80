// Trims what wasm-bindgen writes, in the wasm and its glue together
// (make build runs it between wasm-bindgen and wasm-opt).
//
// 1. Short import names. wasm-bindgen names each function the wasm imports
// from its glue after the JS it wraps plus a hash (`__wbg_new_with_str_
// sequence_and_options_ea4ce88081790553`), under the module
// "./article_atlas_bg.js": 226 names, 7.5 KB of the glue even minified
// (terser keeps property names) and as much again in the wasm's import
// section, both in the first download. Here the module becomes "a" and each
// import a short name ("a", "b", …, "aa", …) in import order: the import
// section and the glue's import object are rewritten together.
//
// 2. No stream classes. Leptos links server_fn, which links wasm-streams,
// whose #[wasm_bindgen] classes IntoUnderlyingSource, IntoUnderlyingSink
// and IntoUnderlyingByteSource are exported by every wasm that links it;
// nothing here makes or reads a stream. Their exports go (wasm-opt then
// drops the code only they reach) with their classes in the glue and the
// TypeScript declarations.
//
// Usage: node scripts/trim-bindgen.mjs DIR, with DIR/article_atlas_bg.wasm,
// DIR/article_atlas.js and their .d.ts files as wasm-bindgen wrote them.
import { readFileSync, writeFileSync } from "node:fs";

const dir = process.argv[2] ?? "pkg";
const wasmPath = `${dir}/article_atlas_bg.wasm`;
const gluePath = `${dir}/article_atlas.js`;
const MODULE = "./article_atlas_bg.js";
const STREAM_CLASSES = ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"];
const STREAM_EXPORT = /^(__wbg_)?intounderlying/;

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

const readLeb = (b, at) => {
  let v = 0, shift = 0, byte;
  do {
    byte = b[at++];
    v += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [v, at];
};
const leb = (v) => {
  const out = [];
  do {
    let byte = v % 128;
    v = Math.floor(v / 128);
    if (v > 0) byte |= 0x80;
    out.push(byte);
  } while (v > 0);
  return Buffer.from(out);
};
const name = (s) => {
  const b = Buffer.from(s, "utf8");
  return Buffer.concat([leb(b.length), b]);
};

// Short names: a JS identifier each, never a word the glue's object could mean otherwise.
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (i) => {
  let s = "";
  do {
    s += LETTERS[i % LETTERS.length];
    i = Math.floor(i / LETTERS.length) - 1;
  } while (i >= 0);
  return s;
};

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("trim-bindgen: not a wasm module");
const parts = [wasm.subarray(0, 8)];
let at = 8, renamed = 0, dropped = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [len, body] = readLeb(wasm, at + 1);
  const end = body + len;
  if (id === 7) {
    // the export section: each export copied but the stream classes' methods
    let [count, p] = readLeb(wasm, body);
    const out = [];
    for (let i = 0; i < count; i++) {
      const from = p;
      let n;
      [n, p] = readLeb(wasm, p);
      const field = wasm.toString("utf8", p, p + n);
      p += n + 1; // the name, then the kind byte
      [, p] = readLeb(wasm, p);
      if (STREAM_EXPORT.test(field)) dropped++;
      else out.push(wasm.subarray(from, p));
    }
    if (p !== end) throw new Error("trim-bindgen: the export section did not read to its end");
    const section = Buffer.concat([leb(out.length), ...out]);
    parts.push(Buffer.from([7]), leb(section.length), section);
    at = end;
    continue;
  }
  if (id !== 2) {
    parts.push(wasm.subarray(at, end));
    at = end;
    continue;
  }
  // the import section: module and field names rewritten, each descriptor copied as it is
  let [count, p] = readLeb(wasm, body);
  const out = [leb(count)];
  for (let i = 0; i < count; i++) {
    let n;
    [n, p] = readLeb(wasm, p);
    const module = wasm.toString("utf8", p, p + n);
    p += n;
    [n, p] = readLeb(wasm, p);
    const field = wasm.toString("utf8", p, p + n);
    p += n;
    const descStart = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = readLeb(wasm, p); // function: type index
    else if (kind === 1) { // table: reftype, limits
      p++;
      const flags = wasm[p++];
      [, p] = readLeb(wasm, p);
      if (flags & 1) [, p] = readLeb(wasm, p);
    } else if (kind === 2) { // memory: limits
      const flags = wasm[p++];
      [, p] = readLeb(wasm, p);
      if (flags & 1) [, p] = readLeb(wasm, p);
    } else if (kind === 3) p += 2; // global: valtype, mutability
    else throw new Error(`trim-bindgen: import kind ${kind} unknown`);
    const desc = wasm.subarray(descStart, p);
    if (module !== MODULE) {
      out.push(name(module), name(field), desc);
      continue;
    }
    const to = short(renamed++);
    // the glue names each import once, as a key of its import object
    const key = new RegExp(`(?<=[\\s{,])${field}(?=: ?function)`, "g");
    const hits = glue.match(key)?.length ?? 0;
    if (hits !== 1 || glue.split(field).length !== 2)
      throw new Error(`trim-bindgen: the glue names import ${field} ${glue.split(field).length - 1} times`);
    glue = glue.replace(key, to);
    out.push(name("a"), name(to), desc);
  }
  if (p !== end) throw new Error("trim-bindgen: the import section did not read to its end");
  const section = Buffer.concat(out);
  parts.push(Buffer.from([2]), leb(section.length), section);
  at = end;
}
const moduleKey = `"${MODULE}": import0`;
if (glue.split(moduleKey).length !== 2) throw new Error(`trim-bindgen: the glue's import object is not ${moduleKey}`);
glue = glue.replace(moduleKey, `"a": import0`);

// the stream classes out of the glue and the declarations, each piece where
// wasm-bindgen writes it (an error when one is not found)
const cut = (text, piece, what) => {
  if (text.split(piece).length !== 2) throw new Error(`trim-bindgen: ${what} is not where it was`);
  return text.replace(piece, "");
};
const dtsPath = `${dir}/article_atlas.d.ts`;
const bgDtsPath = `${dir}/article_atlas_bg.wasm.d.ts`;
let dts = readFileSync(dtsPath, "utf8");
let bgDts = readFileSync(bgDtsPath, "utf8");
for (const c of STREAM_CLASSES) {
  const body = glue.match(new RegExp(`\\nexport class ${c} \\{\\n[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`));
  if (!body) throw new Error(`trim-bindgen: the glue's class ${c} is not where it was`);
  glue = cut(glue, body[0], `the glue's class ${c}`);
  const fin = `const ${c}Finalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_${c.toLowerCase()}_free(ptr, 1));
`;
  glue = cut(glue, fin, `the glue's ${c}Finalization`);
  const decl = dts.match(new RegExp(`\\nexport class ${c} \\{\\n[\\s\\S]*?\\n\\}\\n`));
  if (!decl) throw new Error(`trim-bindgen: the declaration of ${c} is not where it was`);
  dts = cut(dts, decl[0], `the declaration of ${c}`);
}
dts = dts.replace(/^ *readonly (__wbg_)?intounderlying\w*: .*\n/gm, "");
bgDts = bgDts.replace(/^export const (__wbg_)?intounderlying\w*: .*\n/gm, "");
for (const [what, text] of [["glue", glue], ["declarations", dts], ["wasm declarations", bgDts]])
  if (/intounderlying/i.test(text)) throw new Error(`trim-bindgen: the ${what} still name a stream class`);
if (dropped === 0) throw new Error("trim-bindgen: the wasm exports no stream class");

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
writeFileSync(dtsPath, dts);
writeFileSync(bgDtsPath, bgDts);
console.log(`trim-bindgen: ${renamed} imports renamed, ${dropped} stream exports dropped`);
