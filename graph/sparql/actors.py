"""The actors of a store as plain records, and pairs of them that look like one actor
split in two (for review: ``stancegraph actors --suspects``).

``ActorRecord`` fields:

- ``iri``: the actor node's IRI;
- ``label``: its ``rdfs:label`` (the first one, sorted, should a store hold several);
- ``type``: the local name of its actor class ("Official", "PoliticalParty", ...);
- ``aliases``: its ``skos:altLabel`` values (and any further labels), sorted;
- ``statements``: how many statements it made as speaker;
- ``articles``: how many articles mention it (``schema:mentions``);
- ``wikidata``: its Wikidata entity id ("Q30") from ``owl:sameAs``, or None.

``SuspectPair`` is ``(a, b, reason)``, ``a`` the one with more statements; the reasons,
each pair given only the first that applies (anonymous sources are never suspects):

- "same label, different type": one normalised label on nodes of two actor classes;
- "same label": one normalised label on two nodes of the same class;
- "same surname": two Person/Official actors with the same last name token whose given
  names do not conflict ("Chuck Hagel" / "Hagel", "G. Brown" / "Gordon Brown"; not
  "Tony Blair" / "Cherie Blair");
- "alias shared": an alt label of one is the label or an alt label of the other (but
  not the surname two people with conflicting given names share: "Blair");
- "similar names": rapidfuzz ``token_ratio`` >= 90 between the labels of two actors of
  one type family (people; organisations; states; groups), e.g. "al-Zawahiri" /
  "al-Zawahri", "Labour" / "Labour Party".

Names are compared normalised (NFKC, casefold, no punctuation, no leading "the") with a
leading honorific ("Mr", "Dr", "Sir", "Lord", ...) stripped. Candidate pairs come from
blocks, never all pairs: the same key; the same surname; for similarity, labels sharing
the first letter of the surname (people) or of some word (others), compared block by
block with ``rapidfuzz.process.cdist``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

import pyoxigraph as ox

from graph.knowledge.names import name_key
from graph.records import PEOPLE
from graph.sparql.library import query_text
from graph.sparql.run import run_query

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
FAMILIES = {
    "Person": "people",
    "Official": "people",
    "State": "states",
    "Group": "groups",
    "GovernmentBody": "organisations",
    "IGO": "organisations",
    "NGO": "organisations",
    "MilitantGroup": "organisations",
    "MediaOrganization": "organisations",
    "PoliticalParty": "organisations",
}  # AnonymousSource: no family, never a suspect
SIMILARITY = 90
# A key (alias, surname, block letter) that more actors share tells nothing: skipped.
MAX_SHARED = 200
MAX_BLOCK = 2000
STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "al", "el"})
REASONS = ("same label, different type", "same label", "same surname", "alias shared", "similar names")


@dataclass(frozen=True)
class ActorRecord:
    """One actor node of the store (fields: see the module docstring)."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    statements: int = 0
    articles: int = 0
    wikidata: str | None = None


class SuspectPair(NamedTuple):
    """Two actors that may be one: ``a`` (more statements), ``b``, and why."""

    a: ActorRecord
    b: ActorRecord
    reason: str


# --- reading the store ---------------------------------------------------------------------


@dataclass
class _Row:
    labels: set[str] = field(default_factory=set)
    types: set[str] = field(default_factory=set)
    alts: set[str] = field(default_factory=set)
    wikidata: str | None = None
    statements: int = 0
    articles: int = 0


def list_actors(store: ox.Store) -> list[ActorRecord]:
    """Every actor node of the store, most statements first (then most articles, label)."""
    rows: dict[str, _Row] = defaultdict(_Row)
    for s in run_query(store, query_text("actors-list")):
        row = rows[s["actor"].value]
        if s["label"] is not None:
            row.labels.add(s["label"].value)
            row.types.add(s["type"].value)
        if s["alt"] is not None:
            row.alts.add(s["alt"].value)
        if s["wikidata"] is not None:
            row.wikidata = min(row.wikidata or "~", s["wikidata"].value.rsplit("/", 1)[-1])
        if s["statements"] is not None:
            row.statements = int(s["statements"].value)
        if s["articles"] is not None:
            row.articles = int(s["articles"].value)
    records = []
    for iri, row in rows.items():
        if not row.labels:  # not an actor: a topic's alt label, say
            continue
        label, *more = sorted(row.labels)
        aliases = distinct_names(row.alts | set(more), label)
        records.append(
            ActorRecord(iri, label, sorted(row.types)[0], aliases, row.statements, row.articles, row.wikidata)
        )
    return sorted(records, key=lambda r: (-r.statements, -r.articles, r.label.casefold(), r.iri))


