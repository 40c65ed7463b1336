"""Integration: the real model, the real embedded store, real SPARQL."""

import pyoxigraph as ox
import pytest

from graph.settings import Settings
from graph.store.embedded import open_store
from graph.store.export import export_store
from graph.store.stats import store_stats

pytestmark = pytest.mark.model


EVIDENCE_QUERY = """
SELECT ?body ?start ?end ?exact WHERE {
  ?st a sg:Statement ; ?spanProp ?span .
  FILTER(?spanProp IN (sg:evidence, sg:sourceSpan, sg:cueSpan, sg:contentSpan))
  ?span oa:hasSource ?article ; oa:hasSelector ?pos, ?quote .
  ?pos oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
  ?article schema:articleBody ?body .
}"""


def test_every_span_slices_the_stored_text_to_its_exact(sample_store_dir):
    from graph.sparql.run import run_query

    rows = list(run_query(open_store(sample_store_dir, read_only=True), EVIDENCE_QUERY))
    assert len(rows) > 50
    for row in rows:
        body, start, end = row["body"].value, int(row["start"].value), int(row["end"].value)
        assert body[start:end] == row["exact"].value


def test_export_reimport_is_isomorphic(sample_store_dir, tmp_path):
    store = open_store(sample_store_dir, read_only=True)
    for fmt, rdf_format in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        fresh = ox.Store(str(tmp_path / fmt))
        fresh.load(export_store(store, fmt), rdf_format)
        assert set(fresh) == set(store)


def test_no_blank_nodes_anywhere(sample_store_dir):
    for quad in open_store(sample_store_dir, read_only=True):
        assert not any(isinstance(t, ox.BlankNode) for t in (quad.subject, quad.object))


def test_stats_counts(sample_store_dir):
    counts = store_stats(open_store(sample_store_dir, read_only=True))
    assert counts.articles == 1 and counts.statements >= 15 and counts.actors >= 10
    assert counts.quads >= counts.triples > 0


def test_validating_build_reports_an_article_that_violates_the_shapes_and_does_not_write_it(tmp_path):
    from graph.ingest import make_article
    from graph.pipeline.writer import ArticleWriter
    from graph.rdf.mint import Minter
    from graph.records import Actor, ActorType, Extraction, RunInfo, SpeechMode, Statement, StatementKind, TextSpan

    article = make_article("Hamas said no.")
    wrong = TextSpan(0, 5, "Fatah")  # offsets that do not slice the text to the exact words
    extraction = Extraction(
        article,
        (Actor("name:group:hamas", "Hamas", ActorType.GROUP),),
        (Statement("name:group:hamas", StatementKind.ASSERT, SpeechMode.INDIRECT, wrong),),
    )
    store = open_store(tmp_path / "s")
    with ArticleWriter(store, Minter(), RunInfo("0", "m", "0"), Settings(validate=True)) as writer:
        writer.put(extraction)
    assert writer.counts.written == 0
    assert [p.message.startswith("SHACL:") for p in writer.counts.problems] == [True]
    assert "do not slice" in writer.counts.problems[0].message


def test_an_actor_keeps_its_first_label_and_its_most_specific_type():
    from graph.records import ActorType
    from tests.factories import actor, extraction, quads, said, store_from

    texts = ["Jane Roe said the talks would go on.", "Minister Jane Roe said the talks had ended."]
    kinds = [ActorType.PERSON, ActorType.OFFICIAL]
    items = [
        extraction(text, [actor("name:person:jane roe", label, kind)], [said(text, "name:person:jane roe")])
        for text, kind, label in zip(texts, kinds, ["Jane Roe", "Minister Roe"])
    ]
    for order in (items, items[::-1]):
        found = {(q.predicate.value, q.object.value) for q in quads(store_from(order)) if "actor/" in q.subject.value}
        types = {o for p, o in found if p.endswith("#type")}
        assert types == {"https://w3id.org/stancegraph/ns#Official"}
        labels = {o for p, o in found if p.endswith("#label")}
        assert labels == {"Jane Roe" if order is items else "Minister Roe"}


def test_streamed_export_files_hold_every_quad_and_a_failed_one_keeps_the_old_file(sample_store_dir, tmp_path):
    from graph.api import export_to
    from graph.errors import OutputError

    store = open_store(sample_store_dir, read_only=True)
    for name, rdf_format in (("g.trig", ox.RdfFormat.TRIG), ("g.nq", ox.RdfFormat.N_QUADS)):
        assert export_to(store, tmp_path / name) == name.split(".")[1].replace("nq", "nquads")
        assert set(ox.parse(path=str(tmp_path / name), format=rdf_format)) == set(store)
    (tmp_path / "old.nq").write_text("kept\n")
    with pytest.raises(OutputError, match=r"cannot write .*missing"):
        export_to(store, tmp_path / "missing" / "g.nq")

    class Full:  # a disk that fills up in the middle of the export
        def __iter__(self):
            yield from list(store)[:10]
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="no space left"):
        export_to(Full(), tmp_path / "old.nq", "nquads")
    assert (tmp_path / "old.nq").read_text() == "kept\n" and not list(tmp_path.glob(".old.nq.*"))
