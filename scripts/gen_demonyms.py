#!/usr/bin/env python3
"""Generates data/demonyms/demonyms.tsv: the nationality adjectives and
demonyms that point to a country ("Russian", "Saudis", "السعودية", "سوري").

Regenerate with ONE command (from the repo root):

    python3 scripts/gen_demonyms.py

It installs nothing. Its inputs must be installed first:

    (cd scripts/demonyms && npm ci)     # i18n-nationality 1.4.0, cldr-localenames-modern 45.0.0

`python3 scripts/gen_demonyms.py --check` regenerates into memory and exits
non-zero when the committed file differs (tests/demonyms.rs runs it); exit
code 3 means an input is not installed.

Inputs and what each gives:
  - npm `i18n-nationality` 1.4.0 (MIT, Copyright (c) 2016 widdix GmbH),
    langs/en.json: one English nationality adjective per ISO country code.
    Its entries that are not adjectives (a country's own name such as
    "Bermuda", a description such as "Palestinian Territory, Occupied") are
    left out, and so is a form it gives to several countries ("Guinean").
  - Unicode CLDR 45 Arabic country names (npm `cldr-localenames-modern`,
    Unicode License v3): the masculine nisba by rule (RULES below) for
    one-word names: "مصر" → "مصري", "سوريا" → "سوري", "الأردن" → "أردني",
    "فرنسا" → "فرنسي". Where the hand-curated table has the country, a rule
    form it does not list is dropped (the rule is wrong there: "النمسا" gives
    "نمسي", the usage is "نمساوي"); the generator prints how often the rule
    agrees with the curated table.
  - data/curated/demonyms.tsv: the hand-curated forms (irregular nisbas,
    English nouns such as "Briton", "Dane"), each row with its source. They
    always win.
  - data/gazetteer/places.tsv: which countries exist (a demonym of a
    territory the gazetteer has no country record for is left out).

The npm package `world-countries` also lists English demonyms, but its data
is under the ODbL (OpenStreetMap's licence), which ATTRIBUTION.md keeps out
of the project; i18n-nationality is MIT.

Output: one base form a row (iso2, lang, form, from), sorted. The loader
(src/recognise/demonyms.rs) expands the Arabic masculine singular to its
feminine and plural forms, with and without the article, and the English
adjectives ending in -an and -i to their plural ("Palestinians", "Saudis").
"""

import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts", "gazetteer"))
from gaz_common import read_tsv  # noqa: E402  (the curated-table reader the gazetteer generator uses)
NODE = os.path.join(ROOT, "scripts", "demonyms", "node_modules")
OUT = os.path.join(ROOT, "data", "demonyms", "demonyms.tsv")
CURATED = os.path.join(ROOT, "data", "curated", "demonyms.tsv")
PLACES = os.path.join(ROOT, "data", "gazetteer", "places.tsv")
COMMAND = "python3 scripts/gen_demonyms.py"

ARABIC_WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+$")
ENGLISH_FORM = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?$")


def missing(what):
    print(f"demonym input missing: {what}", file=sys.stderr)
    sys.exit(3)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        missing(f"{path}: (cd scripts/demonyms && npm ci)")


def pkg_version(name):
    return load_json(os.path.join(NODE, name, "package.json"))["version"]


