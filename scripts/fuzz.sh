#!/usr/bin/env bash
# Runs one cargo-fuzz target for a while, seeded from the test fixtures.
# Usage: scripts/fuzz.sh TARGET [SECONDS]   (targets: parse, analyze, share)
# Needs a nightly toolchain and cargo-fuzz; installs them when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
secs=${2:-600}
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
# Seeds: every article fixture and every table row's input.
for f in www/articles/*.json tests/e2e/articles/*.json; do
  [ -f "$f" ] && cp "$f" "$corpus/seed-$(basename "$f")"
done
node -e '
  const fs = require("fs");
  const out = process.argv[1];
  for (const f of fs.readdirSync("tests").filter((n) => n.endsWith("_cases.json"))) {
    let rows; try { rows = JSON.parse(fs.readFileSync("tests/" + f, "utf8")); } catch { continue; }
    if (!Array.isArray(rows)) rows = rows.cases ?? [];
    rows.forEach((row, i) => {
      const input = row.input ?? row.text ?? row.link ?? row.gen?.text;
      if (typeof input === "string") fs.writeFileSync(`${out}/seed-${f}-${i}`, input);
      else if (input && typeof input === "object") fs.writeFileSync(`${out}/seed-${f}-${i}`, JSON.stringify(input));
    });
  }' "$corpus"
echo "fuzz: $target for ${secs}s with $(ls "$corpus" | wc -l) inputs in $corpus"
cd fuzz
cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096
