# article-atlas: the single entry point. Every target is idempotent and quick
# when nothing changed. `make run` builds and serves; `make test` runs every test.

SHELL := /bin/bash
.DEFAULT_GOAL := run
PORT ?= 8080
HOST ?= 127.0.0.1
CARGO ?= cargo
WASM_TARGET := wasm32-unknown-unknown
WASM_OUT := target/$(WASM_TARGET)/wasm-release/article_atlas.wasm
WASM_SIMD_OUT := target/simd/$(WASM_TARGET)/wasm-release/article_atlas.wasm
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
# -ocimfs 15 (was 20 until 2026-12-04: on that day's code 10, 15, 20, 30 gave
# 438,135, 438,757, 438,749, 439,558 B brotli; 10 until the thirty-fourth
# session, 2026-12-05, when 5, 10, 12, 15, 20 gave 441,787, 441,192,
# 441,317, 441,018, 441,802 B for the SIMD wasm): inline a function with one caller only when it is small.
# Inlining them all (the default) made 65 KB functions (analyze) that V8's
# optimising tier compiles during the first analysis, and the wasm 51 KB
# larger after brotli (630,006 → 579,225 bytes; 0, 10, 50, 100, 200 measured
# 582,326, 580,844, 587,961, 601,884, 613,419).
# --low-memory-unused: the first 1 KB of memory is never read or written
# (Rust puts the 1 MB stack first, growing down: its bottom is there), so
# constant offsets fold into loads and stores (488,531 -> 487,412 B brotli,
# 2026-12-02; --zero-filled-memory measured no change).
# --merge-similar-functions first: functions that differ only in constants
# (monomorphised copies) become one with the constants as parameters
# (456,645 -> 456,026 B brotli, 2026-12-03).
# --reorder-functions-by-name before them: functions of one path (the copies
# of one generic, one module's closures) sit side by side, where brotli finds
# their likeness (456,355 -> 452,155 B brotli, 2026-12-03; the same pass after
# -Oz instead: 452,339; --converge: 455,257 and three times the time).
# A second -Oz after the first finds more to fold (448,688 -> 447,703 B
# brotli, 2026-12-03, 34 -> 49 s; --converge instead: 447,295 in 109 s).
# A last -O3 (2026-12-04): 438,532 -> 437,236 B brotli and 3% fewer
# instructions per Arabic analysis in Node's V8; in Chromium no faster within
# the noise (its V8 inlines small wasm functions itself). Not taken then:
# -O3 -Oz 439,898, -O4 439,583, -O3 -O3 437,420, -O3 -aimfs 6 439,153,
# -O3 -fimfs 40 443,165 B (6% fewer instructions in Node, no faster in Chromium).
# --strip-producers --strip-target-features: custom sections no browser
# reads (which tools built the module, its target features), 292 bytes raw
# (422,491 -> 422,306 B brotli, 2026-12-04).
# Measured and not taken (2026-12-04, on 437,598 / 432,989 B brotli):
# --generate-global-effects first +55 B, --gufa first +1,285 B, -tnh +42 B;
# opt-level "s" for wasm-release 479,292 B (+41.7 KB).
# LLVM's inliner threshold, which opt-level "z" sets to 5, is 25 in the
# browser build (rustflags "-Cllvm-args=-inline-threshold=25" in
# .cargo/config.toml; 2026-12-05, twenty-eighth session). Instructions per
# pass over the bench's 51 Arabic articles in Node's V8 (TurboFan only, under
# callgrind) against brotli bytes of the wasm: on da69a081, 5 634.4M,
# 432,927 B; 25 550.4M (-13.2%), 438,346 B (+5.4 KB). The room came from
# printing floats with the crate's own code (src/float/text.rs, -7.3 KB).
# Earlier, on 326086f1: 5 602M, 436,421 B; 15 554M, 438,299 B; 25 533M,
# 442,274 B; 40 492M, 446,458 B (over the first-load budget with the rest);
# opt-level 3 323M, 560,723 B; opt-level "s" for this crate alone (the
# dependencies at "z") 421M but +48.9 KB.
# With wasm SIMD (2026-12-05, thirty-first session; instructions per
# Arabic pass in Node's V8 over the bench's 51 articles, each timed after
# a warm-up as the browser bench does, /tmp harness): without SIMD at 25,
# 485.4M, 441,742 B; SIMD at 25 482.2M, 437,347 B; at 28 478.6M, 441,373 B;
# at 32 470.0M, 440,180 B (taken); at 36 and 40 442,727 B, 466.5M at 40.
# Back to 25 in the thirty-third session (2026-12-05), when the session's
# rules took the SIMD wasm at 32 to 443,024 B, over the first-load budget:
# at 25 438,762 B, 447,622 B before the map over the wire; Chromium
# (`node scripts/bench-browser.mjs --loads 3`) Arabic 3.82 and English 2.15
# ms per 1,000 words, as at 32 (3.78 and 2.17 at the session's start).
WASM_OPT_FLAGS := --reorder-functions-by-name --merge-similar-functions -Oz -ocimfs 15 --low-memory-unused -Oz -O3 --strip-producers --strip-target-features --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-multivalue --enable-mutable-globals
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

