"""Builds: incremental, idempotent, renamed copies, forced re-extraction.

(was part of test_store) Integration: the real model, the real embedded store, real SPARQL."""

import shutil

import pytest

from graph.paths import SAMPLES_DIR
from graph.pipeline.build import build
from graph.settings import Settings
from graph.store.embedded import open_store
from tests.conftest import SAMPLE
from tests.factories import quads

pytestmark = pytest.mark.model


def test_build_twice_leaves_quads_unchanged(tmp_path):
    settings = Settings(store=tmp_path / "s")
    build([SAMPLES_DIR], settings)
    first = quads(settings.store)
    report = build([SAMPLES_DIR], settings)
    assert report.skipped == 1 and report.written == 0
    assert quads(settings.store) == first


def test_second_copy_under_another_name_adds_nothing(tmp_path):
    settings = Settings(store=tmp_path / "s")
    build([SAMPLE], settings)
    first = quads(settings.store)
    copy = tmp_path / "renamed-copy.txt"
    shutil.copy(SAMPLE, copy)
    build([SAMPLE, copy], settings)
    assert quads(settings.store) == first


def test_rewrite_after_forced_reextraction_is_identical(tmp_path):
    """Replacing an article's graph (new run) yields the same triples again."""
    settings = Settings(store=tmp_path / "s")
    build([SAMPLE], settings)
    first = quads(settings.store)
    store = open_store(settings.store)
    store.update("DELETE WHERE { GRAPH ?g { ?a <https://w3id.org/stancegraph/ns#textSha256> ?h } }")
    del store
    build([SAMPLE], settings)
    assert quads(settings.store) == first


@pytest.mark.model
def test_two_worker_processes_write_exactly_what_one_process_writes(tmp_path):
    """--workers 2 parses and extracts in worker processes (only plain records cross
    them); the store ends up with the same quads, in a build whose input order the
    workers must keep (later articles resolve surnames with what earlier ones said)."""
    import gzip
    import itertools

    from graph.paths import DATA_DIR

    with gzip.open(DATA_DIR / "corpus" / "allsides-middle-east.jsonl.gz", "rt", encoding="utf-8") as corpus:
        (tmp_path / "some.jsonl").write_text("".join(itertools.islice(corpus, 30)), encoding="utf-8")
    one = build([tmp_path / "some.jsonl"], Settings(store=tmp_path / "one"))
    two = build([tmp_path / "some.jsonl"], Settings(store=tmp_path / "two", workers=2))
    assert (one.written, one.statements) == (two.written, two.statements) == (30, one.statements)
    assert quads(tmp_path / "one") == quads(tmp_path / "two")


def test_an_interrupt_during_resolution_stops_the_build_instead_of_failing_one_article(monkeypatch):
    """Ctrl-C or SIGTERM raised while an article is being resolved (building the surname
    index, say) is not that article's problem: it must reach the build."""
    from graph.errors import Interrupted
    from graph.extract import DocExtraction
    from graph.knowledge.gazetteer import load_gazetteer
    from graph.pipeline import workers
    from tests.factories import make_article

    def stopped(*args, **kwargs):
        raise Interrupted("interrupted")

    monkeypatch.setattr(workers, "resolve_article", stopped)
    with pytest.raises(Interrupted):
        workers.resolve_one(make_article("Egypt urged calm."), DocExtraction((), ()), load_gazetteer(()))


def test_a_long_build_releases_the_pipeline_and_reopens_the_store_with_the_same_result(tmp_path, monkeypatch):
    """Past ``RELEASE_AFTER`` articles the build lets go of the pipeline and reopens the store
    before its end (memory back from spaCy and RocksDB): same quads, lock still held."""
    import graph.pipeline.build as build_module
    from graph.errors import StoreLockedError

    short = Settings(store=tmp_path / "short")
    build([SAMPLES_DIR], short)
    monkeypatch.setattr(build_module, "RELEASE_AFTER", 1)
    reopened = Settings(store=tmp_path / "reopened")
    real_finish, held = build_module.finish_build, []

    def finish_and_check_the_lock(store, *args):
        with pytest.raises(StoreLockedError):
            open_store(reopened.store)  # the reopened store is this build's, still locked
        held.append(True)
        real_finish(store, *args)

    monkeypatch.setattr(build_module, "finish_build", finish_and_check_the_lock)
    report = build([SAMPLES_DIR], reopened)
    assert report.written >= 1 and held
    assert quads(reopened.store) == quads(short.store)
