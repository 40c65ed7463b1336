"""The graph as networkx: actors as nodes, statements as typed edges.

One edge per statement and target, from the speaker, keyed by the statement IRI
(a statement addressed to two actors is two edges with the same key). Node and
edge attributes are plain Python values; the evidence (text and offsets) rides
on each edge.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from graph.rdf.terms import python_value
from graph.sparql.library import query_text
from graph.sparql.run import run_query


def plain(solution: ox.QuerySolution, name: str) -> object:
    return python_value(solution[name])


def statement_graph(store: ox.Store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for s in run_query(store, query_text("networkx-actors")):
        wikidata = plain(s, "wikidata")
        g.add_node(
            s["actor"].value,
            label=plain(s, "label"),
            type=plain(s, "type"),
            role=plain(s, "role"),
            affiliation=plain(s, "affiliation"),
            wikidata=wikidata.rsplit("/", 1)[-1] if isinstance(wikidata, str) else None,
        )
    for s in run_query(store, query_text("networkx-statements")):
        speaker, target = s["speaker"].value, s["target"].value
        for node in (speaker, target):
            if node not in g:
                g.add_node(node, label=node, type=None, role=None, affiliation=None, wikidata=None)
        g.add_edge(
            speaker,
            target,
            key=s["statement"].value,
            kind=plain(s, "kind"),
            mode=plain(s, "mode"),
            quote=plain(s, "quote"),
            content=plain(s, "content"),
            evidence=plain(s, "evidence"),
            start=plain(s, "start"),
            end=plain(s, "end"),
            article=plain(s, "article"),
            date=plain(s, "date"),
            confidence=plain(s, "confidence"),
            on_behalf_of=plain(s, "for"),
            negated=plain(s, "negated"),
        )
    return g
