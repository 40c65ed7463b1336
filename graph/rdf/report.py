"""Validation reports people can read: violations grouped by shape and message with
counts, actors named by label and articles by headline, the first examples of each group,
and a JSON form for machines."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import URIRef

from graph.rdf.mint import Minter
from graph.rdf.shacl import Violation, article_graph_names, validate_file, validate_store
from graph.rdf.terms import filled_sparql

DEFAULT_EXAMPLES = 3


@dataclass(frozen=True)
class ValidationReport:
    """What a SHACL check found (``violations``) and what was checked ("409 article graphs
    in bbc-store", "file x.ttl")."""

    checked: str
    violations: tuple[Violation, ...] = ()

    @property
    def conforms(self) -> bool:
        return not self.violations

    def groups(self) -> list[tuple[tuple[str, str, str], list[Violation]]]:
        """Violations by (shape, path, message), the largest group first."""
        found: dict[tuple[str, str, str], list[Violation]] = defaultdict(list)
        for violation in self.violations:
            found[(violation.shape, violation.path or "", violation.message)].append(violation)
        return sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))

    def lines(self, max_examples: int = DEFAULT_EXAMPLES) -> list[str]:
        """A count line per group ("210× ActorShape sg:role: …") and its first examples."""
        out = []
        for (shape, path, message), items in self.groups():
            where = f" {short(path)}" if path else ""
            out.append(f"{len(items)}× {shape}{where}: {message}")
            for violation in items[:max_examples]:
                place = f" — in “{violation.where}”" if violation.where else ""
                out.append(f"    {violation.label or node_name(violation.focus)}{place}")
            if len(items) > max_examples:
                out.append(f"    … and {len(items) - max_examples} more")
        return out

    def to_json(self, max_examples: int = DEFAULT_EXAMPLES) -> dict[str, Any]:
        """The report as JSON-ready data: totals and each group with its first examples."""
        return {
            "checked": self.checked,
            "conforms": self.conforms,
            "violations": len(self.violations),
            "groups": [
                {
                    "shape": shape,
                    "path": path or None,
                    "message": message,
                    "count": len(items),
                    "examples": [{"focus": v.focus, "label": v.label, "where": v.where} for v in items[:max_examples]],
                }
                for (shape, path, message), items in self.groups()
            ],
        }


def short(iri: str) -> str:
    """A property IRI as a prefixed name where the prefix is well known."""
    for prefix, namespace in (("sg:", "https://w3id.org/stancegraph/ns#"), ("oa:", "http://www.w3.org/ns/oa#")):
        if iri.startswith(namespace):
            return prefix + iri[len(namespace) :]
    return iri


def node_name(iri: str) -> str:
    """A node without a label by the kind and key in its IRI ("actor 5ed6549c…")."""
    parts = iri.rstrip("/").split("/")
    return f"{parts[-2]} {parts[-1][:12]}" if len(parts) >= 2 and iri.startswith("http") else iri


def labelled(store: ox.Store, violations: list[Violation]) -> list[Violation]:
    """The violations with their focus node's label (or headline, or speaker) and the
    headline of the article it belongs to, looked up in the store."""
    nodes = sorted({n for v in violations for n in (v.focus, v.where) if n.startswith(("http://", "https://"))})
    names: dict[str, tuple[str, str]] = {}
    for start in range(0, len(nodes), 500):
        query = filled_sparql("validate-describe", nodes=[URIRef(n) for n in nodes[start : start + 500]])
        for row in cast(ox.QuerySolutions, store.query(query, use_default_graph_as_union=True)):
            node, label, where = (row[0], row[1], row[2])
            names.setdefault(
                cast(ox.NamedNode, node).value,
                (cast(ox.Literal, label).value if label else "", cast(ox.Literal, where).value if where else ""),
            )
    return [
        replace(v, label=names.get(v.focus, ("", ""))[0], where=names.get(v.where, ("", ""))[0] or node_name(v.where))
        if v.where
        else replace(v, label=names.get(v.focus, ("", ""))[0], where=names.get(v.focus, ("", ""))[1])
        for v in violations
    ]


def local_copy(store: ox.Store) -> ox.Store:
    """The store itself, or for a SPARQL endpoint an in-memory copy of its quads (the
    engine and the checks read quads, not SPARQL results)."""
    if not hasattr(store, "query_url"):  # embedded: a LocalStore carries its pyoxigraph Store
        return getattr(store, "store", store)
    copy = ox.Store()
    copy.extend(iter(store))
    return copy


def check_store(store: ox.Store, minter: Minter, name: str) -> ValidationReport:
    """Validate a whole store, embedded or an endpoint (``name`` says which, for the report)."""
    store = local_copy(store)
    found = labelled(store, validate_store(store))
    return ValidationReport(f"{len(article_graph_names(store))} article graphs in {name}", tuple(found))


def check_file(path: Path) -> ValidationReport:
    """Validate an RDF file (all its graphs as one).

    :raises RDFFileError: when the file cannot be parsed.
    """
    return ValidationReport(f"file {path}", tuple(replace(v, where=str(path)) for v in validate_file(path)))
