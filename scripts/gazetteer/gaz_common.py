"""Paths and small readers shared by the gazetteer generator's modules
(scripts/gen_gazetteer.py is the entry point)."""

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NODE = os.path.join(ROOT, "scripts", "gazetteer", "node_modules")
OUT = os.path.join(ROOT, "data", "gazetteer")
CURATED = os.path.join(ROOT, "data", "curated")


def missing(what):
    """Exit code 3: an input is not installed (tests skip rather than fail)."""
    print(f"gazetteer input missing: {what}", file=sys.stderr)
    sys.exit(3)


def load_json(path):
    # an npm input not installed (or an older node_modules without it)
    if path.startswith(NODE) and not os.path.exists(path):
        missing(f"{os.path.relpath(path, NODE)} (cd scripts/gazetteer && npm ci)")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_tsv(path):
    """Rows of a curated TSV: '#' lines are comments, the first other line names the columns."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) != len(header):
                sys.exit(f"{path}: row has {len(cols)} columns, expected {len(header)}: {line!r}")
            rows.append(dict(zip(header, cols)))
    return rows


def fmt_num(v, digits):
    s = f"{v:.{digits}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    return s
