// The benchmark figures of one `make bench` run beside their budgets (issue
// "A lean, instant first paint"): reads the summaries the native bench, the
// browser bench and the compromise comparison wrote to DIR, and the built
// package's sizes.
// Usage: node scripts/bench-summary.mjs [DIR]   (default target/bench)
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { brotliBest } from "./serve.mjs";

const dir = process.argv[2] ?? "target/bench";
const read = (name) => (existsSync(`${dir}/${name}`) ? JSON.parse(readFileSync(`${dir}/${name}`, "utf8")) : null);
const native = read("native.json");
const browser = read("browser.json");
const cmp = read("compromise.json");

const brotli = (file) => brotliBest(readFileSync(file)).length;
const taggers = existsSync("pkg/assets")
  ? readdirSync("pkg/assets")
      .filter((f) => f.startsWith("tagger-"))
      .reduce((s, f) => s + brotli(`pkg/assets/${f}`), 0)
  : null;

const rows = [];
/** A row: label, measured value (a number or null), its text, the budget's text, and whether lower is better. */
function row(label, value, text, budget, limit, lowerIsBetter = true) {
  const met = value == null || limit == null ? "" : (lowerIsBetter ? value <= limit : value >= limit) ? "met" : "not met";
  rows.push([label, value == null ? "not measured" : text, budget, met]);
}
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(0)} ms`;
const wps = (x) => `${Math.round(x / 1000)}k words/s`;

const local = browser?.load?.["local"];
const slow = browser?.load?.["9 Mbit/s, 60 ms"];
row("first load before the map is drawn (bytes over the wire)", local?.bytes_before_map, local && kb(local.bytes_before_map), "≤ 450 KB (aim 350)", 450e3);
row("  of which the files (brotli), without HTTP headers", local?.file_bytes_before_map, local && kb(local.file_bytes_before_map), "", null);
row("first paint, local (median)", local?.first_paint_ms, local && ms(local.first_paint_ms), "", null);
row("map drawn, local (median)", local?.map_drawn_ms, local && ms(local.map_drawn_ms), "≤ 300 ms", 300);
row("map drawn, 9 Mbit/s 60 ms (median)", slow?.map_drawn_ms, slow && ms(slow.map_drawn_ms), "≤ 1,500 ms", 1500);
row("late data complete, 9 Mbit/s 60 ms (median)", slow?.late_complete_ms, slow && `${ms(slow.late_complete_ms)} (${kb(slow.late_bytes)} after the map)`, "", null);
// the budget is the whole process's (the CLI's batch on one core: JSON in
// and out); `analyze` alone, each article timed warm, is shown beside it
for (const [lang, name, limit] of [["ar", "Arabic", 500e3], ["en", "English", 1e6]]) {
  const n = native?.[lang];
  const whole = n?.batch_words_per_s ?? null;
  row(`native, ${name}, whole process (CLI batch, one core)`, whole, n && `${whole == null ? "not measured" : wps(whole)}; analyze alone ${wps(n.words_per_s)}`, `≥ ${wps(limit)}`, limit, false);
}
for (const [lang, name] of [["ar", "Arabic"], ["en", "English"]]) {
  const w = browser?.wasm?.[lang];
  row(`wasm analyze in Chromium, ${name}`, w?.ms_per_1000_words, w && `${w.ms_per_1000_words.toFixed(2)} ms per 1,000 words`, "≤ 4 ms per 1,000 words", 4);
}
row("compromise 14 on the same English (Node)", cmp?.compromise?.words_per_s, cmp && `${wps(cmp.compromise.words_per_s)}; article-atlas wasm in Node ${wps(cmp.atlas_wasm_node.words_per_s)} (${(cmp.atlas_wasm_node.words_per_s / cmp.compromise.words_per_s).toFixed(1)}x)`, "", null);
row("tagger weights, both languages (brotli)", taggers, taggers != null && kb(taggers), "≤ 300 KB", 300e3);

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ["figure", "measured", "budget", ""][i].length));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
console.log(`\nbench summary (${new Date().toISOString().slice(0, 16)}Z, load average ${(await import("node:os")).loadavg()[0].toFixed(1)})`);
console.log(line(["figure", "measured", "budget", ""]));
for (const r of rows) console.log(line(r));
