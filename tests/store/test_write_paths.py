"""A batch of new articles is written with ``Store.extend``, any other batch with one SPARQL
update: both must leave the same quads, derived edges included."""

import pyoxigraph as ox

from graph.rdf.mapping import extraction_triples
from graph.records import ActorType, StatementKind
from graph.store.derived import kind_edges
from graph.store.write import (
    edge_triples,
    existing_types,
    finish_build,
    replace_articles,
    shared_actor_triples,
    start_build,
    write_articles,
)
from tests.factories import MINTER, RUN, actor, extraction, said

IRAN, US = "wd:Q794", "wd:Q30"
ACCUSES = "https://w3id.org/stancegraph/ns#accuses"


def batch(texts: list[str], kind: StatementKind = StatementKind.ACCUSE, first: int = 0) -> list:
    """Articles ``https://example.org/{first}``, ``…/{first + 1}``: a later batch with the same
    numbers holds changed versions of the same articles."""
    items = []
    for number, text in enumerate(texts, start=first):
        actors = [actor(IRAN, "Iran"), actor(US, "United States", ActorType.STATE)]
        statement = said(text, IRAN, kind, targets=(US,))
        items.append(extraction(text, actors, [statement], url=f"https://example.org/{number}"))
    return [extraction_triples(e, RUN, MINTER) for e in items]


def through_update(store: ox.Store, triples: list) -> None:
    known = existing_types(store, MINTER, {t[0] for item in triples for t in item.actors})
    derived = edge_triples(kind_edges(store, MINTER), triples)
    replace_articles(store, triples, MINTER, shared_actor_triples(triples, known), derived)


def fresh() -> ox.Store:
    store = ox.Store()
    start_build(store, MINTER)
    return store


def test_new_articles_written_with_extend_equal_the_sparql_update_derived_edges_included():
    first = batch(["Iran accused the United States of piracy.", "Iran said Washington lied."])
    extended, updated = fresh(), fresh()
    write_articles(extended, first, MINTER)
    through_update(updated, first)
    assert set(extended) == set(updated)
    assert any(q.predicate.value == ACCUSES for q in extended)


def test_a_changed_article_replaces_its_graph_and_a_new_one_joins_it():
    extended, updated = fresh(), fresh()
    original = batch(["Iran accused the United States of piracy."])
    changed = batch(["Iran accused the United States of piracy in the Gulf."], StatementKind.WARN)
    for step in (original, changed, batch(["Iran said Washington lied.", "Tehran blamed the US."], first=1)):
        write_articles(extended, step, MINTER)
        through_update(updated, step)
        assert set(extended) == set(updated)
    texts = {q.object.value for q in extended if q.predicate.value == "http://schema.org/articleBody"}
    assert "Iran accused the United States of piracy." not in texts  # the changed article's old text is gone


def test_the_edges_a_batch_writes_are_those_the_end_of_a_build_derives():
    store = fresh()
    write_articles(store, batch(["Iran accused the United States of piracy."]), MINTER)
    write_articles(store, batch(["Iran warned Washington.", "Iran said it lied."], StatementKind.WARN, 1), MINTER)
    derived = ox.NamedNode(str(MINTER.graph("derived")))
    written = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, derived)}
    finish_build(store, MINTER)
    edges = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, derived)}
    assert written and written <= edges
    holders = {str(MINTER.actor(IRAN)), str(MINTER.actor(US))}
    assert {e for e in edges if e[0].value in holders} == written  # actor -> actor edges: the same rule
