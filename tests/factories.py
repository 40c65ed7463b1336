"""Hand-built records and stores for tests: one home for the run, the quads of a
store, and a store written from extractions through the real mapping and writer."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.ingest import make_article
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.records import Actor, ActorType, Extraction, RunInfo, SpeechMode, Statement, StatementKind, TextSpan
from graph.store.embedded import open_store
from graph.store.write import finish_build, write_articles

RUN = RunInfo("0.0.test", "hand_built", "0")
MINTER = Minter()


def quads(store: ox.Store | Path | str) -> set[ox.Quad]:
    """Every quad of a store (an open one, or a store directory opened read-only)."""
    opened = store if isinstance(store, ox.Store) else open_store(store, read_only=True)
    return set(opened)


def store_from(
    extractions: Iterable[Extraction], path: Path | None = None, *, minter: Minter = MINTER, run: RunInfo = RUN
) -> ox.Store:
    """A store (in memory, or in ``path``) holding the extractions, written as a build
    writes them: one batch, then the ontology, clean-up and derived edges."""
    store = ox.Store() if path is None else open_store(path)
    write_articles(store, [extraction_triples(e, run, minter) for e in extractions], minter)
    finish_build(store, minter)
    return store


def actor(key: str, label: str, actor_type: ActorType = ActorType.STATE, **fields: object) -> Actor:
    return Actor(key, label, actor_type, **fields)  # type: ignore[arg-type]


def said(
    text: str,
    speaker: str,
    kind: StatementKind = StatementKind.ASSERT,
    *,
    start: int = 0,
    targets: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
) -> Statement:
    """An indirect statement whose evidence is the whole ``text`` (placed at ``start``)."""
    span = TextSpan(start, start + len(text), text)
    return Statement(speaker, kind, SpeechMode.INDIRECT, span, content=span, targets=targets, topics=topics)


def extraction(text: str, actors: Iterable[Actor], statements: Iterable[Statement], **article: str) -> Extraction:
    return Extraction(make_article(text, **article), tuple(actors), tuple(statements))


def extracted(text: str, published: str = "2024-05-01") -> Extraction:
    """The real pipeline's extraction of one article text, with every statement span
    checked to quote the text it points at."""
    from graph.pipeline.articles import extract_one
    from graph.settings import Settings

    extraction = extract_one(make_article(text, published=published), Settings())
    for s in extraction.statements:
        for span in (s.evidence, s.content, s.cue, s.source, *s.quote):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return extraction


def speaker_facts(text: str) -> list[tuple]:
    """(label, type, role, affiliation label) of every statement's speaker, in order."""
    extraction = extracted(text, "2017-04-07")
    actors = {a.key: a for a in extraction.actors}
    return [
        (
            (a := actors[s.speaker]).label,
            a.actor_type.value,
            a.role,
            actors[a.affiliation].label if a.affiliation in actors else a.affiliation,
        )
        for s in extraction.statements
    ]
