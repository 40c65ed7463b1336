"""Counts over a store: articles, actors, statements, positions, triples, quads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import pyoxigraph as ox

from graph.rdf.terms import filled_sparql
from graph.rdf.vocab import PREFIXES


@dataclass(frozen=True)
class StoreStats:
    articles: int
    actors: int  # actors some article mentions
    statements: int
    copies: int  # statements repeating another one (syndicated or boilerplate text), linked by sg:copyOf
    positions: int
    triples: int  # distinct over all graphs
    quads: int


def store_stats(store: ox.Store) -> StoreStats:
    """Count what the store holds (over the union of its graphs)."""
    counts = next(
        iter(
            cast(
                ox.QuerySolutions,
                store.query(filled_sparql("store-stats"), prefixes=PREFIXES, use_default_graph_as_union=True),
            )
        )
    )
    triples = next(
        iter(
            cast(ox.QuerySolutions, store.query(filled_sparql("store-count-triples"), use_default_graph_as_union=True))
        )
    )
    return StoreStats(
        articles=int(counts["articles"].value),
        actors=int(counts["actors"].value),
        statements=int(counts["statements"].value),
        copies=int(counts["copies"].value),
        positions=int(counts["positions"].value),
        triples=int(triples["n"].value),
        quads=len(store),
    )
