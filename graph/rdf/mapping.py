"""Mapping: records -> RDF triples (DESIGN §3). Pure functions, no I/O.

IRIs are minted from what a thing is: a hash of a versioned, normalised key.
There are no blank nodes, so merging and re-ingesting are plain set unions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import product

from rdflib import Literal, URIRef

from graph.rdf.mint import Minter
from graph.rdf.vocab import OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SG, SKOS, TOPIC, WD, XSD
from graph.records import Actor, Article, Extraction, RunInfo, Statement, TextSpan

Triple = tuple[URIRef, URIRef, URIRef | Literal]


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.dateTime if "T" in value else XSD.date)


def article_triples(article: Article, run: RunInfo, minter: Minter, *, with_text: bool = True) -> Iterator[Triple]:
    node = minter.article(article.article_id)
    yield node, RDF.type, SCHEMA.NewsArticle
    yield node, SG.textSha256, Literal(article.text_sha256)
    yield node, PROV.wasGeneratedBy, minter.run(run)
    if with_text:
        yield node, SCHEMA.articleBody, Literal(article.text)
    if article.title:
        yield node, SCHEMA.headline, Literal(article.title)
    if article.url:
        yield node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)
    if article.published:
        yield node, SCHEMA.datePublished, date_literal(article.published)
    if article.source:
        yield node, SCHEMA.publisher, Literal(article.source)
    yield from run_triples(run, minter)


def run_triples(run: RunInfo, minter: Minter) -> Iterator[Triple]:
    node = minter.run(run)
    yield node, RDF.type, SG.ExtractionRun
    yield node, RDF.type, PROV.Activity
    yield node, SG.toolVersion, Literal(run.tool_version)
    yield node, SG.modelName, Literal(run.model_name)
    yield node, SG.modelVersion, Literal(run.model_version)


def span_triples(node: URIRef, article_node: URIRef, span: TextSpan) -> Iterator[Triple]:
    """A Web Annotation span: position and quote selectors into the article."""
    position, quote = URIRef(f"{node}/position"), URIRef(f"{node}/quote")
    yield node, RDF.type, OA.SpecificResource
    yield node, OA.hasSource, article_node
    yield node, OA.hasSelector, position
    yield node, OA.hasSelector, quote
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(span.start, datatype=XSD.integer)
    yield position, OA.end, Literal(span.end, datatype=XSD.integer)
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(span.text)


def positions_of(statement: Statement) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(holder, kind, target, topic) of every Position the statement expresses."""
    holder = (
        statement.on_behalf_of
        if statement.speaker.startswith("anon:") and statement.on_behalf_of
        else statement.speaker
    )
    for target, topic in product(statement.targets or (None,), statement.topics or (None,)):
        yield holder, statement.kind.value, target, topic


def statement_triples(
    statement: Statement, article: Article, minter: Minter, roles: dict[str, str] | None = None
) -> Iterator[Triple]:
    """A statement in its article's graph; ``roles`` (actor key -> role the article gives
    it) records the role the speaker spoke in (``sg:speakerRole``)."""
    node, article_node = minter.statement(article.article_id, statement), minter.article(article.article_id)
    yield node, RDF.type, SG.Statement
    yield node, SG.speaker, minter.actor(statement.speaker)
    if roles and statement.speaker in roles:
        yield node, SG.speakerRole, Literal(roles[statement.speaker])
    yield node, SG.kind, SG[statement.kind.value]
    yield node, SG.mode, SG[statement.mode.value]
    yield node, SG.negated, Literal(statement.negated)
    yield node, SG.confidence, Literal(f"{statement.confidence:.3f}", datatype=XSD.decimal)
    yield node, SG.reportedIn, article_node
    if statement.on_behalf_of:
        yield node, SG.onBehalfOf, minter.actor(statement.on_behalf_of)
    if article.published:
        yield node, SG.statedOn, date_literal(article.published[:10])
    for target in statement.targets:
        yield node, SG.target, minter.actor(target)
    for topic in statement.topics:
        yield node, SG.topic, TOPIC[topic]
    if statement.quote:
        yield node, SG.quote, Literal(" … ".join(part.text for part in statement.quote))
    if statement.content is not None:
        yield node, SG.content, Literal(statement.content.text)
    if statement.cue is not None:
        yield node, SG.cue, Literal(statement.cue.text)
    spans = (
        ("evidence", SG.evidence, statement.evidence),
        ("source", SG.sourceSpan, statement.source),
        ("cue", SG.cueSpan, statement.cue),
        ("content", SG.contentSpan, statement.content),
    )
    for name, predicate, span in spans:
        if span is not None:
            span_node = URIRef(f"{node}/{name}")
            yield node, predicate, span_node
            yield from span_triples(span_node, article_node, span)
    for parts in positions_of(statement):
        yield node, SG.expresses, minter.position(*parts)


