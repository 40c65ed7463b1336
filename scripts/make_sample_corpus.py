"""Build data/corpus/allsides-middle-east.jsonl.gz, the real multi-article sample the
notebooks and the view tests use, from the AllSides subset in ../shared.

Reproducible: `python scripts/make_sample_corpus.py --source ../shared/corpus/allsides-intl`.
The selection: every article of 2017-2020 whose title names Israel, Gaza, the Palestinians,
Iran, Syria, Hamas, Hezbollah, Netanyahu, Lebanon or Saudi Arabia, except the articles of our
label gold (data/gold/allsides-intl/, which must stay unseen by anything tuned on the
sample), in the order of the source file. Texts and fields are unchanged (Apache-2.0).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TITLE = re.compile(r"\b(Israel\w*|Gaza|Palestin\w*|Iran\w*|Syria\w*|Hamas|Hezbollah|Netanyahu|Lebanon|Saudi)\b")
YEARS = ("2017", "2018", "2019", "2020")


def gold_lines() -> set[int]:
    """Source lines of the articles in our label gold."""
    lines = set()
    for path in (REPO / "data" / "gold" / "allsides-intl").glob("*.gold.json"):
        source = json.loads(path.read_text(encoding="utf-8")).get("source", {})
        if isinstance(source, dict) and "line" in source:
            lines.add(int(source["line"]))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=REPO.parent / "shared" / "corpus" / "allsides-intl")
    args = parser.parse_args()
    held_out = gold_lines()
    kept = []
    with gzip.open(args.source / "intl-4950.jsonl.gz", "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            published = record.get("published") or ""
            if number in held_out or published[:4] not in YEARS or not TITLE.search(record.get("title") or ""):
                continue
            kept.append(line if line.endswith("\n") else line + "\n")
    target = REPO / "data" / "corpus"
    target.mkdir(exist_ok=True)
    with gzip.GzipFile(target / "allsides-middle-east.jsonl.gz", "wb", mtime=0) as out:
        out.write("".join(kept).encode("utf-8"))
    shutil.copy(args.source / "LICENSE.Apache-2.0", target / "LICENSE.Apache-2.0")
    print(f"kept {len(kept)} articles (left out {len(held_out)} gold articles) -> {target}")


if __name__ == "__main__":
    main()
