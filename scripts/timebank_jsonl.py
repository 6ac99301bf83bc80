#!/usr/bin/env python3
"""Writes the TimeBank/AQUAINT articles of the development data as JSON Lines
that `examples/timeline_items.rs` reads (title, content, date_extracted, lang),
so the English timelines can be checked by eye like the Arabic ones:

  python3 scripts/timebank_jsonl.py > /tmp/timebank.jsonl
  cargo run --release -q --example timeline_items -- /tmp/timebank.jsonl

The publication date is each document's creation time (the TIMEX3 whose
functionInDocument is CREATION_TIME); the text is the TEXT element with its
annotation tags taken out. Reads ../shared/devdata (or ATLAS_DEVDATA).
"""

import glob
import html
import json
import os
import re
import sys

DEVDATA = os.environ.get("ATLAS_DEVDATA", "../shared/devdata")
DCT = re.compile(r'<TIMEX3[^>]*value="([0-9]{4}-[0-9]{2}-[0-9]{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"')
TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)
TAG = re.compile(r"<[^>]+>")


def main() -> int:
    files = sorted(glob.glob(os.path.join(DEVDATA, "temporal", "TBAQ-cleaned", "*", "*.tml")))
    if not files:
        print(f"no .tml files under {DEVDATA}/temporal/TBAQ-cleaned", file=sys.stderr)
        return 2
    for path in files:
        raw = open(path, encoding="utf-8").read()
        dct, body = DCT.search(raw), TEXT.search(raw)
        if not dct or not body:
            continue
        text = html.unescape(TAG.sub("", body.group(1))).strip()
        row = {"id": os.path.basename(path), "title": "", "content": text,
               "date_extracted": dct.group(1) + " 12:00:00", "lang": "en"}
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