def countries():
    """ISO codes of the gazetteer's country records."""
    out = set()
    with open(PLACES, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 2 and cols[1].startswith("country:"):
                out.add(cols[1][len("country:") :])
    return out


def curated():
    """iso2 → (English forms, Arabic forms, source), from the hand-curated table."""
    rows = {}
    for r in read_tsv(CURATED):
        en = [x for x in r["en"].split("|") if x]
        ar = [x for x in r["ar"].split("|") if x]
        rows[r["iso2"]] = (en, ar, r["source"])
    return rows


def arabic_rule(name):
    """The masculine nisba of a one-word Arabic country name, or None where
    no regular rule applies (names ending in ي, و, ى or ة keep irregular
    forms: "مالي", "الكونغو", "سنغافورة")."""
    if " " in name or not ARABIC_WORD.match(name):
        return None
    stem = name[2:] if name.startswith("ال") else name
    if len(stem) < 3 or stem[-1] in "يوىة":
        return None
    if stem.endswith("يا"):  # سوريا → سوري, روسيا → روسي
        return stem[:-1]
    if stem.endswith("ا"):  # فرنسا → فرنسي, كندا → كندي
        return stem[:-1] + "ي"
    return stem + "ي"  # مصر → مصري, الأردن → أردني, باكستان → باكستاني


def generate():
    known = countries()
    cur = curated()
    nat = load_json(os.path.join(NODE, "i18n-nationality", "langs", "en.json"))["nationalities"]
    terr_en = load_json(os.path.join(NODE, "cldr-localenames-modern", "main", "en", "territories.json"))
    terr_ar = load_json(os.path.join(NODE, "cldr-localenames-modern", "main", "ar", "territories.json"))
    terr_en = terr_en["main"]["en"]["localeDisplayNames"]["territories"]
    terr_ar = terr_ar["main"]["ar"]["localeDisplayNames"]["territories"]
    place_names = {v for v in terr_en.values()}

    rows = {}  # (iso2, lang, form) → set of origins

    def add(iso2, lang, form, origin):
        if iso2 in known:
            rows.setdefault((iso2, lang, form), set()).add(origin)

    # English: i18n-nationality, less what is not an adjective or is shared
    owners = {}
    for iso2, form in nat.items():
        owners.setdefault(form, set()).add(iso2)
    en_kept = en_dropped = 0
    for iso2, form in sorted(nat.items()):
        ok = (
            ENGLISH_FORM.match(form)
            and form not in place_names
            and not any(form.startswith(p) for p in place_names if " " in p)
            and len(owners[form]) == 1
        )
        if ok:
            add(iso2, "en", form, "i18n-nationality")
            en_kept += 1
        else:
            en_dropped += 1

    # Arabic: the rule over CLDR names (the name and its short form)
    agree = disagree = 0
    wrong = []
    for iso2 in sorted(known):
        forms = {arabic_rule(terr_ar.get(k, "")) for k in (iso2, f"{iso2}-alt-short")} - {None}
        for form in sorted(forms):
            if iso2 in cur and cur[iso2][1]:
                if form in cur[iso2][1]:
                    agree += 1
                    add(iso2, "ar", form, "cldr-rule")
                else:
                    disagree += 1
                    wrong.append(f"{iso2} {form}")
            else:
                add(iso2, "ar", form, "cldr-rule")

    # the curated table: every form
    for iso2, (en, ar, _source) in sorted(cur.items()):
        for form in en:
            add(iso2, "en", form, "curated")
        for form in ar:
            add(iso2, "ar", form, "curated")

    # an Arabic form of two countries is dropped (no rule should give one)
    by_form = {}
    for iso2, lang, form in rows:
        by_form.setdefault((lang, form), set()).add(iso2)
    shared = sorted(f"{lang}:{form}" for (lang, form), cs in by_form.items() if len(cs) > 1)
    out_rows = [
        f"{iso2}\t{lang}\t{form}\t{'+'.join(sorted(origins))}"
        for (iso2, lang, form), origins in sorted(rows.items())
        if len(by_form[(lang, form)]) == 1 or "curated" in origins
    ]
    report = (
        f"English: {en_kept} i18n-nationality forms kept, {en_dropped} left out; "
        f"Arabic rule: agrees with the curated table on {agree}, differs on {disagree} "
        f"({', '.join(wrong)}); forms of several countries: {', '.join(shared) or 'none'}"
    )
    header = [
        f"# @generated by `{COMMAND}`: do not edit; edit data/curated/demonyms.tsv or the generator.",
        f"# sources: i18n-nationality {pkg_version('i18n-nationality')} (MIT), "
        f"cldr-localenames-modern {pkg_version('cldr-localenames-modern')} (Unicode License v3); "
        "data/curated/demonyms.tsv; countries of data/gazetteer/places.tsv",
        "# one base form a row: Arabic masculine singular nisba, English adjective or noun;"
        " from: i18n-nationality, cldr-rule (the nisba rule over CLDR's Arabic name), curated",
        "iso2\tlang\tform\tfrom",
    ]
    return "\n".join(header + out_rows) + "\n", report


def main():
    check = "--check" in sys.argv[1:]
    if not os.path.isdir(NODE):
        missing("npm packages: (cd scripts/demonyms && npm ci)")
    text, report = generate()
    if check:
        try:
            with open(OUT, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        if not same:
            print("stale: data/demonyms/demonyms.tsv", file=sys.stderr)
            sys.exit(1)
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote data/demonyms/demonyms.tsv: {len(text.encode())} bytes, {text.count(chr(10))} lines")
    print(report)


if __name__ == "__main__":
    main()
