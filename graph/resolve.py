"""Resolution: mentions -> canonical actors; candidates -> statements.

Decides actor identity (the ``key`` that becomes the IRI): the gazetteer first,
then a normalised name; within one article a surname joins the full name
("Biden" -> "Joe Biden"). May import records, text and gazetteer; never spaCy or
rdflib.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from graph.gazetteer import Gazetteer, GazetteerEntry
from graph.records import (
    Actor, ActorType, Article, Extraction, Mention, Problem, Statement, StatementCandidate,
)
from graph.text import clean_label, normalise

LABEL_TYPES = {"PERSON": ActorType.PERSON, "GPE": ActorType.STATE, "NORP": ActorType.GROUP,
               "ORG": ActorType.GROUP, "GROUP": ActorType.GROUP}


@dataclass
class ArticleActors:
    """The actors of one article, built up mention by mention."""

    article: Article
    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    by_surface: dict[str, str] = field(default_factory=dict)
    anonymous: int = 0

    def add(self, actor: Actor, surface: str) -> str:
        known = self.actors.get(actor.key)
        if known is None:
            known = actor
        alt = clean_label(surface)
        if alt != known.label and alt not in known.alt_labels:
            known = replace(known, alt_labels=(*known.alt_labels, alt))
        self.actors[actor.key] = known
        self.by_surface[normalise(surface)] = actor.key
        return actor.key


def entry_actor(entry: GazetteerEntry) -> Actor:
    return Actor(key=entry.key, label=entry.label, actor_type=entry.actor_type,
                 wikidata=entry.wikidata, affiliation=entry.affiliation)


def surname_match(book: ArticleActors, name: str) -> str | None:
    """A person named earlier in full whose last name(s) this is."""
    for key, actor in book.actors.items():
        if actor.actor_type in (ActorType.PERSON, ActorType.OFFICIAL) and actor.label != name \
                and actor.label.endswith(" " + name):
            return key
    return None


def resolve_mention(book: ArticleActors, mention: Mention) -> str | None:
    """The actor key of a mention, adding the actor to the article's book."""
    surface = mention.span.text
    known = book.by_surface.get(normalise(surface))
    if known is not None:
        return book.add(book.actors[known], surface)
    entry = book.gazetteer.lookup(mention.entity_id, surface)
    if entry is not None:
        return book.add(entry_actor(entry), surface)
    if mention.label not in LABEL_TYPES or not normalise(surface):
        return None
    return book.add(name_actor(book, mention), surface)


def name_actor(book: ArticleActors, mention: Mention) -> Actor:
    """An actor known only by its name (or, anonymous, only in this article)."""
    label = clean_label(mention.span.text)
    actor_type = LABEL_TYPES[mention.label]
    affiliation = resolve_mention(book, mention.affiliate) if mention.affiliate else None
    if mention.label == "PERSON":
        joined = surname_match(book, label)
        if joined is not None:
            return book.actors[joined]
    if mention.anonymous:
        actor_type = ActorType.ANONYMOUS_SOURCE
        digest = hashlib.sha256(f"{book.article.article_id}|{mention.span.start}".encode()).hexdigest()[:16]
        return Actor(f"anon:{digest}", label, actor_type, affiliation=affiliation)
    return Actor(f"name:{actor_type.value.lower()}:{normalise(label)}", label, actor_type,
                 affiliation=affiliation)


def resolve_statement(book: ArticleActors, candidate: StatementCandidate) -> Statement | None:
    speaker = resolve_mention(book, candidate.speaker)
    if speaker is None:
        return None
    actor = book.actors[speaker]
    targets = tuple(dict.fromkeys(
        k for k in (resolve_mention(book, m) for m in candidate.targets) if k and k != speaker))
    return Statement(
        speaker=speaker, kind=candidate.kind, mode=candidate.mode, evidence=candidate.evidence,
        cue=candidate.cue, content=candidate.content, quote=candidate.quote,
        source=candidate.speaker.span if candidate.source_in_text else None,
        on_behalf_of=actor.affiliation if actor.affiliation != speaker else None,
        targets=targets, negated=candidate.negated, confidence=candidate.confidence)


def resolve_article(article: Article, mentions: tuple[Mention, ...],
                    candidates: tuple[StatementCandidate, ...], gazetteer: Gazetteer) -> Extraction:
    """Actors and statements of one article from its extraction records."""
    book = ArticleActors(article, gazetteer)
    for mention in sorted(mentions, key=lambda m: -len(m.span.text)):
        resolve_mention(book, mention)
    statements = [s for s in (resolve_statement(book, c) for c in candidates) if s is not None]
    problems = [] if statements else [Problem(article.path or article.article_id,
                                              "no statements found", severity="warning")]
    return Extraction(article, tuple(book.actors.values()), tuple(statements), tuple(problems))
