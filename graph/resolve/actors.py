"""Resolution: mentions -> canonical actors; candidates -> statements.

Decides actor identity (the ``key`` that becomes the IRI): the gazetteer first
(names, demonyms and seats of government resolve to their state), then a
normalised name; within one article a surname joins the full name ("Biden" ->
"Joe Biden") and a bracketed alias joins the name it follows. Officials get their
role and affiliation from the text, else from the gazetteer's dated terms. Places
the gazetteer does not know are actors only when they speak. May import records,
text and gazetteer; never spaCy or rdflib.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from graph.knowledge.gazetteer import Gazetteer, GazetteerEntry
from graph.knowledge.lexicons import is_force, org_type
from graph.knowledge.text import clean_label, normalise
from graph.records import (
    Actor,
    ActorType,
    Article,
    Extraction,
    Mention,
    Problem,
    Statement,
    StatementCandidate,
)

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class ArticleActors:
    """The actors of one article, built up mention by mention."""

    article: Article
    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    by_surface: dict[str, str] = field(default_factory=dict)
    by_span: dict[tuple[int, int], str] = field(default_factory=dict)

    def add(self, actor: Actor, mention: Mention | None) -> str:
        known = self.actors.get(actor.key, actor)
        if mention is not None:
            alt = clean_label(mention.span.text)
            if normalise(alt) != normalise(known.label) and alt not in known.alt_labels:
                known = replace(known, alt_labels=(*known.alt_labels, alt))
            self.by_surface.setdefault(normalise(mention.span.text), actor.key)
            self.by_span[(mention.span.start, mention.span.end)] = actor.key
        if known.role is None and actor.role:
            known = replace(known, role=actor.role, affiliation=known.affiliation or actor.affiliation)
        self.actors[actor.key] = known
        return actor.key


def entry_actor(book: ArticleActors, entry: GazetteerEntry, mention: Mention | None) -> Actor:
    """A gazetteer actor; an office holder's role as of the article date."""
    role, affiliation = entry.role, entry.affiliation
    text_role = mention.role if mention else None
    term = entry.term_on(book.article.published, text_role)
    if term is not None:
        role, affiliation = term.role, term.of
    if mention is not None and mention.affiliate is not None:
        affiliation = resolve_mention(book, mention.affiliate) or affiliation
    return Actor(
        key=entry.key,
        label=entry.label,
        actor_type=entry.actor_type,
        wikidata=entry.wikidata,
        affiliation=affiliation,
        role=text_role or role,
    )


def surname_match(book: ArticleActors, name: str) -> str | None:
    """A person named earlier in full whose last name(s) this is."""
    for key, actor in book.actors.items():
        if actor.actor_type in (ActorType.PERSON, ActorType.OFFICIAL) and actor.label.endswith(" " + name):
            return key
    return None


def resolve_mention(book: ArticleActors, mention: Mention, *, speaking: bool = False) -> str | None:
    """The actor key of a mention, adding the actor to the article's book."""
    if mention.alias_of is not None:
        key = book.by_span.get((mention.alias_of.start, mention.alias_of.end))
        if key is not None:
            return book.add(book.actors[key], mention)
    known = book.by_surface.get(normalise(mention.span.text))
    if known is not None and not mention.anonymous:
        return book.add(book.actors[known], mention)
    entry = book.gazetteer.lookup(mention.entity_id, mention.span.text)
    if entry is not None:
        return book.add(entry_actor(book, entry, mention), mention)
    if not normalise(mention.span.text) or (mention.label in PLACE_LABELS and not speaking):
        return None
    if mention.label == "PERSON":
        joined = surname_match(book, clean_label(mention.span.text))
        if joined is not None:
            return book.add(book.actors[joined], mention)
    return book.add(name_actor(book, mention), mention)


def name_actor(book: ArticleActors, mention: Mention) -> Actor:
    """An actor known only by its name (or, when anonymous, only in this article)."""
    label = clean_label(mention.span.text)
    affiliation = resolve_mention(book, mention.affiliate) if mention.affiliate else None
    if mention.label == "PERSON":
        actor_type = ActorType.OFFICIAL if mention.official else ActorType.PERSON
    elif mention.label == "ORG":
        actor_type = org_type(label)
    elif mention.label in PLACE_LABELS:
        actor_type = ActorType.STATE
    elif mention.anonymous:
        digest = hashlib.sha256(f"{book.article.article_id}|{mention.span.start}".encode()).hexdigest()[:16]
        return Actor(f"anon:{digest}", label, ActorType.ANONYMOUS_SOURCE, affiliation=affiliation)
    else:
        actor_type = ActorType.GROUP
    if actor_type is ActorType.GROUP and affiliation and is_force(label):
        actor_type = ActorType.GOVERNMENT_BODY  # "Israeli jets", "Russian troops": the armed forces
    key = f"name:{actor_type.value.lower()}:{normalise(label)}"
    return Actor(key, label, actor_type, affiliation=affiliation, role=mention.role)


def resolve_statement(book: ArticleActors, candidate: StatementCandidate) -> Statement | None:
    speaker = resolve_mention(book, candidate.speaker, speaking=True)
    if speaker is None:
        return None
    actor = book.actors[speaker]
    targets = tuple(
        dict.fromkeys(k for k in (resolve_mention(book, m) for m in candidate.targets) if k and k != speaker)
    )
    spoken_for = candidate.speaker.affiliate
    on_behalf = resolve_mention(book, spoken_for) if spoken_for is not None else None
    if on_behalf is None and actor.actor_type in (ActorType.OFFICIAL, ActorType.ANONYMOUS_SOURCE, ActorType.GROUP):
        on_behalf = actor.affiliation
    on_behalf = on_behalf if on_behalf != speaker else None
    return Statement(
        speaker=speaker,
        kind=candidate.kind,
        mode=candidate.mode,
        evidence=candidate.evidence,
        cue=candidate.cue,
        content=candidate.content,
        quote=candidate.quote,
        source=candidate.source,
        on_behalf_of=on_behalf,
        targets=targets,
        negated=candidate.negated,
        confidence=candidate.confidence,
    )


def add_affiliations(book: ArticleActors) -> None:
    """Actors that others belong to are described too (the State Department's state)."""
    for actor in list(book.actors.values()):
        if actor.affiliation and actor.affiliation not in book.actors:
            entry = book.gazetteer.entries.get(actor.affiliation)
            if entry is not None:
                book.add(entry_actor(book, entry, None), None)


def resolve_article(
    article: Article, mentions: tuple[Mention, ...], candidates: tuple[StatementCandidate, ...], gazetteer: Gazetteer
) -> Extraction:
    """Actors and statements of one article from its extraction records."""
    book = ArticleActors(article, gazetteer)
    ordered = sorted(mentions, key=lambda m: (m.alias_of is not None, -len(m.span.text), m.span.start))
    for mention in ordered:
        resolve_mention(book, mention)
    statements = [s for s in (resolve_statement(book, c) for c in candidates) if s is not None]
    add_affiliations(book)
    problems = (
        [] if statements else [Problem(article.path or article.article_id, "no statements found", severity="warning")]
    )
    return Extraction(article, tuple(book.actors.values()), tuple(statements), tuple(problems))
