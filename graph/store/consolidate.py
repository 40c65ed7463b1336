"""Repeated text counted once: copies of one statement across articles.

A wire story printed by many outlets, or a paragraph an outlet repeats in every issue (a
newsletter intro), gives the same statement — one speaker, one kind, the same or nearly
the same words — in many articles. Each copy keeps its node and evidence in its article's
graph; the derived graph links every copy to one canonical statement (``sg:copyOf``: the
earliest, then the smallest IRI), so a count of statements counts speech acts, not copies.
Near-identical words (an edited wire copy) are found with MinHash LSH (datasketch) on word
3-shingles and kept when their Jaccard similarity is at least ``SIMILAR``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, groupby
from typing import cast

import pyoxigraph as ox

from graph.rdf.terms import filled_sparql

SIMILAR = 0.7  # Jaccard similarity of word 3-shingles from which two wordings are one (a one-word edit of a 20-word sentence is 0.71)
CANDIDATE = 0.5  # LSH threshold: lower than SIMILAR, so the estimate's error loses no pair
SHINGLE = 3
MIN_WORDS = 5  # shorter wordings are copies only when identical
PERMUTATIONS = 64
PAIRWISE = 40  # up to this many wordings of one voice, every pair is compared (no LSH)


@dataclass(frozen=True)
class Said:
    """One statement as consolidation sees it."""

    iri: str
    speaker: str
    kind: str
    words: str
    date: str


def words_of(text: str) -> tuple[str, ...]:
    """The words that decide whether two statements say the same: case, punctuation and
    quotation marks ignored.

    >>> words_of("“We will NOT accept it,” — it's final.")
    ('we', 'will', 'not', 'accept', 'it', 'it', 's', 'final')
    """
    return tuple(re.findall(r"\w+", text.casefold()))


def shingles(words: tuple[str, ...]) -> set[bytes]:
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1))}


class Groups:
    """Union-find over statement IRIs."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:
            self.parent[item], item = root, self.parent.get(item, item)
        return root

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def copies(statements: Iterable[Said]) -> dict[str, str]:
    """Copy IRI -> canonical IRI for every statement that repeats another: same speaker and
    kind, and the same words (or, from ``MIN_WORDS`` words, near-identical ones). The
    statements come in any order and are held by voice; ``copies_by_voice`` takes them one
    voice at a time.

    >>> words = "Iran will pay a heavy price for this attack on our ships in the Gulf"
    >>> a = Said("s:1", "x", "Warn", words, "2019-06-14")
    >>> b = Said("s:2", "x", "Warn", words + ", he said", "2019-06-13")
    >>> c = Said("s:3", "y", "Warn", words, "2019-06-12")
    >>> copies([a, b, c])
    {'s:1': 's:2'}
    """
    by_voice: dict[tuple[str, str], list[Said]] = defaultdict(list)
    for said in statements:
        by_voice[(said.speaker, said.kind)].append(said)
    return copies_by_voice(by_voice.values())


def copies_by_voice(voices: Iterable[list[Said]]) -> dict[str, str]:
    """``copies`` of statements given voice by voice (each list: one speaker and kind, as
    ``read_voices`` reads them): memory holds the largest voice, not the corpus (all
    91,886 statements of the AllSides store held at once took 280 MB)."""
    found: dict[str, str] = {}
    for voiced in voices:
        found.update(voice_copies([said for said in voiced if words_of(said.words)]))
    return found


def voice_copies(said: list[Said]) -> dict[str, str]:
    """Copy IRI -> canonical IRI within one voice's statements (the earliest, then the
    smallest IRI, is canonical)."""
    if len(said) < 2:
        return {}
    groups = Groups()
    join_similar(join_identical(said, groups), groups)
    members: dict[str, list[Said]] = defaultdict(list)
    for one in said:
        if one.iri in groups.parent:
            members[groups.find(one.iri)].append(one)
    found: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda s: (s.date or "9999", s.iri))
        found.update({s.iri: first.iri for s in group if s.iri != first.iri})
    return found


def join_identical(said: list[Said], groups: Groups) -> list[tuple[str, set[bytes]]]:
    """Join one voice's statements with the same words; returns its distinct wordings of
    ``MIN_WORDS`` words or more (IRI, shingles) for the near-identical search."""
    exact: dict[tuple[str, ...], str] = {}
    for one in said:
        key = words_of(one.words)
        if key in exact:
            groups.join(one.iri, exact[key])
        else:
            exact[key] = one.iri
            groups.find(one.iri)
    return [(iri, shingles(key)) for key, iri in exact.items() if len(key) >= MIN_WORDS]


def alike(mine: set[bytes], theirs: set[bytes]) -> bool:
    return len(mine & theirs) >= SIMILAR * len(mine | theirs)


def join_similar(wordings: list[tuple[str, set[bytes]]], groups: Groups) -> None:
    """Join one voice's wordings whose shingles are at least ``SIMILAR`` alike: every pair
    compared for a few wordings; for many, MinHash LSH proposes the pairs to compare. One
    voice at a time, so memory is bounded by the most prolific voice."""
    if len(wordings) < 2:
        return
    if len(wordings) <= PAIRWISE:
        for (iri, mine), (other, theirs) in combinations(wordings, 2):
            if alike(mine, theirs):
                groups.join(iri, other)
        return
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=CANDIDATE, num_perm=PERMUTATIONS)
    hashes = MinHash.bulk([sorted(s) for _, s in wordings], num_perm=PERMUTATIONS, seed=1)
    with lsh.insertion_session() as session:
        for number, minhash in enumerate(hashes):
            session.insert(number, minhash, check_duplication=False)
    for number, minhash in enumerate(hashes):
        iri, mine = wordings[number]
        for other in lsh.query(minhash):
            if other > number and alike(mine, wordings[other][1]):
                groups.join(iri, wordings[other][0])


def read_voices(store: ox.Store) -> Iterator[list[Said]]:
    """The store's statements one voice (speaker and kind) at a time, from a query ordered
    by voice."""
    rows = cast(ox.QuerySolutions, store.query(filled_sparql("consolidate-statements")))
    for _voice, voiced in groupby(rows, key=lambda row: (row["speaker"], row["kind"])):
        yield [
            Said(
                row["statement"].value,
                row["speaker"].value,
                row["kind"].value,
                row["words"].value if row["words"] is not None else "",
                row["date"].value if row["date"] is not None else "",
            )
            for row in voiced
        ]
