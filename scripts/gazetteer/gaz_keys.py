"""Lookup keys of place names: a port of crate::text::{normalize_char,
tokenize}; tests/gazetteer.rs checks that every key is a fixed point of the
Rust name_key and that display names are found. Part of
scripts/gen_gazetteer.py."""

import os
import unicodedata

from gaz_common import CURATED, read_tsv

# A port of crate::text::{normalize_char, tokenize}; tests/gazetteer.rs checks that
# every key is a fixed point of the Rust name_key and that display names are found.

_MAP = {}
for _chars, _to in [
    ("أإآٱٲٳ", "ا"),
    ("ة", "ه"),
    ("ىئیې", "ي"),
    ("ؤ", "و"),
    ("ک", "ك"),
    ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"),
    ("ÇçĆćČč", "c"),
    ("ÈÉÊËèéêëĒēĖėĘęĚě", "e"),
    ("ÌÍÎÏìíîïĪīİı", "i"),
    ("ÑñŃńŇň", "n"),
    ("ÒÓÔÕÖØòóôõöøŌōŐő", "o"),
    ("ÙÚÛÜùúûüŪūŮůŰű", "u"),
    ("Ýýÿ", "y"),
    ("ŚśŠšŞş", "s"),
    ("ŹźŻżŽž", "z"),
    ("Ğğ", "g"),
    ("Łł", "l"),
    ("Řř", "r"),
    ("Ťť", "t"),
    ("Ďď", "d"),
    ("ß", "s"),
    ("\u2018\u2019\u02bc`\u00b4", "'"),
    ("\u2010\u2011\u2012\u2013\u2014\u2015", "-"),
]:
    for _c in _chars:
        _MAP[_c] = _to


def _dropped(c):
    o = ord(c)
    return (
        0x064B <= o <= 0x065F
        or o == 0x0670
        or 0x06D6 <= o <= 0x06ED
        or o == 0x0640
        or 0x200B <= o <= 0x200F
        or 0x202A <= o <= 0x202E
        or 0x2066 <= o <= 0x2069
        or o == 0xFEFF
    )


def normalize(s):
    out = []
    for c in s:
        if _dropped(c):
            continue
        o = ord(c)
        if c in _MAP:
            out.append(_MAP[c])
        elif 0x0660 <= o <= 0x0669:
            out.append(chr(ord("0") + o - 0x0660))
        elif 0x06F0 <= o <= 0x06F9:
            out.append(chr(ord("0") + o - 0x06F0))
        elif c.isupper():
            out.append(c.lower()[0])
        else:
            out.append(c)
    return "".join(out)


def is_arabic_char(c):
    o = ord(c)
    return 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF


def _word_char(c):
    o = ord(c)
    return c.isalnum() or 0x064B <= o <= 0x065F or o in (0x0670, 0x0640, 0x200C, 0x200D)


def name_key(text):
    """The word tokens of a name, normalised, joined by one space."""
    ch = list(text)
    n = len(ch)
    words = []
    i = 0
    while i < n:
        c = ch[i]
        if c.isspace() or _dropped(c) and not _word_char(c):
            i += 1
            continue
        start = i
        if _word_char(c):
            i += 1
            while i < n:
                d = ch[i]
                if _word_char(d):
                    i += 1
                elif (
                    d in "'\u2019."
                    and i + 1 < n
                    and ch[i + 1].isalpha()
                    and not is_arabic_char(ch[i + 1])
                    and not is_arabic_char(ch[i - 1])
                    and (d != "." or (ch[i - 1].isupper() and ch[i + 1].isupper()))
                ):
                    i += 2
                else:
                    break
            if i < n and ch[i] == "." and i >= start + 3 and ch[i - 2] == ".":
                i += 1
            words.append(normalize("".join(ch[start:i])))
        else:
            i += 1
    return " ".join(w for w in words if w)


PRIOR = {"country": 0, "continent": 1, "region": 2, "capital": 3, "province": 4, "site": 5, "city": 6}


def prior(p):
    # a small capital (Victoria, Seychelles) does not outrank a province
    kind = "capital" if p.kind == "city" and "C" in p.flags and p.pop >= 100_000 else p.kind
    return (PRIOR[kind], -p.pop)


# The recogniser reads a name of at most 8 words (src/recognise/places.rs):
# longer village names ("12 de Diciembre ...") could never be found.
MAX_WORDS = 8


def is_landmark(p):
    """A curated landmark (`landmark:` rows of data/curated/places.tsv; the
    crate's gazetteer::Place::is_landmark reads the same prefix)."""
    return p.id.startswith("landmark:")


def build_index(places):
    stop = set()
    for r in read_tsv(os.path.join(CURATED, "stopwords.tsv")):
        if r["mode"] in ("stop", "late-stop"):
            k = name_key(r["key"])
            stop.add(k)
            # the caller also tries an Arabic word without its article
            # (a bare stop word does not stop the article form: رقه, not الرقه)
            if k.startswith("ال") and len(k) >= 4:
                stop.add(k[2:])
    keys = {}
    for row, p in enumerate(places):
        for name in p.names():
            k = name_key(name)
            for key in [k] + ([k[4:]] if k.startswith("the ") else []):
                if key and key not in stop and key.count(" ") < MAX_WORDS:
                    keys.setdefault(key, set()).add(row)

    # A curated landmark's name is the landmark: a place that has the name
    # only among its alternate names drops that key (GeoNames lists
    # Casablanca as "White House", a translation of its name).
    def own_name(p, k):
        return is_landmark(p) or k in (name_key(p.name_en), name_key(p.name_ar))

    for k, ids in keys.items():
        if any(is_landmark(places[r]) for r in ids):
            keys[k] = {r for r in ids if own_name(places[r], k)}

    def rank(k, big, p):
        # a province indexed by a name that is not its own, which a city of
        # half a million also has, comes after the towns ("New York": the
        # city, then New York State)
        if big and p.kind == "province" and name_key(p.name_en) != k:
            return (PRIOR["city"], 0)
        return prior(p)

    out = []
    for k, ids in sorted(keys.items()):
        big = any(places[r].kind == "city" and places[r].pop >= 500_000 for r in ids)
        out.append((k, sorted(ids, key=lambda r: (rank(k, big, places[r]), r))))
    return out


def fold_latin(name):
    """A Latin-script name without its diacritics ("Mahārāshtra" -> "Maharashtra");
    other scripts unchanged."""
    if not all(unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in name):
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
