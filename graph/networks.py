"""The graph as networkx: actors as nodes, statements as typed edges.

One edge per statement and target, from the speaker, keyed by the statement IRI
(a statement addressed to two actors is two edges with the same key). Node and
edge attributes are plain Python values; the evidence (text and offsets) rides
on each edge.
"""

from __future__ import annotations

import networkx as nx
import pyoxigraph as ox

from graph.sparql import ACTOR_CLASSES, python_value, run_query

ACTORS = """
SELECT ?actor ?label ?type ?role ?affiliation ?wikidata WHERE {
  VALUES ?typeIri { %s }
  ?actor a ?typeIri ; rdfs:label ?label .
  OPTIONAL { ?actor sg:role ?role }
  OPTIONAL { ?actor sg:affiliation ?affiliation }
  OPTIONAL { ?actor owl:sameAs ?wikidata }
  BIND (STRAFTER(STR(?typeIri), "#") AS ?type)
}""" % ACTOR_CLASSES

STATEMENTS = """
SELECT ?statement ?speaker ?target ?kind ?mode ?quote ?content ?evidence ?start ?end ?article ?date
       ?confidence ?for ?negated WHERE {
  ?statement a sg:Statement ; sg:speaker ?speaker ; sg:target ?target ; sg:kind ?kindIri ; sg:mode ?modeIri ;
             sg:reportedIn ?article ; sg:confidence ?confidence ; sg:negated ?negated ;
             sg:evidence ?span .
  ?span oa:hasSelector ?position , ?exact .
  ?position oa:start ?start ; oa:end ?end .
  ?exact oa:exact ?evidence .
  OPTIONAL { ?statement sg:quote ?quote }
  OPTIONAL { ?statement sg:content ?content }
  OPTIONAL { ?statement sg:statedOn ?date }
  OPTIONAL { ?statement sg:onBehalfOf ?for }
  BIND (STRAFTER(STR(?kindIri), "#") AS ?kind)
  BIND (STRAFTER(STR(?modeIri), "#") AS ?mode)
}"""


def plain(solution: ox.QuerySolution, name: str) -> object:
    return python_value(solution[name])


def statement_graph(store: ox.Store) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for s in run_query(store, ACTORS):
        wikidata = plain(s, "wikidata")
        g.add_node(s["actor"].value, label=plain(s, "label"), type=plain(s, "type"), role=plain(s, "role"),
                   affiliation=plain(s, "affiliation"),
                   wikidata=wikidata.rsplit("/", 1)[-1] if isinstance(wikidata, str) else None)
    for s in run_query(store, STATEMENTS):
        speaker, target = s["speaker"].value, s["target"].value
        for node in (speaker, target):
            if node not in g:
                g.add_node(node, label=node, type=None, role=None, affiliation=None, wikidata=None)
        g.add_edge(speaker, target, key=s["statement"].value, kind=plain(s, "kind"), mode=plain(s, "mode"),
                   quote=plain(s, "quote"), content=plain(s, "content"), evidence=plain(s, "evidence"),
                   start=plain(s, "start"), end=plain(s, "end"), article=plain(s, "article"),
                   date=plain(s, "date"), confidence=plain(s, "confidence"), on_behalf_of=plain(s, "for"),
                   negated=plain(s, "negated"))
    return g
