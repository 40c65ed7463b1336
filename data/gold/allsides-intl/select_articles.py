"""Pick the AllSides articles annotated in this folder (reproducible: fixed seed).

Run from the repository root: ``python data/gold/allsides-intl/select_articles.py``; prints one
line per pick: corpus line number, slug, outlet, date, words, title. With ``--write`` it also
writes each article to ``texts/<slug>.txt`` as the title line, a blank line and the record's
``text`` unchanged (the product reads that first line as the headline). Not part of the package.

Rule: shuffle the corpus with ``random.Random(SEED)``; keep a news (not opinion) outlet,
250–750 words, at least three politics/conflict words, two international-affairs words and
four speech cues; at most two articles per outlet; skip an article whose title shares half
its content words with one already kept (syndicated copies of one story); stop at ``WANT``
articles.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

CORPUS = Path("../shared/corpus/allsides-intl/intl-4950.jsonl.gz")
SEED = 4950
WANT = 24
OPINION = re.compile(r"guest writer|flip side|hanson|opinion|editorial|national review|townhall|reason|spectator")
TOPIC = re.compile(
    r"\b(minister|president|military|troops|war|attack|sanctions|ceasefire|talks|government|"
    r"missile|nuclear|rebels|militants|embassy|diplomat\w*|forces|election|protest\w*)\b",
    re.IGNORECASE,
)
INTERNATIONAL = re.compile(
    r"\b(foreign|ministry|minister|united nations|u\.n\.|nato|embassy|sanctions|cease-?fire|diplomat\w*|"
    r"treaty|summit|allies|border)\b",
    re.IGNORECASE,
)
CUES = re.compile(r"\b(said|says|told|warned|urged|called on|accused|denied|vowed|demanded)\b")
STOP = {"the", "a", "an", "of", "in", "on", "to", "for", "and", "with", "as", "at", "by", "is", "after"}


def title_words(title: str) -> set[str]:
    """Content words of a title, lower-cased."""
    return {w for w in re.findall(r"[a-z']+", title.lower()) if w not in STOP}


def slug_of(title: str) -> str:
    """A short file name from the title's first five content words."""
    words = re.findall(r"[a-z0-9]+", title.lower().replace("'", "").replace("\u2019", ""))
    return "-".join([w for w in words if w not in STOP][:5])


def main(path: Path = CORPUS, write: bool = False) -> None:
    """Print the picks (and write their texts)."""
    rows = [(n, json.loads(line)) for n, line in enumerate(gzip.open(path, "rt", encoding="utf-8"), start=1)]
    random.Random(SEED).shuffle(rows)
    per_outlet: dict[str, int] = {}
    kept: list[set[str]] = []
    for number, row in rows:
        source, text, title = row.get("source") or "", row["text"], row.get("title") or ""
        words = len(text.split())
        if OPINION.search(source.lower()) or not 250 <= words <= 750 or per_outlet.get(source, 0) >= 2:
            continue
        if len(set(TOPIC.findall(text.lower()))) < 3 or len(CUES.findall(text)) < 4:
            continue
        if len(set(INTERNATIONAL.findall(text.lower()))) < 2:
            continue
        mine = title_words(title)
        if any(len(mine & other) * 2 >= min(len(mine), len(other)) for other in kept):
            continue
        per_outlet[source] = per_outlet.get(source, 0) + 1
        kept.append(mine)
        slug = slug_of(title)
        print(f"{number}\t{slug}\t{source}\t{row.get('published')}\t{words}\t{title}")
        if write:
            out = Path(__file__).parent / "texts" / f"{slug}.txt"
            out.write_text(f"{title.strip()}\n\n{text}", encoding="utf-8")
        if len(kept) == WANT:
            return


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--write"]
    main(Path(args[0]) if args else CORPUS, write="--write" in sys.argv)
