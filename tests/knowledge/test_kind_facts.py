"""Statement-kind facts come from the ontology, in one place."""

from __future__ import annotations

import pytest

from graph.errors import RDFFileError
from graph.knowledge.ontology import load_kind_facts
from graph.records import StatementKind

# DESIGN §2: valence per kind, and the derived actor->actor edges of each kind's positions.
EXPECTED = {
    "Assert": (0, ("speaksAbout",)),
    "Appeal": (0, ("appealsTo", "speaksAbout")),
    "Demand": (-1, ("demandsFrom", "opposes")),
    "Support": (1, ("supports",)),
    "Criticize": (-1, ("criticizes", "opposes")),
    "Accuse": (-1, ("accuses", "opposes")),
    "Reject": (-1, ("rejects", "opposes")),
    "Deny": (0, ("denies", "speaksAbout")),
    "Threaten": (-1, ("threatens", "opposes")),
    "Warn": (0, ("warns", "speaksAbout")),
    "Promise": (1, ("promises", "supports")),
}


def test_every_kind_has_its_valence_and_derived_edges():
    facts = load_kind_facts()
    assert {k.value: (f.valence, f.edges) for k, f in facts.items()} == EXPECTED


def test_only_assert_and_warn_are_not_negatable():
    facts = load_kind_facts()
    assert {k for k, f in facts.items() if not f.negatable} == {StatementKind.ASSERT, StatementKind.WARN}


def test_a_kind_without_its_facts_is_an_error(tmp_path):
    path = tmp_path / "onto.ttl"
    path.write_text("@prefix sg: <https://w3id.org/stancegraph/ns#> .\nsg:Assert sg:valence 0 .\n", encoding="utf-8")
    with pytest.raises(RDFFileError, match=r"sg:Assert needs sg:valence, sg:derivedEdge and sg:negatable"):
        load_kind_facts(path)
