// The first and the second `analyze()` of the default article in Node, with
// the wasm of pkg/ (core data only, as at first paint): wall-clock ms and
// the CPU ms of the whole process (V8 compiles wasm on other threads, so on
// a shared machine the CPU figure is the steadier one). One fresh process
// per run; medians of N runs.
// Usage: node scripts/first-analyze.mjs [--runs N] [--pkg DIR] [-- NODE_FLAGS...]
//   (`-- --liftoff-only` shows what the first call costs without V8's
//   optimising compiler: running the code and building the tables)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkg = resolve(opt("--pkg", "pkg"));
const article = resolve("www/articles/default.json");

if (args[0] === "--child") {
  const m = await import(pathToFileURL(`${pkg}/article_atlas.js`));
  m.initSync({ module: readFileSync(`${pkg}/article_atlas_bg.wasm`) });
  const json = readFileSync(article, "utf8");
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const out = [];
  for (let i = 0; i < 2; i++) {
    const [t, c] = [performance.now(), cpu()];
    m.analyze(json);
    out.push([performance.now() - t, cpu() - c]);
  }
  console.log(JSON.stringify(out));
} else {
  const runs = Number(opt("--runs", 7));
  const dash = args.indexOf("--");
  const flags = dash >= 0 ? args.slice(dash + 1) : [];
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const cmd = [...flags, new URL(import.meta.url).pathname, "--child", "--pkg", pkg];
    rows.push(JSON.parse(execFileSync(process.execPath, cmd, { encoding: "utf8" })));
  }
  const med = (f) => rows.map(f).sort((a, b) => a - b)[rows.length >> 1];
  const fmt = (k) => `${med((r) => r[k][0]).toFixed(0)} ms (CPU ${med((r) => r[k][1]).toFixed(0)} ms)`;
  console.log(`analyze() of the default article in Node, ${pkg}, median of ${runs} processes${flags.length ? ` (${flags.join(" ")})` : ""}:`);
  console.log(`  first ${fmt(0)}, second ${fmt(1)}`);
}
