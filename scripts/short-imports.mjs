// Gives the wasm's imports short names, in the wasm and in its glue.
//
// wasm-bindgen names each function the wasm imports from its glue after
// the JS it wraps plus a hash (`__wbg_new_with_str_sequence_and_options_
// ea4ce88081790553`), under the module "./article_atlas_bg.js": 226 names,
// 7.5 KB of the glue even minified (terser keeps property names) and as
// much again in the wasm's import section, both in the first download.
// Here the module becomes "a" and each import a short name ("a", "b", …,
// "aa", …) in import order: the import section and the glue's import
// object are rewritten together, nothing else changes.
//
// Usage (after wasm-bindgen, before wasm-opt): node scripts/short-imports.mjs DIR
// with DIR/article_atlas_bg.wasm and DIR/article_atlas.js.
import { readFileSync, writeFileSync } from "node:fs";

const dir = process.argv[2] ?? "pkg";
const wasmPath = `${dir}/article_atlas_bg.wasm`;
const gluePath = `${dir}/article_atlas.js`;
const MODULE = "./article_atlas_bg.js";

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

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("short-imports: not a wasm module");
const parts = [wasm.subarray(0, 8)];
let at = 8, renamed = 0;
while (at < wasm.length) {
  const id = wasm[at];
  const [len, body] = readLeb(wasm, at + 1);
  const end = body + len;
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
    else throw new Error(`short-imports: import kind ${kind} unknown`);
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
      throw new Error(`short-imports: the glue names import ${field} ${glue.split(field).length - 1} times`);
    glue = glue.replace(key, to);
    out.push(name("a"), name(to), desc);
  }
  if (p !== end) throw new Error("short-imports: the import section did not read to its end");
  const section = Buffer.concat(out);
  parts.push(Buffer.from([2]), leb(section.length), section);
  at = end;
}
const moduleKey = `"${MODULE}": import0`;
if (glue.split(moduleKey).length !== 2) throw new Error(`short-imports: the glue's import object is not ${moduleKey}`);
glue = glue.replace(moduleKey, `"a": import0`);
writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed} imports renamed`);