RUST_SOURCES := Cargo.toml Cargo.lock build.rs $(shell find src data -type f 2>/dev/null) www/articles/default.json www/style.css www/atlas.css
WWW_SOURCES := $(shell find www -type f 2>/dev/null)

.PHONY: setup build run test test-native test-wasm test-e2e bench cli fuzz fmt lint

## setup: install what is missing, and nothing else
setup: node_modules/.installed
	@if rustup target list --installed | grep -qx $(WASM_TARGET); then \
		echo "setup: rust target $(WASM_TARGET) present"; \
	else echo "setup: adding rust target $(WASM_TARGET)"; rustup target add $(WASM_TARGET); fi
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" = "$(WASM_BINDGEN_VERSION)" ]; then \
		echo "setup: wasm-bindgen-cli $(WASM_BINDGEN_VERSION) present"; \
	else echo "setup: installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 3 minutes)"; \
		$(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then \
		echo "setup: chromium and chromedriver present"; \
	else echo "setup: installing Debian chromium and chromium-driver"; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; fi

node_modules/.installed: package.json package-lock.json
	@echo "setup: installing npm dev tools (binaryen wasm-opt, playwright-core) from package-lock.json"
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## build: release wasm → pkg/ (npm package) → dist/ (the static site)
build: setup dist/.built
	@node scripts/sizes.mjs dist

# Panic locations name their source files: without the machine's cargo
# home in front ("/root/.cargo/registry/src/"), no path of the building
# machine is in the published package. (The standard library's
# "/rustc/HASH/library/..." paths come precompiled: remapping "/rustc/HASH/"
# here changed none of them, 2026-12-06.) Fortieth session: the SIMD wasm
# with the remap and two new rules 441,220 B brotli, 441,259 before both.
CARGO_HOME_DIR := $(or $(CARGO_HOME),$(HOME)/.cargo)
WASM_REMAP := "--remap-path-prefix=$(CARGO_HOME_DIR)/registry/src/="

$(WASM_OUT): $(RUST_SOURCES)
	@echo "build: compiling release wasm"
	@$(CARGO) build --profile wasm-release --lib --target $(WASM_TARGET) \
		--config 'target.$(WASM_TARGET).rustflags=[$(WASM_REMAP)]'

# The same with wasm SIMD (2026-12-05, thirty-first session): the module
# browsers with SIMD load (all current ones; Safari since 16.4). On that
# day's code, with LLVM's inliner threshold at 25 for both: 441,742 ->
# 437,347 B brotli. A target directory of its own, so that neither build
# undoes the other's. The glue loads the other module where SIMD is missing
# (scripts/pkg.mjs).
$(WASM_SIMD_OUT): $(RUST_SOURCES)
	@echo "build: compiling release wasm with SIMD"
	@$(CARGO) build --profile wasm-release --lib --target $(WASM_TARGET) --target-dir target/simd \
		--config 'target.$(WASM_TARGET).rustflags=["-Ctarget-feature=+simd128", $(WASM_REMAP)]'

# scripts/trim-bindgen.mjs between the two: short import names, no
# wasm-streams classes (the wasm 437,598 -> 432,989 B brotli, the glue
# 7,728 -> 5,130 B brotli, 2026-12-04). Both modules have the same imports
# and exports: one glue serves both (checked).
pkg/.built: $(WASM_OUT) $(WASM_SIMD_OUT) scripts/trim-bindgen.mjs
	@echo "build: wasm-bindgen $(WASM_BINDGEN_VERSION) → pkg/"
	@wasm-bindgen --target web --out-dir pkg $(WASM_OUT)
	@node scripts/trim-bindgen.mjs pkg
	@rm -rf target/simd/bindgen
	@wasm-bindgen --target web --out-dir target/simd/bindgen $(WASM_SIMD_OUT)
	@node scripts/trim-bindgen.mjs target/simd/bindgen
	@cmp -s pkg/article_atlas.js target/simd/bindgen/article_atlas.js || \
		{ echo "build: the SIMD module needs another glue than the plain one"; exit 1; }
	@echo "build: wasm-opt $(WASM_OPT_FLAGS)"
	@wasm-opt $(WASM_OPT_FLAGS) pkg/article_atlas_bg.wasm -o pkg/article_atlas_bg.nosimd.wasm
	@wasm-opt $(WASM_OPT_FLAGS) --enable-simd target/simd/bindgen/article_atlas_bg.wasm -o pkg/article_atlas_bg.wasm
	@touch $@

