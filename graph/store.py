"""The embedded store: a pyoxigraph ``Store`` in a directory.

Each article's named graph is replaced in one SPARQL update (one transaction),
together with the upsert of its actors and positions, so a crash never leaves a
half-written article. Shared graphs take set semantics: a triple already there is
not added again; an actor keeps the first label and type it was given.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from graph.errors import StoreError, StoreLockedError
from graph.mapping import KIND_EDGES, ArticleTriples, Minter, Triple
from graph.vocab import RDF, RDFS, SCHEMA, SG

log = logging.getLogger(__name__)


def to_ox(term: URIRef | Literal | BNode) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term (no blank nodes are ever minted)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"blank node {term!r} in mapped data; every node must have an IRI")


def triple_text(triple: Triple) -> str:
    return " ".join(str(to_ox(term)) for term in triple) + " ."


def open_store(path: str | Path, *, read_only: bool = False) -> ox.Store:
    """Open (or create) the store directory, or a remote SPARQL endpoint given as an
    http(s) URL; a locked store gives a clear error."""
    from graph.remote import RemoteStore, is_remote

    if is_remote(path):
        return RemoteStore(str(path), read_only=read_only)  # type: ignore[return-value]
    path = Path(path)
    if read_only and not path.is_dir():
        raise StoreError(f"{path}: no store here; build one with `stancegraph build PATH --store {path}`")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreLockedError(f"{path}: the store is locked by {lock_holder(path)} (a build is writing it); "
                                   "wait for it to finish, or use another --store") from None
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    (path / LOCK_NOTE).write_text(f"{os.getpid()}\n", encoding="utf-8")
    return store


LOCK_NOTE = "stancegraph.pid"


def lock_holder(path: Path) -> str:
    """Who holds the write lock, as far as the note the writer left says."""
    try:
        pid = int((path / LOCK_NOTE).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return "another process"
    return f"PID {pid}"


def article_quads(item: ArticleTriples, minter: Minter) -> list[ox.Quad]:
    """One article's triples as quads in the graphs a build puts them in: its own graph,
    and the shared actors and positions graphs."""
    own, actors, positions = (to_ox(g) for g in (item.graph_iri, minter.graph("actors"), minter.graph("positions")))
    return [ox.Quad(*map(to_ox, t), graph) for graph, triples in
            ((own, item.article), (actors, item.actors), (positions, item.positions)) for t in triples]


def graph_block(graph_iri: URIRef, triples: Iterable[Triple]) -> str:
    body = "\n".join(triple_text(t) for t in triples)
    return f"GRAPH {to_ox(graph_iri)} {{\n{body}\n}}" if body else ""


def labelled_actors(store: ox.Store, minter: Minter, subjects: set[URIRef]) -> set[str]:
    """Actors that already have a label (and so a type) in the actors graph."""
    if not subjects:
        return set()
    values = " ".join(str(to_ox(s)) for s in subjects)
    query = (f"SELECT DISTINCT ?a WHERE {{ VALUES ?a {{ {values} }} "
             f"GRAPH {to_ox(minter.graph('actors'))} {{ ?a {to_ox(RDFS.label)} ?l }} }}")
    return {solution["a"].value for solution in store.query(query)}


def write_articles(store: ox.Store, batch: list[ArticleTriples], minter: Minter) -> None:
    """Replace each article's graph and upsert shared triples, all in one transaction."""
    if not batch:
        return
    actor_subjects = {t[0] for item in batch for t in item.actors}
    known = labelled_actors(store, minter, actor_subjects)
    first: dict[tuple[str, URIRef], Triple] = {}
    shared_actor_triples = []
    for item in batch:
        for triple in item.actors:
            if triple[1] in (RDFS.label, RDF.type):
                if str(triple[0]) not in known:
                    first.setdefault((str(triple[0]), triple[1]), triple)
            else:
                shared_actor_triples.append(triple)
    shared_actor_triples += first.values()
    drops = [f"DROP SILENT GRAPH {to_ox(item.graph_iri)} ;" for item in batch]
    blocks = [graph_block(item.graph_iri, item.article) for item in batch]
    blocks.append(graph_block(minter.graph("actors"), dict.fromkeys(shared_actor_triples)))
    blocks.append(graph_block(minter.graph("positions"), dict.fromkeys(t for i in batch for t in i.positions)))
    update = "\n".join(drops) + "\nINSERT DATA {\n" + "\n".join(b for b in blocks if b) + "\n}"
    store.update(update)


def known_articles(store: ox.Store) -> dict[str, tuple[str, str]]:
    """Article graph IRI -> (text hash, extraction run IRI) for incremental builds."""
    query = (f"SELECT ?g ?sha ?run WHERE {{ GRAPH ?g {{ ?a {to_ox(SG.textSha256)} ?sha ; "
             f"<http://www.w3.org/ns/prov#wasGeneratedBy> ?run }} }}")
    return {s["g"].value: (s["sha"].value, s["run"].value) for s in store.query(query)}


def remove_articles(store: ox.Store, graph_iris: Iterable[URIRef]) -> None:
    drops = " ".join(f"DROP SILENT GRAPH {to_ox(g)} ;" for g in graph_iris)
    if drops:
        store.update(drops.rstrip(" ;"))


def clean_up(store: ox.Store, minter: Minter) -> None:
    """Drop actors no article mentions and positions no statement expresses;
    rebuild the derived actor->actor edges. One transaction."""
    actors, positions, derived = (to_ox(minter.graph(n)) for n in ("actors", "positions", "derived"))
    mentions, expresses = to_ox(SCHEMA.mentions), to_ox(SG.expresses)
    edges = " UNION ".join(f"{{ ?p {to_ox(SG.kind)} {to_ox(SG[k])} . BIND({to_ox(v)} AS ?edge) }}"
                           for k, found in KIND_EDGES.items() for v in found)
    store.update(f"""
DELETE {{ GRAPH {actors} {{ ?a ?p ?o }} }} WHERE {{ GRAPH {actors} {{ ?a ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?art {mentions} ?a }} }} }} ;
DELETE {{ GRAPH {positions} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {positions} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?st {expresses} ?s }} }} }} ;
DROP SILENT GRAPH {derived} ;
INSERT {{ GRAPH {derived} {{ ?h ?edge ?t }} }} WHERE {{ GRAPH {positions} {{
  ?p {to_ox(SG.holder)} ?h ; {to_ox(SG.target)} ?t . {edges} }} }}
""")


def load_ontology(store: ox.Store, minter: Minter, topics: Iterable[Path] = ()) -> None:
    """Replace the ontology graph with the bundled ontology and topic scheme(s), in one update."""
    from graph.paths import ONTOLOGY_DIR

    graph_iri = to_ox(minter.graph("ontology"))
    lines = []
    for path in (ONTOLOGY_DIR / "stancegraph.ttl", ONTOLOGY_DIR / "topics.ttl", *topics):
        try:
            lines += [f"{t.subject} {t.predicate} {t.object} ." for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{path}: cannot read ontology file: {exc}") from None
    body = "\n".join(dict.fromkeys(lines))
    store.update(f"DROP SILENT GRAPH {graph_iri} ;\nINSERT DATA {{ GRAPH {graph_iri} {{\n{body}\n}} }}")
