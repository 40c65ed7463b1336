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
from graph.knowledge.lexicons import is_force, is_generic_body, is_not_actor, load_first_names, org_type
from graph.knowledge.names import parse_name, strip_honorific
from graph.knowledge.people import person_by_surname
from graph.knowledge.text import clean_label, normalise
from graph.records import (
    TYPE_SPECIFICITY,
    Actor,
    ActorType,
    Article,
    Extraction,
    Mention,
    Problem,
    Statement,
    StatementCandidate,
    StatementKind,
)
from graph.resolve.descriptions import described_actor

PLACE_LABELS = {"GPE", "LOC", "FAC"}
PEOPLE = (ActorType.PERSON, ActorType.OFFICIAL)
NAME_LIKE = {"ORG", "NORP", "GPE"}


@dataclass
class ArticleActors:
    """The actors of one article, built up mention by mention."""

    article: Article
    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    by_surface: dict[str, str] = field(default_factory=dict)
    by_span: dict[tuple[int, int], str] = field(default_factory=dict)
    states: frozenset[str] = frozenset()  # gazetteer keys of the states the article names

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
        if TYPE_SPECIFICITY[actor.actor_type.value] > TYPE_SPECIFICITY[known.actor_type.value]:
            known = replace(known, actor_type=actor.actor_type)
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


def surname_match(book: ArticleActors, name: str, at: int = 0) -> str | None:
    """A person named in full in this article whose surname this is ("Mr Blair",
    "Al-Rashed" after "Hamdi al-Rashed"); particles, case and accents aside. With two
    ("Ted Cruz", "Rafael Cruz"), the one named last before offset ``at``."""
    wanted = parse_name(name)
    if wanted.first:
        return None
    found = [
        key
        for key, actor in book.actors.items()
        if actor.actor_type in PEOPLE
        and not key.startswith("anon:")
        and (known := parse_name(actor.label)).first
        and known.surname_key == wanted.surname_key
    ]
    if len(found) <= 1:
        return found[0] if found else None
    named = {key: max((s for (s, _e), k in book.by_span.items() if k == key and s < at), default=-1) for key in found}
    return max(found, key=lambda k: named[k])


def first_name_alone(book: ArticleActors, mention: Mention) -> bool:
    """A common first name used alone, not after an honorific ("Mr Howard" is a surname)."""
    before = book.article.text[max(0, mention.span.start - 6) : mention.span.start].split()
    honorific = bool(before) and strip_honorific(f"{before[-1]} x") == "x"
    return not honorific and clean_label(mention.span.text).lower() in load_first_names()


def resolve_person(book: ArticleActors, mention: Mention) -> str | None:
    """A person the gazetteer does not know by this exact name: the full name without
    title or middle initial, the same surname in this article, or the one gazetteer
    person with that surname active on the article's date in the article's states."""
    text = strip_honorific(clean_label(mention.span.text))
    name = parse_name(text)
    if name.first and (name.middle or name.full != text):  # "John F. Kerry", "Dr Liam Fox"
        entry = book.gazetteer.lookup(None, f"{name.first} {name.last}")
        if entry is not None:
            return book.add(entry_actor(book, entry, mention), mention)
    joined = surname_match(book, text, mention.span.start)
    if joined is not None:
        return book.add(book.actors[joined], mention)
    if not name.first:
        entry = person_by_surname(book.gazetteer, text, book.article.published, book.states)
        if entry is not None:
            return book.add(entry_actor(book, entry, mention), mention)
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
    if is_not_actor(clean_label(mention.span.text)):
        return None  # a law, doctrine or product
    if mention.label == "PERSON":
        joined = resolve_person(book, mention)
        if joined is not None:
            return joined
        if not speaking and first_name_alone(book, mention):
            return None  # "Tony": a first name alone names nobody for the graph
    elif mention.label in NAME_LIKE and (joined := surname_match(book, clean_label(mention.span.text))):
        return book.add(book.actors[joined], mention)  # a surname the recogniser took for an organisation
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
        if mention.label == "PRONOUN":  # no antecedent the article makes sure of: kept, marked as such
            label = f"unresolved speaker ({label})"
        return Actor(f"anon:{digest}", label, ActorType.ANONYMOUS_SOURCE, affiliation=affiliation)
    else:
        actor_type = ActorType.GROUP
    if actor_type is ActorType.GROUP and affiliation and is_force(label):
        actor_type = ActorType.GOVERNMENT_BODY  # "Israeli jets", "Russian troops": the armed forces
    key = name_key(book, label, actor_type, affiliation)
    if affiliation in book.actors and actor_type not in PEOPLE and is_generic_body(label):
        label = f"{label} ({book.actors[affiliation].label})"  # "health ministry (Israel)"
    return Actor(key, label, actor_type, affiliation=affiliation, role=mention.role)