def actor_triples(actor: Actor, minter: Minter, known: frozenset[str] | None = None) -> Iterator[Triple]:
    """Shared description of an actor (stored once, in the actors graph): what is true of
    it at all times. Its role is not: an office is held for a time, so the role an article
    gives the actor is in that article's graph (``role_triples``)."""
    node = minter.actor(actor.key)
    yield node, RDF.type, SG[actor.actor_type.value]
    yield node, RDFS.label, Literal(actor.label)
    for alt in actor.alt_labels:
        yield node, SKOS.altLabel, Literal(alt)
    if actor.wikidata:
        yield node, OWL.sameAs, WD[actor.wikidata]
    if actor.affiliation and actor.affiliation != actor.key and (known is None or actor.affiliation in known):
        yield node, SG.affiliation, minter.actor(actor.affiliation)  # only to an actor the article describes
        yield node, ORG.memberOf, minter.actor(actor.affiliation)


def role_triples(
    actor: Actor, minter: Minter, article_node: URIRef, known: frozenset[str] | None = None
) -> Iterator[Triple]:
    """The role an article gives an actor ("Foreign Secretary" in 2004, "Chancellor" in
    2007), in that article's graph: ``sg:role`` on the actor, and an ``org:Membership`` of the
    actor in its affiliation with that ``org:role``, observed in the article."""
    if not actor.role:
        return
    node = minter.actor(actor.key)
    yield node, SG.role, Literal(actor.role)
    membership, role = minter.membership(actor.key, actor.role), minter.role(actor.role)
    yield membership, RDF.type, ORG.Membership
    yield membership, ORG.member, node
    yield membership, ORG.role, role
    yield membership, SG.observedIn, article_node
    if actor.affiliation and actor.affiliation != actor.key and (known is None or actor.affiliation in known):
        yield membership, ORG.organization, minter.actor(actor.affiliation)
    yield role, RDF.type, ORG.Role
    yield role, RDFS.label, Literal(actor.role)


def position_triples(statement: Statement, minter: Minter) -> Iterator[Triple]:
    for holder, kind, target, topic in positions_of(statement):
        node = minter.position(holder, kind, target, topic)
        yield node, RDF.type, SG.Position
        yield node, SG.holder, minter.actor(holder)
        yield node, SG.kind, SG[kind]
        if target:
            yield node, SG.target, minter.actor(target)
        if topic:
            yield node, SG.topic, TOPIC[topic]


def one_per_node(statements: Iterable[Statement], article: Article, minter: Minter) -> list[Statement]:
    """The statements with one per statement IRI: two candidates that are one speech act
    (same speaker, cue and words; "Kerry and the secretary said" when both are Kerry) keep
    the first, so no statement node gets two sources or two evidence spans."""
    kept: dict[URIRef, Statement] = {}
    for statement in statements:
        kept.setdefault(minter.statement(article.article_id, statement), statement)
    return list(kept.values())


@dataclass(frozen=True)
class ArticleTriples:
    """What one extraction adds: its own graph, plus shared actor and position triples."""

    graph_iri: URIRef
    article: tuple[Triple, ...]
    actors: tuple[Triple, ...]
    positions: tuple[Triple, ...]


def extraction_triples(
    extraction: Extraction, run: RunInfo, minter: Minter, *, with_text: bool = True
) -> ArticleTriples:
    article = extraction.article
    article_node = minter.article(article.article_id)
    own = list(article_triples(article, run, minter, with_text=with_text))
    own += [(article_node, SCHEMA.mentions, minter.actor(a.key)) for a in extraction.actors]
    known = frozenset(a.key for a in extraction.actors)
    own += [t for a in extraction.actors for t in role_triples(a, minter, article_node, known)]
    roles = {a.key: a.role for a in extraction.actors if a.role}
    statements = one_per_node(extraction.statements, article, minter)
    own += [t for s in statements for t in statement_triples(s, article, minter, roles)]
    actors = [t for a in extraction.actors for t in actor_triples(a, minter, known)]
    positions = [t for s in statements for t in position_triples(s, minter)]
    return ArticleTriples(
        minter.article_graph(article.article_id),
        tuple(dict.fromkeys(own)),
        tuple(dict.fromkeys(actors)),
        tuple(dict.fromkeys(positions)),
    )
