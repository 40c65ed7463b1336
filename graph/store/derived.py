"""The derived graph brought in step with the articles at the end of a build, in small
transactions.

Everything the derived graph should hold is computed from the article, position and
ontology graphs: the actor -> actor edges of each position (``sg:derivedEdge`` and its
super-properties), copies of one statement linked to it (``sg:copyOf``,
``graph.store.consolidate``), and the counts reports read instead of joining every
statement each time — for each position and each pair stance (holder, kind, target,
whatever the topic): distinct statements (copies once), reports, articles, outlets
(``schema:publisher``; an article without one is its own outlet), first and last date, and
for positions the best confidence; and each shared position (``sg:SharedPosition``: one kind
towards one target and/or on one topic, held by two or more actors) with its holders.

That is compared with what the graph holds, subject by subject, and only subjects whose
triples changed are rewritten, ``CHUNK`` subjects per transaction: a rebuild that adds
nothing writes nothing, and no transaction holds the whole graph (rewriting it in one took
3 GB on 5,000 articles). What is wanted is computed one subject at a time, as each query
returns a subject's rows together (ordered), so memory does not grow with the corpus: the
computation over the 4,950-article AllSides store peaks at 500 MB, against 880 MB when every
subject's triples and tallies were held at once. A reader sees each subject's triples whole, old or new; the counts
are those of the last finished build.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import cast

import pyoxigraph as ox

from graph.rdf.mint import Minter
from graph.rdf.terms import filled_sparql
from graph.store.consolidate import copies_by_voice, read_voices

CHUNK = 5_000  # subjects rewritten per transaction
NS = "https://w3id.org/stancegraph/ns#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


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


Wanted = Iterator[tuple[ox.NamedNode, set[str]]]  # subject, "predicate object" of its triples (N-Triples form)
KindEdges = dict[str, tuple[ox.NamedNode, ...]]  # statement kind IRI -> the actor -> actor edges it derives


def kind_edges(store: ox.Store, minter: Minter) -> KindEdges:
    """The one rule for derived edges: each statement kind's ``sg:derivedEdge`` and that
    edge's super-properties in the stancegraph namespace, read from the ontology graph
    (which must be loaded). Both the batch writes and the end of a build use it."""
    rows = cast(ox.QuerySolutions, store.query(filled_sparql("derived-kind-edges", ontology=minter.graph("ontology"))))
    edges: dict[str, list[ox.NamedNode]] = {}
    for row in rows:
        edges.setdefault(row["kind"].value, []).append(cast(ox.NamedNode, row["edge"]))
    return {kind: tuple(found) for kind, found in edges.items()}


def wanted(store: ox.Store, minter: Minter) -> Wanted:
    """Every subject the derived graph should hold with its triples, one subject at a time
    (each query is ordered so a subject's rows come together): memory holds one subject's
    tally, not the graph's."""
    graphs = {"positions": minter.graph("positions"), "ontology": minter.graph("ontology")}
    edges = kind_edges(store, minter)
    held = cast(ox.QuerySolutions, store.query(filled_sparql("derived-edges", positions=graphs["positions"])))
    for holder, rows in groupby(held, key=lambda row: row["holder"]):
        lines = {f"{edge} {row['target']}" for row in rows for edge in edges.get(row["kind"].value, ())}
        if lines:
            yield cast(ox.NamedNode, holder), lines
    found = copies_by_voice(read_voices(store))
    for copy, canonical in found.items():
        yield ox.NamedNode(copy), {f"<{NS}copyOf> {ox.NamedNode(canonical)}"}
    for position, rows in groupby(reports(store, graphs, "?position"), key=lambda row: row["position"]):
        yield cast(ox.NamedNode, position), tally(rows, found).lines(best=True)
    stated = (row for row in reports(store, graphs, "?holder ?kind ?target") if stance_of(row))
    for stance, rows in groupby(stated, key=stance_of):
        holder, kind, target = cast(tuple[str, str, str], stance)
        lines = tally(rows, found).lines(best=False)
        lines |= {
            f"{RDF_TYPE} <{NS}PairStance>",
            f"<{NS}holder> {holder}",
            f"<{NS}kind> {kind}",
            f"<{NS}target> {target}",
        }
        yield ox.NamedNode(str(minter.iri("stance", f"{holder} {kind} {target}"))), lines
    yield from shared_positions(store, graphs, minter)


def shared_positions(store: ox.Store, graphs: dict, minter: Minter) -> Wanted:
    """One ``sg:SharedPosition`` for each kind of position towards one target and/or on one
    topic that two or more actors hold: its holders and their count, so the
    ``shared-positions`` report reads a few thousand nodes instead of grouping every position."""
    rows = cast(ox.QuerySolutions, store.query(filled_sparql("derived-shared", **graphs)))
    for stance, grouped in groupby(rows, key=lambda row: (row["kind"], row["target"], row["topic"])):
        holders = {f"<{NS}holder> {row['holder']}" for row in grouped}
        if len(holders) < 2:
            continue
        kind, target, topic = stance
        lines = holders | {
            f"{RDF_TYPE} <{NS}SharedPosition>",
            f"<{NS}kind> {kind}",
            f"<{NS}holderCount> {ox.Literal(len(holders))}",
        }
        if target is not None:
            lines.add(f"<{NS}target> {target}")
        if topic is not None:
            lines.add(f"<{NS}topic> {topic}")
        yield ox.NamedNode(str(minter.iri("shared", " ".join(str(term) for term in stance)))), lines


def reports(store: ox.Store, graphs: dict, order: str) -> ox.QuerySolutions:
    return cast(ox.QuerySolutions, store.query(filled_sparql("derived-reports", order=order, **graphs)))


def stance_of(row: ox.QuerySolution) -> tuple[str, str, str] | None:
    """(holder, kind, target) in N-Triples form of a statement's position aimed at another
    actor, else None."""
    target = row["target"]
    if target is None or target == row["holder"]:
        return None
    return str(row["holder"]), str(row["kind"]), str(target)


def tally(rows: Iterable[ox.QuerySolution], found: dict[str, str]) -> Tally:
    total = Tally()
    for row in rows:
        statement = row["statement"].value
        total.add(row, found.get(statement, statement))
    return total


class Rewriter:
    """Compares each wanted subject with what the derived graph holds for it and rewrites
    the changed ones, ``CHUNK`` subjects per transaction."""

    def __init__(self, store: ox.Store, graph: ox.NamedNode) -> None:
        self.store, self.graph = store, graph
        self.removed: list[str] = []
        self.added: list[str] = []
        self.pending = self.count = 0

    def held(self, subject: ox.NamedNode) -> set[str]:
        return {f"{q.predicate} {q.object}" for q in self.store.quads_for_pattern(subject, None, None, self.graph)}

    def sync(self, subject: ox.NamedNode, lines: set[str]) -> None:
        have = self.held(subject)
        if have == lines:
            return
        self.removed += (f"{subject} {line} ." for line in have - lines)
        self.added += (f"{subject} {line} ." for line in lines - have)
        self.pending += 1
        if self.pending >= CHUNK:
            self.write()

    def write(self) -> None:
        if self.pending:
            removed, added = "\n".join(self.removed), "\n".join(self.added)
            self.store.update(filled_sparql("derived-replace", graph=self.graph, removed=removed, added=added))
            self.store.flush()  # RocksDB holds writes in memory until flushed (graph.pipeline.writer)
            self.count += self.pending
            self.removed, self.added, self.pending = [], [], 0


def refresh_derived(store: ox.Store, minter: Minter) -> int:
    """Bring the derived graph in step (see the module's docstring); returns the number of
    subjects rewritten.

    :raises OSError: when the store cannot be written.
    """
    graph = ox.NamedNode(str(minter.graph("derived")))
    rewriter, seen = Rewriter(store, graph), set()
    for subject, lines in wanted(store, minter):
        rewriter.sync(subject, lines)
        seen.add(subject.value)
    rewriter.write()
    held = (cast(ox.NamedNode, q.subject) for q in store.quads_for_pattern(None, None, None, graph))
    for subject in {s for s in held if s.value not in seen}:  # no longer wanted: emptied
        rewriter.sync(subject, set())
    rewriter.write()
    return rewriter.count
