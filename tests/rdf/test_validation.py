"""Validation of whole stores (issue 16): roles in time, the grouped report and its JSON."""

from __future__ import annotations

import json

import pyoxigraph as ox
from typer.testing import CliRunner

from graph.cli import app
from graph.rdf.mint import Minter
from graph.rdf.report import check_store
from graph.rdf.shacl import validate_store
from graph.records import ActorType
from tests.factories import actor, extraction, said, store_from

MINTER = Minter()


def straw(role: str, date: str, text: str):
    """An article in which Jack Straw, in ``role``, says ``text``."""
    people = [actor("name:person:jack straw", "Jack Straw", ActorType.OFFICIAL, role=role)]
    return extraction(text, people, [said(text, "name:person:jack straw")], published=date)


def two_roles_store(path=None) -> ox.Store:
    return store_from(
        [
            straw("Home Secretary", "2000-03-01", "The asylum rules will change."),
            straw("Foreign Secretary", "2004-11-02", "The talks with Iran will go on."),
        ],
        path,
    )


def test_a_person_with_two_roles_in_two_articles_validates(tmp_path):
    store = two_roles_store(tmp_path / "store")
    assert validate_store(store) == []
    assert check_store(store, MINTER, "two roles").conforms


def test_each_quote_carries_the_role_its_speaker_spoke_in():
    store = two_roles_store()
    found = {
        (s.value, r.value)
        for s, r in (
            (row[0], row[1])
            for row in store.query(
                "SELECT ?said ?role WHERE { ?st <https://w3id.org/stancegraph/ns#speakerRole> ?role ; "
                "<https://w3id.org/stancegraph/ns#content> ?said }",
                use_default_graph_as_union=True,
            )
        )
    }
    assert found == {
        ("The asylum rules will change.", "Home Secretary"),
        ("The talks with Iran will go on.", "Foreign Secretary"),
    }


def quad(s: str, p: str, o: ox.NamedNode | ox.Literal, g: ox.NamedNode) -> ox.Quad:
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, g)


def seeded_store() -> ox.Store:
    """A valid two-article store with 700 violations of three kinds added: 200 positions
    without holder or kind, 150 actors without a label, 150 actors given two roles by one
    article."""
    store = two_roles_store()
    sg, rdf_type = "https://w3id.org/stancegraph/ns#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    actors = ox.NamedNode(str(MINTER.graph("actors")))
    article = next(g for g in store.named_graphs() if "graph/article/" in str(g))
    for i in range(200):
        store.add(
            quad(
                f"https://w3id.org/stancegraph/id/position/broken-{i}", rdf_type, ox.NamedNode(f"{sg}Position"), article
            )
        )
    for i in range(150):
        store.add(
            quad(f"https://w3id.org/stancegraph/id/actor/nameless-{i}", rdf_type, ox.NamedNode(f"{sg}State"), actors)
        )
    for i in range(150):
        node = f"https://w3id.org/stancegraph/id/actor/busy-{i}"
        store.add(quad(node, rdf_type, ox.NamedNode(f"{sg}Person"), actors))
        store.add(quad(node, "http://www.w3.org/2000/01/rdf-schema#label", ox.Literal(f"Minister {i}"), actors))
        for role in ("minister", "envoy"):
            store.add(quad(node, f"{sg}role", ox.Literal(role), article))
    return store


def test_the_report_groups_violations_with_counts_and_labels():
    report = check_store(seeded_store(), MINTER, "seeded")
    assert len(report.violations) >= 500
    lines = report.lines(max_examples=3)
    assert len(lines) <= 40
    assert lines[0].startswith(("200×", "150×"))
    assert any("Minister" in line for line in lines), lines
    assert not any(line.strip().startswith("https://w3id.org/stancegraph/id/actor/busy") for line in lines)
    counts = {(g["shape"], g["count"]) for g in report.to_json()["groups"]}
    assert ("PositionShape", 200) in counts and ("ActorShape", 150) in counts


def test_validate_prints_json_for_machines(tmp_path):
    two_roles_store(tmp_path / "store")
    result = CliRunner().invoke(app, ["validate", "--store", str(tmp_path / "store"), "--format", "json", "--strict"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["conforms"] and report["violations"] == 0 and report["groups"] == []


def test_validating_in_chunks_finds_each_violation_once():
    store = seeded_store()
    whole = validate_store(store)
    one_by_one = validate_store(store, chunk=1)
    key = sorted((v.focus, v.path or "", v.message) for v in whole)
    assert sorted((v.focus, v.path or "", v.message) for v in one_by_one) == key


def test_an_affiliation_to_an_actor_the_article_does_not_describe_is_not_written():
    from graph.rdf.mapping import extraction_triples
    from graph.rdf.vocab import SG
    from tests.factories import RUN

    advisers = actor("name:advisers", "President Bush's advisers", ActorType.GROUP, affiliation="name:person:bush")
    item = extraction_triples(extraction("The advisers met.", [advisers], []), RUN, MINTER)
    assert not [t for t in item.actors if t[1] == SG.affiliation]
    assert validate_store(store_from([extraction("The advisers met.", [advisers], [])])) == []
