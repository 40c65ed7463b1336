"""The Python API for notebooks and scripts (re-exported by ``graph``).

Small and stable: open or build a store, ask it questions into pandas, get it as
rdflib or networkx, and look at it inline. Everything here calls the same stages
the command line uses.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph.paths import DEFAULT_STORE

def open_store(path: str | Path = DEFAULT_STORE, *, read_only: bool = True) -> ox.Store:
    """Open a store directory (read-only by default, so a running build is not blocked)."""
    from graph.store import open_store as open_

    return open_(path, read_only=read_only)


def build(paths: Iterable[str | Path] | str | Path, store: str | Path = DEFAULT_STORE, **settings):
    """Build or update a store from article files or directories; returns a ``BuildReport``.

    Keyword arguments are ``Settings`` fields (``model``, ``workers``, ``validate``, ...)."""
    from graph.pipeline import build as run_build
    from graph.settings import Settings

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return run_build(list(paths), Settings(store=store, **settings))


def query(store: ox.Store, sparql: str | None = None, *, name: str | None = None, **params: str):
    """A SELECT (inline, or a stored query by ``name`` with its parameters) as a pandas
    DataFrame; numbers and booleans come back as Python numbers and booleans."""
    import pandas as pd

    from graph import sparql as q
    from graph.sparql import python_value

    if (sparql is None) == (name is None):
        raise ValueError("give either a SPARQL string or name= of a stored query")
    stored = q.load_query(name) if name else q.StoredQuery("inline", sparql or "")
    result = q.run_query(store, stored.text, q.bind_params(stored, {k: str(v) for k, v in params.items()}, store))
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("query() returns tables: use a SELECT query (to_rdflib() for graphs)")
    names = [v.value for v in result.variables]
    return pd.DataFrame([[python_value(s[n]) for n in names] for s in result], columns=names)


def list_queries() -> list[tuple[str, str]]:
    """(name, question) of every stored query."""
    from graph.sparql import list_queries as stored

    return [(q.name, q.question) for q in stored()]


def to_rdflib(store: ox.Store):
    """The whole store as an rdflib ``Dataset`` (one graph per named graph)."""
    from rdflib import Dataset

    buffer = io.BytesIO()
    ox.serialize(store, buffer, ox.RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    return dataset


def to_networkx(store: ox.Store):
    """Actors as nodes, statements as typed edges (speaker -> target, keyed by the
    statement IRI, with kind, words, evidence and offsets); see ``graph.networks``."""
    from graph.networks import statement_graph

    return statement_graph(store)


def view(store: ox.Store, height: int = 650, **options):
    """The interactive view, inline in a notebook (an iframe holding the same page
    ``stancegraph view`` writes). Options are those of ``ViewOptions``."""
    from graph.views import ViewOptions, view_html

    page, _ = view_html(store, ViewOptions(**options))
    return InlineView(page, height)


class InlineView:
    """Shows a page in Jupyter through ``_repr_html_`` (an iframe with ``srcdoc``)."""

    def __init__(self, page: str, height: int = 650) -> None:
        self.page, self.height = page, height

    def _repr_html_(self) -> str:
        import html

        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" style="width:100%;height:{self.height}px;'
                f'border:1px solid #ddd" sandbox="allow-scripts"></iframe>')

    def save(self, path: str | Path) -> Path:
        Path(path).write_text(self.page, encoding="utf-8")
        return Path(path)


def stats(store: ox.Store) -> dict[str, int]:
    """Counts of articles, actors, statements, positions, triples and quads."""
    from dataclasses import asdict

    from graph.export import store_stats

    return asdict(store_stats(store))


def evaluate(gold: str | Path | Iterable[str | Path]):
    """Score extraction against label gold (``*.gold.json``) or span gold (``*.jsonl``);
    returns the report (``.metrics()``, ``.errors``; label reports also ``.kind_table()``)."""
    from graph.eval_run import evaluate_files, evaluate_span_files

    paths = [Path(gold)] if isinstance(gold, (str, Path)) else [Path(p) for p in gold]
    return evaluate_span_files(paths) if paths and paths[0].suffix == ".jsonl" else evaluate_files(paths)


def validate(store: ox.Store) -> list[str]:
    """SHACL violations in the store, as readable lines (empty when it conforms)."""
    from graph.mapping import Minter
    from graph.shacl import validate_store

    return [f"{where}: {violation}" for where, violation in validate_store(store, Minter())]