def distinct_names(names: set[str], label: str) -> tuple[str, ...]:
    """One name per spelling regardless of case, as it is written in running text rather
    than in capitals where both occur, without the label; sorted.

    >>> distinct_names({"PRESIDENT DONALD TRUMP", "President Donald Trump", "DONALD TRUMP"}, "Donald Trump")
    ('President Donald Trump',)
    """
    by_case: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (n.isupper(), n)):
        by_case.setdefault(name.casefold(), name)
    by_case.pop(label.casefold(), None)
    return tuple(sorted(by_case.values()))


# --- suspects ------------------------------------------------------------------------------


def split_person(key: str) -> tuple[tuple[str, ...], str] | None:
    """(given names, surname) of a normalised person name; None for an empty one."""
    words = [w for w in key.split() if w not in SUFFIXES] or key.split()
    return (tuple(words[:-1]), words[-1]) if words else None


def given_names_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """No conflict between given names: one has none, or the first ones agree (an initial
    agrees with a name of that letter).

    >>> given_names_agree((), ("chuck",)), given_names_agree(("g",), ("gordon",)), given_names_agree(("tony",), ("cherie",))
    (True, True, False)
    """
    if not a or not b:
        return True
    x, y = a[0], b[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def blocks_of(record: ActorRecord, key: str) -> set[str]:
    """The similarity blocks an actor's label falls in: people by the first three letters
    of the surname; others by each word (for "Labour" / "Labour Party") and by the first
    three letters of their words sorted (for spelling variants of every word)."""
    family = FAMILIES[record.type]
    if family == "people":
        person = split_person(key)
        return {f"people:{person[1][:3]}"} if person else set()
    words = [w for w in key.split() if w not in STOPWORDS] or key.split()
    return {f"{family}:word:{w}" for w in words} | {f"{family}:start:{' '.join(sorted(words))[:3]}"}


def pairs_within(members: list[int]) -> Iterable[tuple[int, int]]:
    return combinations(sorted(set(members)), 2) if 1 < len(set(members)) <= MAX_SHARED else ()


def suspect_pairs(records: Iterable[ActorRecord]) -> list[SuspectPair]:
    """Pairs of actors that may be one actor, by the rules of the module docstring."""
    import numpy as np
    from rapidfuzz import fuzz, process

    actors = [r for r in records if r.type in FAMILIES]
    keys = [name_key(r.label) for r in actors]
    people = [split_person(k) if r.type in PEOPLE else None for r, k in zip(actors, keys)]
    found: dict[tuple[int, int], str] = {}

    def note(i: int, j: int, reason: str) -> None:
        if actors[i].type == actors[j].type == "Group":
            return  # "officials" and "U.S. officials": generic collectives, not one actor spelt twice
        found.setdefault((min(i, j), max(i, j)), reason)

    def namesakes(i: int, j: int) -> bool:
        """Two people of one surname whose given names conflict (Tony and Cherie Blair,
        who share the alias "Blair"): not a suspect."""
        a, b = people[i], people[j]
        return bool(a and b and a[1] == b[1] and not given_names_agree(a[0], b[0]))

    by_label: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    by_alt: dict[str, list[int]] = defaultdict(list)
    by_surname: dict[str, list[int]] = defaultdict(list)
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, (record, key) in enumerate(zip(actors, keys)):
        if not key:
            continue
        by_label[key].append(i)
        alts = {name_key(a) for a in record.aliases} - {"", key}
        for name in {key} | alts:
            by_name[name].append(i)
        for alt in alts:
            by_alt[alt].append(i)
        if person := people[i]:
            by_surname[person[1]].append(i)
        for block in blocks_of(record, key):
            blocks[block].append(i)

    for members in by_label.values():
        for i, j in pairs_within(members):
            note(i, j, "same label" if actors[i].type == actors[j].type else "same label, different type")
    for members in by_surname.values():
        for i, j in pairs_within(members):
            if not namesakes(i, j):
                note(i, j, "same surname")
    for alt, members in by_alt.items():
        holders = by_name[alt]
        if len(holders) <= MAX_SHARED:
            for i in members:
                for j in holders:
                    if i != j and not namesakes(i, j):
                        note(i, j, "alias shared")
    for members in blocks.values():
        members = sorted(set(members))
        if not 1 < len(members) <= MAX_BLOCK:
            continue
        names = [keys[i] for i in members]
        scores = process.cdist(
            names, names, scorer=fuzz.token_ratio, score_cutoff=SIMILARITY, dtype=np.uint8, workers=-1
        )
        for x, y in zip(*scores.nonzero()):
            i, j = members[x], members[y]
            if i < j and keys[i] != keys[j]:  # a block holds one type family
                note(i, j, "similar names")

    pairs = []
    for (i, j), reason in found.items():
        a, b = sorted((actors[i], actors[j]), key=lambda r: (-r.statements, -r.articles, r.label, r.iri))
        pairs.append(SuspectPair(a, b, reason))
    rank = {reason: n for n, reason in enumerate(REASONS)}
    return sorted(
        pairs, key=lambda p: (rank[p.reason], -(p.a.statements + p.b.statements), p.a.label, p.b.label, p.a.iri)
    )
