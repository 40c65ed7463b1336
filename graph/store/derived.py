"""The derived graph brought in step with the articles at the end of a build, in small
transactions.

Everything the derived graph should hold is computed from the article, position and
ontology graphs: the actor -> actor edges of each position (``sg:derivedEdge`` and its
super-properties), copies of one statement linked to it (``sg:copyOf``,
``graph.store.consolidate``), and the counts reports read instead of joining every
statement each time — for each position and each pair stance (holder, kind, target,
whatever the topic): distinct statements (copies once), reports, articles, outlets
(``schema:publisher``; an article without one is its own outlet), first and last date, and
for positions the best confidence.

That is compared with what the graph holds, subject by subject, and only subjects whose
triples changed are rewritten, ``CHUNK`` subjects per transaction: a rebuild that adds
nothing writes nothing, and no transaction holds the whole graph (rewriting it in one took
3 GB on 5,000 articles). A reader sees each subject's triples whole, old or new; the counts
are those of the last finished build.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from typing import cast

import pyoxigraph as ox

from graph.rdf.mint import Minter
from graph.rdf.terms import filled_sparql
from graph.store.consolidate import copies, read_statements

CHUNK = 5_000  # subjects rewritten per transaction
NS = "https://w3id.org/stancegraph/ns#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
Lines = dict[str, set[str]]  # subject in N-Triples form -> "predicate object" of its triples, N-Triples form


@dataclass
class Tally:
    """What the statements of one stance add up to."""

    statements: set[int] = field(default_factory=set)  # hashes of IRIs: a fraction of the memory
    reports: set[int] = field(default_factory=set)
    articles: set[int] = field(default_factory=set)
    outlets: set[int] = field(default_factory=set)
    first: ox.Literal | None = None
    last: ox.Literal | None = None
    best: ox.Literal | None = None

    def add(self, row: ox.QuerySolution, canonical: str) -> None:
        self.statements.add(hash(canonical))
        self.reports.add(hash(row["statement"].value))
        self.articles.add(hash(row["article"].value))
        self.outlets.add(hash(row["publisher"].value if row["publisher"] is not None else row["article"].value))
        date, confidence = cast(ox.Literal | None, row["date"]), cast(ox.Literal | None, row["confidence"])
        if date is not None:
            self.first = date if self.first is None or date.value < self.first.value else self.first
            self.last = date if self.last is None or date.value > self.last.value else self.last
        if confidence is not None and (self.best is None or float(confidence.value) > float(self.best.value)):
            self.best = confidence

    def lines(self, best: bool) -> set[str]:
        values: dict[str, ox.Literal | None] = {
            "statementCount": ox.Literal(len(self.statements)),
            "reportCount": ox.Literal(len(self.reports)),
            "articleCount": ox.Literal(len(self.articles)),
            "outletCount": ox.Literal(len(self.outlets)),
            "firstStated": self.first,
            "lastStated": self.last,
            "bestConfidence": self.best if best else None,
        }
        return {f"<{NS}{name}> {value}" for name, value in values.items() if value is not None}


def wanted(store: ox.Store, minter: Minter) -> Lines:
    """Every triple the derived graph should hold, by subject."""
    lines: Lines = defaultdict(set)
    graphs = {"positions": minter.graph("positions"), "ontology": minter.graph("ontology")}
    for row in cast(ox.QuerySolutions, store.query(filled_sparql("derived-edges", **graphs))):
        lines[str(row["holder"])].add(f"{row['edge']} {row['target']}")
    found = copies(read_statements(store))
    for copy, canonical in found.items():
        lines[str(ox.NamedNode(copy))].add(f"<{NS}copyOf> {ox.NamedNode(canonical)}")
    positions: dict[str, Tally] = defaultdict(Tally)
    stances: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for row in cast(ox.QuerySolutions, store.query(filled_sparql("derived-reports", **graphs))):
        statement = row["statement"].value
        canonical = found.get(statement, statement)
        positions[str(row["position"])].add(row, canonical)
        target = row["target"]
        if target is not None and target != row["holder"]:
            stances[(str(row["holder"]), str(row["kind"]), str(target))].add(row, canonical)
    del found
    for subject, tally in positions.items():
        lines[subject] |= tally.lines(best=True)
    for (holder, kind, target), tally in stances.items():
        lines[f"<{minter.iri('stance', f'{holder} {kind} {target}')}>"] |= tally.lines(best=False) | {
            f"{RDF_TYPE} <{NS}PairStance>",
            f"<{NS}holder> {holder}",
            f"<{NS}kind> {kind}",
            f"<{NS}target> {target}",
        }
    return lines


def changes(store: ox.Store, graph: ox.NamedNode, new: Lines) -> tuple[Lines, Lines]:
    """(triples to remove, triples to add) by subject: the graph is read subject by subject
    (its index is ordered by subject) and compared with ``new``, which is emptied as it goes."""
    removed: Lines = {}
    subject, have = "", set[str]()
    for quad in store.quads_for_pattern(None, None, None, graph):
        if str(quad.subject) != subject:
            settle(subject, have, new, removed)
            subject, have = str(quad.subject), set()
        have.add(f"{quad.predicate} {quad.object}")
    settle(subject, have, new, removed)
    return removed, new


def settle(subject: str, have: set[str], new: Lines, removed: Lines) -> None:
    """Compare one subject's triples held with those wanted; keep in ``new`` only what to add."""
    if not subject:
        return
    wanted_here = new.pop(subject, set())
    if have - wanted_here:
        removed[subject] = have - wanted_here
    if wanted_here - have:
        new[subject] = wanted_here - have


def refresh_derived(store: ox.Store, minter: Minter) -> int:
    """Bring the derived graph in step (see the module's docstring); returns the number of
    subjects rewritten.

    :raises OSError: when the store cannot be written.
    """
    graph = ox.NamedNode(str(minter.graph("derived")))
    removed, added = changes(store, graph, wanted(store, minter))
    changed = iter(sorted(removed.keys() | added.keys()))
    count = 0
    while chunk := list(islice(changed, CHUNK)):
        store.update(
            filled_sparql(
                "derived-replace",
                graph=graph,
                removed="\n".join(f"{s} {line} ." for s in chunk for line in removed.get(s, ())),
                added="\n".join(f"{s} {line} ." for s in chunk for line in added.get(s, ())),
            )
        )
        count += len(chunk)
    return count
