"""The write side of a build, on its own thread.

The main thread parses (spaCy); this thread maps each extraction to triples,
optionally SHACL-checks it, and writes batches of articles to the store, each
batch in one transaction. pyoxigraph releases the GIL while it writes, so the
write overlaps the parse of the next articles. A bounded queue keeps memory flat;
an error on this thread is raised again on the main thread.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.rdf.mapping import ArticleTriples, extraction_triples
from graph.rdf.mint import Minter
from graph.rdf.vocab import RDF, SG
from graph.records import Extraction, Problem, RunInfo
from graph.settings import Settings
from graph.store.derived import KindEdges, kind_edges
from graph.store.write import write_articles

DONE = object()
# RocksDB keeps every write in memory (about 0.8 KB a quad with oxigraph's indexes) until the
# store is flushed: flushing every 50,000 triples keeps a build's memory flat in corpus size
# and is no slower (1,000 AllSides articles: 684 MB peak against 751 MB flushing every
# 100,000, the same time and CPU; bench_scale measures the whole corpus).
FLUSH_EVERY = 50_000  # triples written


def statement_count(triples: ArticleTriples) -> int:
    """The statements an article's graph holds: two candidates that are one speech act
    (same speaker, cue and words) are one statement node, so the build counts what
    ``stats`` and the ``statements`` query will find."""
    return sum(1 for t in triples.article if t[1] == RDF.type and t[2] == SG.Statement)


@dataclass
class WriterCounts:
    written: int = 0
    statements: int = 0
    problems: list[Problem] = field(default_factory=list)


class ArticleWriter:
    """Use as a context manager: ``put`` extractions; leaving the block writes the rest."""

    def __init__(self, store: ox.Store, minter: Minter, run: RunInfo, settings: Settings) -> None:
        self.store, self.minter, self.run, self.settings = store, minter, run, settings
        self.counts = WriterCounts()
        self.queue: queue.Queue = queue.Queue(maxsize=max(2, settings.write_batch * 2))
        self.error: BaseException | None = None
        self.unflushed = 0
        self.edges: KindEdges | None = None
        self.thread = threading.Thread(target=self.loop, name="stancegraph-writer", daemon=True)

    def __enter__(self) -> ArticleWriter:
        self.thread.start()
        return self

    def put(self, extraction: Extraction) -> None:
        self.raise_error()
        self.queue.put(extraction)

    def __exit__(self, *exc: object) -> None:
        self.queue.put(DONE)
        self.thread.join()
        if exc[0] is None:
            self.raise_error()

    def raise_error(self) -> None:
        if self.error is not None:
            raise self.error

    def loop(self) -> None:
        batch: list[ArticleTriples] = []
        item = None
        try:
            while (item := self.queue.get()) is not DONE:
                triples = extraction_triples(item, self.run, self.minter, with_text=self.settings.with_text)
                if self.conforms(item.article.path or item.article.article_id, triples):
                    batch.append(triples)
                    self.counts.statements += statement_count(triples)
                if len(batch) >= self.settings.write_batch:
                    self.write(batch)
            self.write(batch)
        except BaseException as exc:  # handed to the main thread
            self.error = exc
            while item is not DONE:  # let the main thread finish putting (unless the last write failed)
                item = self.queue.get()

    def write(self, batch: list[ArticleTriples]) -> None:
        if batch:
            if self.edges is None:  # the ontology's kind -> edges map, read once a build
                self.edges = kind_edges(self.store, self.minter)
            write_articles(self.store, batch, self.minter, self.edges)
            self.counts.written += len(batch)
            self.unflushed += sum(len(i.article) + len(i.actors) + len(i.positions) for i in batch)
            batch.clear()
            if self.unflushed >= FLUSH_EVERY:
                self.store.flush()  # memtables to disk: memory stays flat on long inputs
                self.unflushed = 0

    def conforms(self, where: str, triples: ArticleTriples) -> bool:
        """SHACL-check an article's triples (``--validate``); a violating article is
        reported and not written."""
        if not self.settings.validate:
            return True
        from graph.rdf.shacl import validate_article

        violations = validate_article(triples)
        self.counts.problems += [Problem(where, f"SHACL: {v}") for v in violations]
        return not violations
