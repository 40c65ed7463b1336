"""Scoring actor identity in a store against an identity spec (JSON; e.g.
``../shared/eval/dev/identity-bbc.json``)::

    {"same":       [["Tony Blair", "Mr Blair", "Blair"], ...],   # one actor node each
     "distinct":   [["Charles Clarke", "Ken Clarke"], ...],      # two actor nodes
     "types":      {"Labour Party": "PoliticalParty", ...},      # the node's actor class
     "not_actors": ["Linux", ...]}                               # no actor node has the name

A name is looked up among the actor nodes (typed with one of the actor classes) by
``rdfs:label`` or ``skos:altLabel``, compared after normalisation (NFKC, casefold, no
punctuation, no leading "the") with a leading honorific ("Mr", "Dr", "Sir", "Lord", ...)
stripped from both sides. The store is read once (``identity-actor-names.rq``);
everything else is pure.

- a ``same`` group passes when the names that are found map to exactly one node in
  total and at least one is found (names not found are reported, and counted in
  ``same_names_not_found``);
- a ``distinct`` pair passes when each name is found and no node carries both
  (``distinct_pairs_merged`` counts the pairs one node carries);
- a ``types`` item passes when the name is found and each of its nodes has that class;
- a ``not_actors`` name counts in ``not_actors_found`` when some actor node has it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import GoldFileError
from graph.evaluation.scores import Ratio, Summable
from graph.knowledge.names import name_key
from graph.records import ActorType
from graph.sparql.library import query_text
from graph.sparql.run import run_query

SPEC_KEYS = ("same", "distinct", "types", "not_actors")


@dataclass(frozen=True)
class ActorNode:
    iri: str
    label: str
    types: tuple[str, ...]

    def describe(self) -> str:
        return f"<{self.iri}> {self.label!r} ({'/'.join(self.types) or '?'})"


@dataclass
class ActorIndex:
    """The actor nodes of a store by name key."""

    nodes: dict[str, ActorNode] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str, str]]) -> ActorIndex:
        """From (actor IRI, type local name, label, name) rows."""
        labels: dict[str, str] = {}
        types: dict[str, set[str]] = {}
        index = cls()
        for iri, actor_type, label, name in rows:
            labels.setdefault(iri, label)
            types.setdefault(iri, set()).add(actor_type)
            index.by_key.setdefault(name_key(name), set()).add(iri)
        index.nodes = {iri: ActorNode(iri, labels[iri], tuple(sorted(types[iri]))) for iri in labels}
        return index

    def find(self, name: str) -> list[ActorNode]:
        return [self.nodes[iri] for iri in sorted(self.by_key.get(name_key(name), ()))]


def read_store(store: Any) -> ActorIndex:
    """Every actor node of the store with its names (one query)."""
    solutions = run_query(store, query_text("identity-actor-names"))
    return ActorIndex.from_rows(
        (s["actor"].value, s["type"].value, s["label"].value, s["name"].value) for s in solutions
    )


@dataclass
class IdentityReport(Summable):
    same: Ratio = field(default_factory=Ratio)  # groups on one node / groups
    same_names: Ratio = field(default_factory=Ratio)  # names of same groups not found / names
    distinct: Ratio = field(default_factory=Ratio)
    distinct_merged: Ratio = field(default_factory=Ratio)  # pairs on one node / pairs
    types: Ratio = field(default_factory=Ratio)
    not_actors: Ratio = field(default_factory=Ratio)  # names found as actors / names
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int]:
        return {
            "same_groups_one_node": self.same.hit,
            "same_groups": self.same.total,
            "same_names_not_found": self.same_names.hit,
            "distinct_pairs_apart": self.distinct.hit,
            "distinct_pairs": self.distinct.total,
            "distinct_pairs_merged": self.distinct_merged.hit,
            "types_right": self.types.hit,
            "types": self.types.total,
            "not_actors_found": self.not_actors.hit,
            "not_actors": self.not_actors.total,
        }


def nodes_text(nodes: Iterable[ActorNode]) -> str:
    return "; ".join(n.describe() for n in nodes) or "no node"


def score_same(index: ActorIndex, group: list[str], report: IdentityReport) -> None:
    found = {name: index.find(name) for name in group}
    missing = [name for name, nodes in found.items() if not nodes]
    names_of: dict[ActorNode, list[str]] = {}
    for name, nodes in found.items():
        for node in nodes:
            names_of.setdefault(node, []).append(name)
    passed = len(names_of) == 1
    report.same.add(Ratio(int(passed), 1))
    report.same_names.add(Ratio(len(missing), len(group)))
    if not names_of:
        report.errors.append(f"same {group}: no name found")
        return
    if not passed:
        nodes = sorted(names_of, key=lambda n: n.iri)
        parts = [f"{n.describe()} <- {', '.join(map(repr, names_of[n]))}" for n in nodes]
        report.errors.append(f"same {group}: {len(nodes)} nodes: {'; '.join(parts)}")
    if missing:
        report.errors.append(f"same {group}: not found: {', '.join(map(repr, missing))}")


def score_distinct(index: ActorIndex, pair: list[str], report: IdentityReport) -> None:
    a, b = pair
    found_a, found_b = index.find(a), index.find(b)
    shared = sorted({n.iri for n in found_a} & {n.iri for n in found_b})
    passed = bool(found_a and found_b and not shared)
    report.distinct.add(Ratio(int(passed), 1))
    report.distinct_merged.add(Ratio(int(bool(shared)), 1))
    if passed:
        return
    if shared:
        report.errors.append(f"distinct {pair}: one node: {nodes_text(index.nodes[i] for i in shared)}")
    for name, nodes in ((a, found_a), (b, found_b)):
        if not nodes:
            report.errors.append(f"distinct {pair}: not found: {name!r}")


def score_type(index: ActorIndex, name: str, expected: str, report: IdentityReport) -> None:
    nodes = index.find(name)
    passed = bool(nodes) and all(expected in n.types for n in nodes)
    report.types.add(Ratio(int(passed), 1))
    if not passed:
        report.errors.append(f"type {name!r} should be {expected}: {nodes_text(nodes) if nodes else 'not found'}")


def score_not_actor(index: ActorIndex, name: str, report: IdentityReport) -> None:
    nodes = index.find(name)
    report.not_actors.add(Ratio(int(bool(nodes)), 1))
    if nodes:
        report.errors.append(f"not an actor {name!r}: {nodes_text(nodes)}")


def score_identity(index: ActorIndex, spec: dict) -> IdentityReport:
    """Score one identity spec against the actor nodes of a store."""
    report = IdentityReport()
    for group in spec.get("same", []):
        score_same(index, group, report)
    for pair in spec.get("distinct", []):
        score_distinct(index, pair, report)
    for name, expected in spec.get("types", {}).items():
        score_type(index, name, expected, report)
    for name in spec.get("not_actors", []):
        score_not_actor(index, name, report)
    return report


def is_identity_spec(path: Path) -> bool:
    """A ``.json`` file whose top level has "same" or "distinct" (unreadable files are not)."""
    if path.suffix != ".json":
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and ("same" in data or "distinct" in data)


def read_spec(path: Path) -> dict:
    """An identity spec, checked for shape.

    :raises GoldFileError: when it cannot be read or is not an identity spec.
    """
    try:
        spec = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFileError(f"{path}: cannot read identity spec: {exc}") from None

    def bad(what: str) -> GoldFileError:
        return GoldFileError(f"{path}: not an identity spec: {what}")

    if not isinstance(spec, dict) or not any(k in spec for k in SPEC_KEYS):
        raise bad(f"expected an object with {', '.join(SPEC_KEYS)}")
    if not all(isinstance(g, list) and g and all(isinstance(n, str) for n in g) for g in spec.get("same", [])):
        raise bad('"same" must be a list of non-empty lists of names')
    if not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in spec.get("distinct", [])
    ):
        raise bad('"distinct" must be a list of pairs of names')
    types = spec.get("types", {})
    valid = {t.value for t in ActorType}
    if not isinstance(types, dict) or not all(isinstance(n, str) and t in valid for n, t in types.items()):
        raise bad(f'"types" must map names to actor classes ({", ".join(sorted(valid))})')
    if not all(isinstance(n, str) for n in spec.get("not_actors", [])):
        raise bad('"not_actors" must be a list of names')
    return spec


def evaluate_identity_files(paths: Iterable[Path], store: Any) -> IdentityReport:
    """Summed identity report over several specs, all against one store."""
    index, total = read_store(store), IdentityReport()
    for path in paths:
        report = score_identity(index, read_spec(path))
        report.errors = [f"{path.name}: {e}" for e in report.errors]
        total.add(report)
    return total
