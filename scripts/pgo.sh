#!/bin/sh
# The command line and its benchmark built with profile-guided optimisation:
# an instrumented build of the CLI analyses the project's own texts
# (scripts/pgo-corpus.mjs: the bundled articles and the test cases' texts in
# both languages, so a fresh clone needs no other data), LLVM merges the
# counts, and a second build lays out and inlines the code by them. The
# binaries land in target/pgo/bin/ (article-atlas, bench); their output is
# the same as the plain `--profile cli` build's, byte for byte.
#
#   scripts/pgo.sh        (about 5 minutes on 2 cores; `make cli`)
set -eu
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
	echo "pgo: adding the rustup component llvm-tools (llvm-profdata)"
	rustup component add llvm-tools
fi
dir="$PWD/target/pgo"
rm -rf "$dir/raw" "$dir/bin"
mkdir -p "$dir/bin"
node scripts/pgo-corpus.mjs "$dir/corpus.jsonl"
# --target: the flags reach the crate and its dependencies, not build scripts
echo "pgo: instrumented build"
RUSTFLAGS="-Cprofile-generate=$dir/raw -Cllvm-args=-vp-counters-per-site=8" cargo build --quiet --profile cli --bin article-atlas \
	--target "$host" --target-dir "$dir/gen"
LLVM_PROFILE_FILE="$dir/raw/atlas-%p-%m.profraw" "$dir/gen/$host/cli/article-atlas" analyze - --threads 1 \
	< "$dir/corpus.jsonl" > /dev/null
"$profdata" merge -o "$dir/atlas.profdata" "$dir/raw"
echo "pgo: optimised build"
RUSTFLAGS="-Cprofile-use=$dir/atlas.profdata" cargo build --quiet --profile cli --bins \
	--target "$host" --target-dir "$dir/use"
cp "$dir/use/$host/cli/article-atlas" "$dir/use/$host/cli/bench" "$dir/bin/"
echo "pgo: target/pgo/bin/article-atlas and target/pgo/bin/bench"