def name_key(book: ArticleActors, label: str, actor_type: ActorType, affiliation: str | None = None) -> str:
    """Identity of an actor known by its name only: one name is one actor whatever type
    an article's context suggests (types are reconciled in the store). A person is keyed
    by first and last name; a surname alone that nothing links stays in its article
    ("Rice" is Condoleezza in one article and Susan in another). A generic body ("the
    health ministry") is one per state it belongs to, and stays in its article when no
    state is named."""
    if actor_type not in PEOPLE:
        if not is_generic_body(label):
            return f"name:{normalise(label)}"
        return f"name:{normalise(label)}@{affiliation or 'article:' + article_digest(book)}"
    name = parse_name(strip_honorific(label))
    if name.first:
        return f"name:person:{normalise(f'{name.first} {name.last}')}"
    return f"name:person:{name.surname_key}@{article_digest(book)}"


def article_digest(book: ArticleActors) -> str:
    return hashlib.sha256(book.article.article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def reporting_channel(target: Actor, candidate: StatementCandidate) -> bool:
    """The outlet a source spoke to ("a diplomat told AP") is how the words were reported,
    not whom they address; an outlet can still be the target of a stance ("accused the BBC")."""
    return target.actor_type is ActorType.MEDIA_ORGANIZATION and candidate.kind is StatementKind.ASSERT


def resolve_speaker(book: ArticleActors, candidate: StatementCandidate) -> str | None:
    """The speaker's actor key: a definite description ("the president") is the actor of
    the article holding that role, when one fits; anything else is resolved as a mention."""
    mention = candidate.speaker
    if mention.anonymous:
        affiliation = resolve_mention(book, mention.affiliate) if mention.affiliate else None
        key = described_actor(
            mention,
            book.article.text,
            actors=book.actors,
            by_span=book.by_span,
            before=candidate.evidence.start,
            affiliation=affiliation,
        )
        if key is not None:
            return book.add(book.actors[key], None)
    return resolve_mention(book, mention, speaking=True)


def resolve_statement(book: ArticleActors, candidate: StatementCandidate) -> Statement | None:
    speaker = resolve_speaker(book, candidate)
    if speaker is None:
        return None
    actor = book.actors[speaker]
    targets = tuple(
        dict.fromkeys(
            k
            for k in (resolve_mention(book, m) for m in candidate.targets)
            if k and k != speaker and not reporting_channel(book.actors[k], candidate)
        )
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


def article_states(mentions: tuple[Mention, ...], gazetteer: Gazetteer) -> frozenset[str]:
    """The states an article names (as states, demonyms, capitals or seats)."""
    found = set()
    for mention in mentions:
        if mention.label in ("GPE", "NORP"):
            entry = gazetteer.lookup(mention.entity_id, mention.span.text)
            if entry is not None and entry.actor_type is ActorType.STATE:
                found.add(entry.key)
    return frozenset(found)


def resolve_article(
    article: Article, mentions: tuple[Mention, ...], candidates: tuple[StatementCandidate, ...], gazetteer: Gazetteer
) -> Extraction:
    """Actors and statements of one article from its extraction records."""
    book = ArticleActors(article, gazetteer, states=article_states(mentions, gazetteer))
    ordered = sorted(mentions, key=lambda m: (m.alias_of is not None, -len(m.span.text), m.span.start))
    for mention in ordered:
        resolve_mention(book, mention)
    statements = [s for s in (resolve_statement(book, c) for c in candidates) if s is not None]
    add_affiliations(book)
    problems = (
        [] if statements else [Problem(article.path or article.article_id, "no statements found", severity="warning")]
    )
    return Extraction(article, tuple(book.actors.values()), tuple(statements), tuple(problems))
