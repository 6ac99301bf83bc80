#!/bin/sh
# Instructions per pass of `analyze` over the bench corpus in one language in
# Node's V8, its optimising compiler only (--no-liftoff), under callgrind:
# the count of a run with 6 rounds per article minus one with 2, over 4, so
# that start-up, asset parsing and compiling cancel out. Wall-clock figures
# on a shared machine spread by 10% or more; this one by about ±3M of ~470M.
#
#   scripts/wasm-instructions.sh [PKG_DIR] [ar|en] [WASM]   (about 2 minutes)
set -eu
cd "$(dirname "$0")/.."
dir=${1:-pkg}
lang=${2:-ar}
wasm=${3:-$dir/article_atlas_bg.wasm}
command -v valgrind > /dev/null || { echo "wasm-instructions: needs valgrind" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in 2 6; do
	valgrind --tool=callgrind --smc-check=all --callgrind-out-file="$tmp/cg.$r" \
		node --no-liftoff scripts/wasm-rounds.mjs "$dir" "$r" "$lang" "$wasm" > /dev/null 2> "$tmp/err.$r"
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/err.$r" > "$tmp/n.$r"
done
awk -v a="$(cat "$tmp/n.2")" -v b="$(cat "$tmp/n.6")" -v l="$lang" -v w="$wasm" \
	'BEGIN { printf "%s, %s: %.1fM instructions per pass\n", w, l, (b - a) / 4 / 1e6 }'
