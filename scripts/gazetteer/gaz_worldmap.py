"""Country outlines from npm world-atlas (TopoJSON) as compact SVG paths, cut
at the antimeridian. Part of scripts/gen_gazetteer.py."""

import math
import os

from gaz_common import NODE, fmt_num, load_json

def decode_topology(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_points(ring, arcs):
    pts = []
    for i in ring:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def clip(pts, keep):
    """Sutherland-Hodgman against one vertical line; keep(x) -> bool, line at x0."""
    inside, x0 = keep
    out = []
    n = len(pts)
    for i in range(n):
        cur = pts[i]
        prev = pts[i - 1]
        cin = inside(cur[0])
        pin = inside(prev[0])
        if cin != pin:
            t = (x0 - prev[0]) / (cur[0] - prev[0])
            out.append((x0, prev[1] + t * (cur[1] - prev[1])))
        if cin:
            out.append(cur)
    return out


def cut_antimeridian(pts):
    """Rings that jump across +-180 degrees become one or two rings inside the map."""
    jumps = sum(1 for a, b in zip(pts, pts[1:] + pts[:1]) if abs(a[0] - b[0]) > 180)
    if jumps == 0:
        return [pts]
    # unwrap longitudes so the ring is continuous
    un = [pts[0]]
    off = 0.0
    for a, b in zip(pts, pts[1:]):
        d = b[0] - a[0]
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        un.append((b[0] + off, b[1]))
    if abs(un[-1][0] - un[0][0]) > 180:
        # a ring around the pole (Antarctica): close it along the map's edge
        south = sum(p[1] for p in pts) < 0
        edge = -90.0 if south else 90.0
        k = next(i for i, (a, b) in enumerate(zip(pts, pts[1:] + pts[:1])) if abs(a[0] - b[0]) > 180)
        rot = pts[k + 1 :] + pts[: k + 1]
        return [rot + [(rot[-1][0], edge), (rot[0][0], edge)]]
    out = []
    lo = min(p[0] for p in un)
    hi = max(p[0] for p in un)
    if hi > 180:
        out.append(clip(un, (lambda x: x <= 180, 180.0)))
        out.append([(x - 360, y) for x, y in clip(un, (lambda x: x >= 180, 180.0))])
    elif lo < -180:
        out.append(clip(un, (lambda x: x >= -180, -180.0)))
        out.append([(x + 360, y) for x, y in clip(un, (lambda x: x <= -180, -180.0))])
    else:
        out.append(un)
    return [r for r in out if len(r) >= 3]


def ring_area_centroid(pts):
    a = cx = cy = 0.0
    n = len(pts)
    for i in range(n):
        x0, y0 = pts[i]
        x1, y1 = pts[(i + 1) % n]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, pts[0]
    return abs(a / 2), (cx / (3 * a), cy / (3 * a))


def encode_path(rings):
    """SVG path on a 0.1 degree grid, relative moves, minimal number text."""
    parts = []
    for ring in rings:
        q = []
        for x, y in ring:
            p = (round(x * 10), round(-y * 10))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) < 3:
            continue
        s = "M" + num10(q[0][0]) + sep(num10(q[0][1])) + num10(q[0][1]) + "l"
        first = True
        for (x0, y0), (x1, y1) in zip(q, q[1:]):
            dx = num10(x1 - x0)
            dy = num10(y1 - y0)
            s += ("" if first else sep(dx)) + dx + sep(dy) + dy
            first = False
        parts.append(s + "z")
    return "".join(parts)


def num10(v):
    s = fmt_num(v / 10, 1)
    if s.startswith("0."):
        s = s[1:]
    elif s.startswith("-0."):
        s = "-" + s[2:]
    return s


def sep(s):
    return "" if s.startswith("-") else " "


def build_map(iso_numeric_to_alpha2):
    """The outlines as (iso2, name, label (lon, lat), SVG path), and each
    country's rings (lon, lat points) by iso2."""
    topo = load_json(os.path.join(NODE, "world-atlas", "countries-110m.json"))
    arcs = decode_topology(topo)
    # Natural Earth gives these no ISO id.
    extra = {"Kosovo": "XK", "N. Cyprus": "", "Somaliland": ""}
    shapes = []
    rings_of = {}
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        gid = g.get("id")
        iso2 = iso_numeric_to_alpha2.get(gid, "") if gid is not None else extra.get(name, "")
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = []
        best = (0.0, None)
        for poly in polys:
            for k, ring in enumerate(poly):
                for r in cut_antimeridian(ring_points(ring, arcs)):
                    rings.append(r)
                    if k == 0:
                        area, c = ring_area_centroid(r)
                        if area > best[0]:
                            best = (area, c)
        label = best[1] or rings[0][0]
        shapes.append((iso2, name, label, encode_path(rings)))
        if iso2:
            rings_of.setdefault(iso2, []).extend(rings)
    shapes.sort(key=lambda s: (s[0] == "", s[0], s[1]))
    return shapes, rings_of
