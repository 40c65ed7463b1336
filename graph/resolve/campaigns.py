"""Election campaigns as speakers: "the campaign said", "her campaign disclosed", "a
campaign aide said", "the Trump campaign called …" speak for a candidate's campaign, one
actor per candidate across articles ("Hillary Clinton campaign", affiliated to her)."""

from __future__ import annotations

import re

from graph.knowledge.names import parse_name
from graph.records import PEOPLE, Actor, ActorType, Mention
from graph.resolve.book import ArticleActors

CANDIDATE_ROLES = ("nominee", "candidate", "president", "senator", "governor", "mayor")
OWNER_PRONOUNS = {"her": "f", "his": "m"}
NAMED = re.compile(r"(?:the )?([A-Z][\w'’-]+) campaign", re.IGNORECASE)


def campaign_speaker(book: ArticleActors, mention: Mention, before: int) -> str | None:
    """The key of the campaign a speaker mention names or belongs to, or None.

    :param mention: the speaker ("the campaign", "her campaign", "a campaign aide",
        "Trump campaign").
    :param before: the statement's offset; the candidate must be named before it.
    """
    words = mention.span.text.lower().replace("’s", "").replace("'s", "").split()
    if "campaign" not in words:
        return None
    named = NAMED.fullmatch(mention.span.text.strip())
    if named and named.group(1).lower() not in ("the", "her", "his", "a", "its"):
        owner = candidate_named(book, named.group(1), before)
    else:
        owner = latest_candidate(book, before, OWNER_PRONOUNS.get(words[0]))
    if owner is None:
        return None
    person = book.actors[owner]
    actor = Actor(f"campaign:{owner}", f"{person.label} campaign", ActorType.GROUP, affiliation=owner)
    return book.add(actor, mention)


def candidate_named(book: ArticleActors, surname: str, before: int) -> str | None:
    """The person named in full before ``before`` whose surname this is ("Trump")."""
    found = [
        key
        for (start, _end), key in book.by_span.items()
        if start < before
        and (actor := book.actors.get(key)) is not None
        and actor.actor_type in PEOPLE
        and parse_name(actor.label).surname_key == surname.lower()
    ]
    return found[-1] if len(set(found)) == 1 else None


def latest_candidate(book: ArticleActors, before: int, gender: str | None) -> str | None:
    """The person holding a candidate's role named last before ``before`` (of the
    pronoun's gender, when the speaker is "her campaign" or "his campaign")."""
    from graph.knowledge.lexicons import load_first_names

    named = sorted((start, key) for (start, _end), key in book.by_span.items() if start < before)
    for _start, key in reversed(named):
        actor = book.actors.get(key)
        if actor is None or actor.actor_type not in PEOPLE or not actor.role:
            continue
        if not any(word in actor.role.lower() for word in CANDIDATE_ROLES):
            continue
        first = parse_name(actor.label).first.lower()
        if gender is None or load_first_names().get(first) in (gender, None):
            return key
    return None
