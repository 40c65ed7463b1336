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
from dataclasses import replace

from graph.knowledge.gazetteer import Gazetteer, GazetteerEntry
from graph.knowledge.lexicons import is_force, is_generic_body, is_not_actor, load_agents, org_type
from graph.knowledge.names import is_plural_acronym, is_single_name, looks_like_person
from graph.knowledge.text import GLUED_CUES, clean_label, normalise
from graph.records import (
    PEOPLE,
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
from graph.resolve.bodies import another_states, owned_body
from graph.resolve.book import ArticleActors, entry_actor
from graph.resolve.campaigns import campaign_speaker
from graph.resolve.descriptions import described_actor
from graph.resolve.people import (
    article_digest,
    first_name_alone,
    name_key,
    other_person,
    out_of_context,
    resolve_person,
    surname_match,
    without_surname_aliases,
)
from graph.resolve.period import inferred_day, term_roles

PLACE_LABELS = {"GPE", "LOC", "FAC"}
NAME_LIKE = {"ORG", "NORP", "GPE"}


def resolve_mention(book: ArticleActors, mention: Mention, *, speaking: bool = False) -> str | None:
    """The actor key of a mention, adding the actor to the article's book."""
    if mention.alias_of is not None:
        key = book.by_span.get((mention.alias_of.start, mention.alias_of.end))
        if key is not None:
            return book.add(book.actors[key], mention)
    known = book.by_surface.get(normalise(mention.span.text))
    surname_alone = mention.label == "PERSON" and is_single_name(clean_label(mention.span.text))
    if known is not None and not mention.anonymous and not surname_alone:
        return book.add(book.actors[known], mention)
    if surname_alone and (
        joined := surname_match(book, clean_label(mention.span.text), mention.span.start, mention.role)
    ):
        return book.add(book.actors[joined], mention)  # the article's own "Mrs Blair" before the gazetteer's
    outlet = outlet_named_before(book, mention)
    if outlet is not None:
        return book.add(book.actors[outlet], mention)  # "The Times" after "The New York Times"
    glued = cue_glued(book, mention)
    if glued is not None and not out_of_context(book, glued):
        return book.add(entry_actor(book, glued, mention), mention)
    entry = book.gazetteer.lookup(mention.entity_id, mention.span.text, book.actors, book.states) or owned_body(
        book, mention
    )
    if entry is not None and not other_person(entry, mention) and not out_of_context(book, entry):
        if not another_states(book, entry, mention):  # "Pakistan's Foreign Office" is not the UK's
            return book.add(entry_actor(book, entry, mention), mention)
    if not normalise(mention.span.text) or (mention.label in PLACE_LABELS and not speaking):
        return None
    if is_not_actor(clean_label(mention.span.text)):
        return None  # a law, doctrine or product
    if mention.label in NAME_LIKE and looks_like_person(clean_label(mention.span.text)):
        mention = replace(mention, label="PERSON")  # "Nikki Haley" tagged as an organisation
    elif mention.label == "PERSON" and is_generic_body(clean_label(mention.span.text)):
        mention = replace(mention, label="ORG")  # "Air Force" tagged as a person
    elif mention.label == "PERSON" and is_plural_acronym(clean_label(mention.span.text)):
        mention = replace(mention, label="GROUP", generic=True)  # "MPs", "MEPs" tagged as a person
    elif mention.label == "PERSON" and plural_people(book, clean_label(mention.span.text)):
        mention = replace(mention, label="NORP", generic=True)  # "Palestinians", "Officials" tagged as a person
    if mention.label == "PERSON":
        joined = resolve_person(book, mention)
        if joined is not None:
            return joined
        if not speaking and (first_name_alone(book, mention) or place_like(book, mention)):
            return None  # "Tony" alone names nobody; "in Brighton" is a place the recogniser took for a name
    elif mention.label in NAME_LIKE and (
        joined := surname_match(book, clean_label(mention.span.text), mention.span.start)
    ):
        return book.add(book.actors[joined], mention)  # a surname the recogniser took for an organisation
    if mention.modifier and not speaking:
        return None  # "Fox hunting", "the Brighton conference": a word of a noun phrase, no actor
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
        elif mention.label == "WRITER":  # "I said", "we asked": whoever wrote the article
            label = f"the writer ({label})"
        elif not any(c.isalpha() for c in label.split()[0]):  # "39%", "73 percent": a poll's respondents
            label = f"respondents ({label})"
        return Actor(f"anon:{digest}", label, ActorType.ANONYMOUS_SOURCE, affiliation=affiliation)
    else:
        actor_type = ActorType.GROUP
    if actor_type is ActorType.GROUP and affiliation and is_force(label):
        actor_type = ActorType.GOVERNMENT_BODY  # "Israeli jets", "Russian troops": the armed forces
    key = name_key(book, label, actor_type, affiliation)
    if mention.generic and affiliation is None and actor_type is ActorType.GROUP:
        key = f"{key}@article:{article_digest(book)}"  # "officials", "analysts": other people in every article
    if affiliation in book.actors and actor_type not in PEOPLE and is_generic_body(label):
        label = f"{label} ({book.actors[affiliation].label})"  # "health ministry (Israel)"
    return Actor(key, label, actor_type, affiliation=affiliation, role=mention.role)


def reporting_channel(target: Actor, candidate: StatementCandidate) -> bool:
    """The outlet a source spoke to ("a diplomat told AP") is how the words were reported,
    not whom they address; an outlet can still be the target of a stance ("accused the BBC")."""
    return target.actor_type is ActorType.MEDIA_ORGANIZATION and candidate.kind is StatementKind.ASSERT


def resolve_speaker(book: ArticleActors, candidate: StatementCandidate) -> str | None:
    """The speaker's actor key: a definite description ("the president") is the actor of
    the article holding that role, when one fits; anything else is resolved as a mention."""
    mention = candidate.speaker
    campaign = campaign_speaker(book, mention, candidate.evidence.start)
    if campaign is not None:  # "the campaign said", "her campaign", "the Trump campaign"
        return campaign
    body = mention.label == "ORG" and " " not in mention.span.text.strip() and is_generic_body(mention.span.text)
    compass = mention.span.text.strip().lower() in ("north", "south")  # "the North" read as a name
    if mention.anonymous or body or compass:  # "the president", "the commission", "the North"
        affiliation = resolve_mention(book, mention.affiliate) if mention.affiliate else None
        key = described_actor(
            mention,
            book.article.text,
            actors=book.actors,
            by_span=book.by_span,
            before=candidate.evidence.start,
            affiliation=affiliation,
            term_roles=term_roles(book.actors, book.gazetteer, book.day),
        )
        if key is not None:
            return book.add(book.actors[key], None)
        if mention.fallback is not None:  # "he", taken for a title no one in the article holds
            return resolve_mention(book, mention.fallback, speaking=True)
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
    own = {on_behalf, actor.affiliation}  # "a Labour spokesman said Labour would ...", "U.S. officials ... the U.S."
    targets = tuple(t for t in targets if t not in own)
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


def outlet_named_before(book: ArticleActors, mention: Mention) -> str | None:
    """The one news outlet of the article whose name ends with this shorter name ("the
    Times" after "The New York Times", "the Post" after "The Washington Post")."""
    words = normalise(mention.span.text).split()
    if not words or len(words) > 2 or not mention.span.text.strip()[:1].isupper():
        return None
    found = [
        key
        for key, actor in book.actors.items()
        if actor.actor_type is ActorType.MEDIA_ORGANIZATION
        and len(label := normalise(actor.label).split()) > len(words)
        and label[-len(words) :] == words
        and any(k == key and start < mention.span.start for (start, _end), k in book.by_span.items())
    ]
    return found[0] if len(found) == 1 else None


def cue_glued(book: ArticleActors, mention: Mention) -> GazetteerEntry | None:
    """ "Said Trump: “…”", "Continued Giuliani": a speech verb the recogniser glued onto a
    person the gazetteer knows ("Said Kouachi", whom it does not, keeps his first name)."""
    words = clean_label(mention.span.text).split()
    if mention.label != "PERSON" or len(words) < 2 or words[0].lower() not in GLUED_CUES:
        return None
    entry = book.gazetteer.lookup(None, " ".join(words[1:]))
    return entry if entry is not None and entry.actor_type in PEOPLE else None


def plural_people(book: ArticleActors, label: str) -> bool:
    """One plural word for people: a demonym ("Palestinians", "Saudis") or a noun for
    people ("Officials", "Rebels", "Aides")."""
    if " " in label or not label.endswith("s") or len(label) < 4:
        return False
    singular = label[:-1]
    if singular.lower() in load_agents() or label[:-1].lower().rstrip("e") in load_agents():
        return True
    entry = book.gazetteer.lookup(None, singular)
    return entry is not None and entry.actor_type is ActorType.STATE


def place_like(book: ArticleActors, mention: Mention) -> bool:
    """A one-word "person" after "in", "at", "near" or "from" ("the conference in Brighton")."""
    before = book.article.text[max(0, mention.span.start - 6) : mention.span.start].lower().split()
    return " " not in mention.span.text.strip() and bool(before) and before[-1] in ("in", "at", "near", "from")


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
    day = article.published or inferred_day(mentions, gazetteer)  # undated: the period its office holders tell
    book = ArticleActors(article, gazetteer, states=article_states(mentions, gazetteer), day=day)
    book.resolve = lambda mention: resolve_mention(book, mention)
    ordered = sorted(mentions, key=lambda m: (m.alias_of is not None, -len(m.span.text), m.span.start))
    for mention in ordered:
        resolve_mention(book, mention)
    statements = [s for s in (resolve_statement(book, c) for c in candidates) if s is not None]
    add_affiliations(book)
    without_surname_aliases(book.actors)
    problems = (
        [] if statements else [Problem(article.path or article.article_id, "no statements found", severity="warning")]
    )
    return Extraction(article, tuple(book.actors.values()), tuple(statements), tuple(problems))
