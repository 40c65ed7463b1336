"""Interactive HTML views of the graph (``stancegraph view`` and the notebook API).

Stages: ``data`` reads actors, stance edges and their statements from the store;
``select`` picks the part to show and lays it out; ``render`` writes one
self-contained page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import UnknownNameError
from graph.knowledge.ontology import load_kind_facts
from graph.outputs import write_whole
from graph.sparql.library import query_text
from graph.sparql.params import resolve_name
from graph.sparql.run import run_query
from graph.views.html.data import edges_from_query, read_view_data
from graph.views.html.matrix import matrix_html
from graph.views.html.render import render_html
from graph.views.html.select import Selection, ViewOptions, select
from graph.views.html.timeline import timeline_html

__all__ = ["ViewOptions", "ViewReport", "selection_for", "view_html", "write_view"]


@dataclass(frozen=True)
class ViewReport:
    nodes: int
    edges: int
    notes: tuple[str, ...]


def topic_family(store: ox.Store, name: str) -> set[str]:
    """Labels of the topic and every narrower topic."""
    topics = resolve_name(store, "topic", name)
    labels = (
        {s["label"].value for s in run_query(store, query_text("view-narrower-labels"), {ox.Variable("topic"): topics})}
        if topics
        else set()
    )
    if not labels:
        raise UnknownNameError(f"no topic {name!r} in the topic scheme; see ontology/topics.ttl")
    return labels


def selection_for(store: ox.Store, options: ViewOptions) -> Selection:
    data = read_view_data(store, options.since, options.until)
    labels = topic_family(store, options.topic) if options.topic else None
    part = edges_from_query(store, options.query, data) if options.query else None
    return select(data, options, labels, part)


def view_html(store: ox.Store, options: ViewOptions = ViewOptions()) -> tuple[str, ViewReport]:
    if options.kind == "matrix":
        page, actors = matrix_html(read_view_data(store, options.since, options.until), options.title)
        return page, ViewReport(actors, 0, ())
    if options.kind == "timeline":
        data = read_view_data(store, options.since, options.until)
        valence = {k.value: f.valence for k, f in load_kind_facts().items()}
        page, said = timeline_html(data, options.actor or "", valence, options.title)
        return page, ViewReport(1, said, ())
    selection = selection_for(store, options)
    shown_topics = len(selection.topics) if selection.topic_edges else 0
    report = ViewReport(
        len(selection.actors) + shown_topics, len(selection.edges) + len(selection.topic_edges), tuple(selection.notes)
    )
    return render_html(selection, options), report


def write_view(store: ox.Store, output: Path, options: ViewOptions = ViewOptions()) -> ViewReport:
    """Write the page to ``output`` whole or not at all (and nothing else anywhere).

    :raises OutputError: when the file cannot be written (the message says why).
    """
    page, report = view_html(store, options)
    write_whole(output, page)
    return report
