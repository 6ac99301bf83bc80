"""Province points from Natural Earth's first-level divisions at 1:50m (it
draws those of Australia, Brazil, Canada and the United States; US states
take theirs from us-atlas), as Debian's r-cran-rnaturalearthdata ships
them. Part of scripts/gen_gazetteer.py.

A province of a country whose towns crowd one edge (Ontario's along the
Great Lakes, Queensland's along the coast) is pinned by the middle of its
towns far from the middle of its area, where maps and gazetteers put it.
Natural Earth draws those provinces; sp's label point of each (the centroid
of its largest ring, the `labpt` slot) stands where the area is.

The package keeps its data in R's lazy-load database (data/Rdata.rdx, the
index, gzip; data/Rdata.rdb, each object a 4-byte length, a compression
byte and an xz (LZMA2) stream); `unserialize` below reads R's XDR
serialization format, only as far as these objects need.
"""

import gzip
import lzma
import os
import struct

from gaz_common import missing
from gaz_keys import fold_latin

NE_DATA = "/usr/lib/R/site-library/rnaturalearthdata/data/Rdata"

# R's serialization: SEXP types and the special values
NILSXP, SYMSXP, LISTSXP, CLOSXP, ENVSXP, LANGSXP, CHARSXP, LGLSXP = 0, 1, 2, 3, 4, 6, 9, 10
INTSXP, REALSXP, STRSXP, VECSXP, S4SXP = 13, 14, 16, 19, 25
REFSXP, NILVALUE_SXP, GLOBALENV_SXP, UNBOUNDVALUE_SXP, MISSINGARG_SXP = 255, 254, 253, 252, 251
BASENAMESPACE_SXP, NAMESPACESXP, PACKAGESXP, EMPTYENV_SXP, BASEENV_SXP = 247, 249, 250, 242, 241


class RObj:
    """An R value: its type, its data (a list, a string or None) and its
    attributes (name -> value), tagged pairs for pairlists."""

    def __init__(self, kind, data=None, attrs=None, tag=None):
        self.kind = kind
        self.data = data
        self.attrs = attrs or {}
        self.tag = tag

    def attr(self, name):
        return self.attrs.get(name)