# Late assets (word lists, tagger weights, gazetteer shards): content-hashed files the
# page fetches after first paint (src/assets.rs), and pkg/assets.js naming them.
pkg/.assets: scripts/assets.mjs src/lists.rs $(wildcard data/curated/*.tsv) data/demonyms/demonyms.tsv data/currencies/currency_codes.tsv data/gazetteer/places.tsv data/gazetteer/index.tsv data/tagger/ar.bin data/tagger/en.bin data/gazetteer/first_words.bin data/gazetteer/us_states.tsv $(wildcard data/gazetteer/late/*.tsv)
	@node scripts/assets.mjs
	@touch $@

# The npm package's other files: package.json, the element module, its CSS, README.
pkg/.extras: pkg/.built pkg/.assets scripts/pkg.mjs www/atlas-element.js www/atlas.css www/style.css $(wildcard docs/embedding.md)
	@node scripts/pkg.mjs
	@touch $@

dist/.built: pkg/.built pkg/.assets pkg/.extras scripts/serve.mjs scripts/minify-site.mjs $(WWW_SOURCES)
	@echo "build: assembling dist/"
	@rm -rf dist && mkdir -p dist/pkg
	@cp -r www/. dist/
	@rm dist/atlas-element.js  # the element ships in the package: dist/pkg/atlas-element.js
	@node scripts/minify-site.mjs dist
	@node scripts/pkg.mjs --site dist
	@node scripts/serve.mjs --precompress dist
	@touch $@

## run: build, then serve dist/ on loopback
run: build
	@echo "serving dist/ at http://$(HOST):$(PORT)/  (Ctrl-C stops)"
	@node scripts/serve.mjs dist $(PORT) $(HOST)

## test: every test (native, wasm in headless Chromium, end-to-end)
test: setup test-native test-wasm test-e2e

test-native:
	@scripts/wire-sample.sh || echo "test: the Reuters wire sample could not be fetched; its cases are skipped"
	@echo "test: native cargo test"
	@$(CARGO) test --all-targets
	@$(CARGO) test --doc
	@echo "test: hostile inputs through the release CLI"
	@$(CARGO) test --release --test hostile
	@# the committed tagger weights must be what their generator makes from the
	@# annotated data (they had drifted once unnoticed); about 55 s with the refit
	@devdata="$${ATLAS_DEVDATA:-../shared/devdata}"; if [ -d "$$devdata/ner_ar" ]; then \
		echo "test: the tagger weights equal a fresh training run"; \
		$(CARGO) run --release --quiet --bin train_tagger -- --devdata "$$devdata" --out data/tagger --check | tail -1; \
		test "$${PIPESTATUS[0]}" = 0; \
	else echo "test: no annotated data at $$devdata: the tagger training check is skipped"; fi

test-wasm: setup
	@echo "test: wasm tests in headless Chromium"
	@CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
		$(CARGO) test --target $(WASM_TARGET) --test web

test-e2e: build
	@echo "test: end-to-end (playwright-core + /usr/bin/chromium) against dist/"
	@node --test --test-concurrency=1 tests/e2e/

## cli: the command line built with profile-guided optimisation (scripts/pgo.sh)
## → target/pgo/bin/article-atlas (and the bench beside it)
cli:
	@scripts/pgo.sh

## bench: speed and size figures (native analyze per stage, wasm analyze,
## dist sizes, first render, memory over 100 loads) in one run
bench: build cli
	@rm -rf target/bench
	@echo "bench: native analyze (the CLI's build, profile-guided) on the default article and the development corpus"
	@target/pgo/bin/bench --summary target/bench/native.json
	@echo; echo "bench: dist/ sizes"
	@node scripts/sizes.mjs dist
	@echo; echo "bench: in headless Chromium"
	@node scripts/bench-browser.mjs --summary target/bench/browser.json
	@echo; echo "bench: compromise beside article-atlas on the same English news"
	@node scripts/bench-compromise.mjs --summary target/bench/compromise.json
	@node scripts/bench-summary.mjs target/bench

## fuzz: one cargo-fuzz target for a while (nightly; installed when missing)
FUZZ_TARGET ?= parse
FUZZ_SECONDS ?= 600
fuzz:
	@scripts/fuzz.sh $(FUZZ_TARGET) $(FUZZ_SECONDS)

fmt:
	@$(CARGO) fmt --all

lint:
	@$(CARGO) fmt --all -- --check
	@$(CARGO) clippy --all-targets -- -D warnings
