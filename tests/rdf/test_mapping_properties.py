"""Invariants of the mapping and the store, checked on generated records (hypothesis)."""

from __future__ import annotations

import io

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from graph.ingest import make_article
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement, StatementKind, TextSpan
from graph.store.export import export_store
from graph.store.write import finish_build, write_articles
from tests.factories import MINTER, RUN, quads

text_chars = st.characters(blacklist_categories=("Cs", "Cc"))
keys = st.text(text_chars, min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(["actor", "statement", "position", "article"]), a=keys, b=keys)
def test_minting_is_deterministic_and_injective_on_the_key(kind, a, b):
    assert MINTER.iri(kind, a) == Minter().iri(kind, a)
    assert (MINTER.iri(kind, a) == MINTER.iri(kind, b)) == (a == b)


@st.composite
def extractions(draw):
    words = draw(st.lists(st.text(text_chars, min_size=1, max_size=12).filter(str.strip), min_size=3, max_size=30))
    text = " ".join(words)
    names = draw(
        st.lists(
            st.text(text_chars, min_size=1, max_size=20).filter(str.strip),
            min_size=1,
            max_size=4,
            unique_by=str.casefold,
        )
    )
    actors = tuple(Actor(f"name:group:{n.casefold()}", n, ActorType.GROUP) for n in names)
    statements = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        piece = TextSpan(start, end, text[start:end])
        speaker, target = draw(st.sampled_from(actors)), draw(st.sampled_from(actors))
        statements.append(
            Statement(
                speaker.key,
                draw(st.sampled_from(list(StatementKind))),
                draw(st.sampled_from(list(SpeechMode))),
                piece,
                content=piece,
                quote=(piece,),
                targets=(target.key,) if target != speaker else (),
                topics=draw(st.lists(st.sampled_from(["ceasefire", "hostages"]), max_size=2, unique=True)),
                confidence=draw(st.sampled_from([0.5, 0.6, 0.75, 0.9])),
            )
        )
    return Extraction(make_article(text, published="2024-05-01"), actors, tuple(statements))


@settings(max_examples=30, deadline=None)
@given(items=st.lists(extractions(), min_size=1, max_size=3))
def test_reingest_is_idempotent_and_export_reimport_is_isomorphic(items):
    store = ox.Store()
    batch = [extraction_triples(e, RUN, MINTER) for e in items]
    write_articles(store, batch, MINTER)
    finish_build(store, MINTER)
    first = quads(store)
    write_articles(store, [extraction_triples(e, RUN, MINTER) for e in items], MINTER)
    finish_build(store, MINTER)
    assert quads(store) == first
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        again = ox.Store()
        again.load(io.BytesIO(export_store(store, fmt)), rdf_format)
        assert quads(again) == first  # no blank nodes: set equality is isomorphism
    assert rdflib_quads(export_store(store, "jsonld"), "json-ld") == rdflib_quads(
        export_store(store, "nquads"), "nquads"
    )


def rdflib_quads(data: bytes, fmt: str) -> set:
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format=fmt)
    return {(s, p, o, str(g)) for s, p, o, g in dataset.quads()}


def test_filled_sparql_never_fills_placeholders_inside_values():
    import pyoxigraph as ox
    from rdflib import URIRef

    from graph.rdf.terms import filled_sparql

    data = f"<http://e/s> <http://e/p> {ox.Literal('{{articles}} {{data}}')} ."
    graphs = {name: URIRef(f"http://e/{name}") for name in ("positions_graph", "derived", "ontology")}
    text = filled_sparql(
        "store-write-batch",
        articles=[URIRef("http://e/g")],
        stale="",
        data=data,
        positions=[URIRef("http://e/p")],
        **graphs,
    )
    assert "{{articles}} {{data}}" in text and "VALUES ?article { <http://e/g> }" in text
