#!/usr/bin/env python3
"""Writes the articles of the CoNLL-2003 English development split (Reuters
news of August 1996) as JSON Lines that `examples/timeline_items.rs` reads
(title, content, date_extracted, lang), so English timelines can be checked
by eye on news that no event or date rule was written from:

  python3 scripts/conll_jsonl.py > /tmp/conll_dev.jsonl
  cargo run --release -q --example timeline_items -- /tmp/conll_dev.jsonl

Each -DOCSTART- document is one article: its first sentence is the title,
the date of the dateline ("LONDON 1996-08-30") the publication date, each
later sentence a paragraph. Tokens are joined with the spacing of running
text. Reads ../shared/devdata (or ATLAS_DEVDATA).
"""

import json
import os
import re
import sys

DEVDATA = os.environ.get("ATLAS_DEVDATA", "../shared/devdata")
DATELINE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "'s", "n't", "%", "'"}


def detokenise(tokens: list[str]) -> str:
    out = ""
    for t in tokens:
        if out and t not in NO_SPACE_BEFORE and not out.endswith("("):
            out += " "
        out += t
    return out


def documents(path: str):
    doc: list[list[str]] = []
    sent: list[str] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    yield doc
                doc = []
                continue
            sent.append(parts[0])
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def main() -> int:
    path = os.path.join(DEVDATA, "ner_en", "conll2003_eng.testa")
    if not os.path.exists(path):
        print(f"no {path}", file=sys.stderr)
        return 2
    n = 0
    for i, doc in enumerate(documents(path)):
        sentences = [detokenise(s) for s in doc]
        if len(sentences) < 3:
            continue
        date = next((m.group(1) for s in sentences[1:3] for m in [DATELINE.search(s)] if m), None)
        if not date:
            continue
        row = {
            "id": f"testa-{i}",
            "title": sentences[0],
            "content": "\n".join(sentences[1:]),
            "date_extracted": date,
            "lang": "en",
        }
        print(json.dumps(row, ensure_ascii=False))
        n += 1
    print(f"{n} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
