#!/usr/bin/env bash
# Fetches a sample of real Reuters-21578 wire stories for tests/blocks.rs and
# tests/paragraphs.rs: the Debian package r-cran-tm ships 70 stories (texts/acq,
# texts/crude) and a 10-story excerpt (texts/reuters-21578.xml) with the wire's
# original line wrapping. The package is downloaded (not installed) and unpacked
# into target/wire-sample/; nothing of it is committed. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/wire-sample
if [ -f "$out/.done" ]; then
	echo "wire-sample: present in $out"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download r-cran-tm >/dev/null 2>&1); then
	apt-get update -qq >/dev/null 2>&1 || true
	(cd "$tmp" && apt-get download r-cran-tm >/dev/null)
fi
dpkg-deb -x "$tmp"/r-cran-tm_*.deb "$tmp/x"
texts=$(find "$tmp/x" -type d -path '*/tm/texts' | head -1)
rm -rf "$out" && mkdir -p "$out"
cp -r "$texts/acq" "$texts/crude" "$texts/reuters-21578.xml" "$out/"
dpkg-deb -f "$tmp"/r-cran-tm_*.deb Package Version >"$out/SOURCE"
touch "$out/.done"
echo "wire-sample: $(find "$out" -name '*.xml' | wc -l) files in $out"