class Reader:
    def __init__(self, buf):
        self.buf = buf
        self.at = 0
        self.refs = []

    def int(self):
        (v,) = struct.unpack_from(">i", self.buf, self.at)
        self.at += 4
        return v

    def length(self):
        n = self.int()
        if n == -1:
            hi, lo = self.int(), self.int()
            n = (hi << 32) + lo
        return n

    def header(self):
        if self.buf[:2] != b"X\n":
            raise ValueError("not R's XDR serialization")
        self.at = 2
        version = self.int()
        self.int()  # writer's R version
        self.int()  # oldest reader's
        if version == 3:
            n = self.int()  # the native encoding's name
            self.at += n

    def pairlist_attrs(self):
        out = {}
        node = self.item()
        while node is not None and node.kind == LISTSXP:
            out[node.tag] = node.data[0]
            node = node.data[1]
        return out

    def item(self):
        flags = self.int()
        kind = flags & 0xFF
        has_attr, has_tag = flags & (1 << 9), flags & (1 << 10)
        if kind == NILVALUE_SXP:
            return None
        if kind in (GLOBALENV_SXP, UNBOUNDVALUE_SXP, MISSINGARG_SXP, BASENAMESPACE_SXP, EMPTYENV_SXP, BASEENV_SXP):
            return RObj(kind)
        if kind == REFSXP:
            i = flags >> 8 or self.int()
            return self.refs[i - 1]
        if kind == SYMSXP:
            name = self.item().data
            sym = RObj(SYMSXP, name)
            self.refs.append(sym)
            return sym
        if kind in (NAMESPACESXP, PACKAGESXP):
            self.int()
            obj = RObj(kind, [self.item() for _ in range(self.length())])
            self.refs.append(obj)
            return obj
        if kind == ENVSXP:
            obj = RObj(ENVSXP)
            self.refs.append(obj)
            self.int()  # locked
            obj.data = [self.item() for _ in range(3)]  # enclosure, frame, hash table
            attrs = self.item()
            obj.attrs = {} if attrs is None else {"_": attrs}
            return obj
        if kind in (LISTSXP, LANGSXP, CLOSXP):
            attrs = self.pairlist_attrs() if has_attr else {}
            tag = self.item() if has_tag else None
            car = self.item()
            cdr = self.item()
            return RObj(LISTSXP if kind == LISTSXP else kind, [car, cdr], attrs, tag.data if tag is not None else None)
        if kind == CHARSXP:
            n = self.int()
            if n == -1:
                return RObj(CHARSXP, None)
            s = self.buf[self.at : self.at + n]
            self.at += n
            # UTF-8 (flag bit 3 of the levels) or Latin-1
            return RObj(CHARSXP, s.decode("utf-8" if (flags >> 12) & 8 else "latin-1"))
        if kind == S4SXP:
            obj = RObj(S4SXP)
        elif kind in (LGLSXP, INTSXP):
            n = self.length()
            obj = RObj(kind, list(struct.unpack_from(f">{n}i", self.buf, self.at)))
            self.at += 4 * n
        elif kind == REALSXP:
            n = self.length()
            obj = RObj(kind, list(struct.unpack_from(f">{n}d", self.buf, self.at)))
            self.at += 8 * n
        elif kind in (STRSXP, VECSXP):
            obj = RObj(kind, [self.item() for _ in range(self.length())])
            if kind == STRSXP:
                obj.data = [c.data for c in obj.data]
        else:
            raise ValueError(f"R type {kind} not read here")
        if has_attr:
            obj.attrs = self.pairlist_attrs()
        return obj


def unserialize(buf):
    r = Reader(buf)
    r.header()
    return r.item()


def lazy_load(base, name):
    """Object `name` of R's lazy-load database at base.rdx / base.rdb."""
    with open(base + ".rdx", "rb") as f:
        index = unserialize(gzip.decompress(f.read()))
    names = index.attr("names").data
    variables = index.data[names.index("variables")]
    where = variables.data[variables.attr("names").data.index(name)].data
    offset, size = int(where[0]), int(where[1])
    with open(base + ".rdb", "rb") as f:
        f.seek(offset)
        blob = f.read(size)
    if blob[4:5] != b"Z":
        raise ValueError(f"{name}: compression {blob[4:5]!r} not read here")
    raw = lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=[{"id": lzma.FILTER_LZMA2, "preset": 9}])
    return unserialize(raw.decompress(blob[5:]))


def province_points():
    """ISO 3166-2 code ("CA-ON"), and (country, name folded to ASCII), ->
    (lat, lon) of the province's label point."""
    if not os.path.exists(NE_DATA + ".rdb"):
        missing(f"{NE_DATA}.rdb: apt-get install r-cran-rnaturalearthdata")
    states = lazy_load(NE_DATA, "states50")
    table = states.attr("data")
    columns = dict(zip(table.attr("names").data, table.data))
    rows = zip(columns["iso_3166_2"].data, columns["iso_a2"].data, columns["name"].data, states.attr("polygons").data)
    out = {}
    for code, cc, name, poly in rows:
        lon, lat = poly.attr("labpt").data
        # Australia's and Brazil's rows have no code of their own ("AU-"):
        # they are found by country and name too
        if code and not code.endswith("-"):
            out[code] = (lat, lon)
        if cc and name:
            out[(cc, fold_latin(name))] = (lat, lon)
    return out


def version():
    import subprocess  # noqa: PLC0415

    return (
        subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "r-cran-rnaturalearthdata"], capture_output=True, text=True, check=False
        ).stdout.strip()
        or "unknown"
    )
