"""When an undated article was written, as far as its office holders tell: "Chancellor
Gordon Brown" puts it within Brown's years at the Treasury (1997-2007), so "the prime
minister" of that article is the one whose term covers them, Tony Blair, not Brown (prime
minister from 2007). Used only to pick gazetteer roles; statements stay undated.
"""

from __future__ import annotations

from datetime import date

from graph.knowledge.gazetteer import Gazetteer, Term
from graph.knowledge.text import normalise
from graph.records import Actor, Mention

OPEN_END = "9999-12-31"


def names_role(term: Term, text_role: str) -> bool:
    """Does a title in the text name this term's office ("Chancellor" for "Chancellor of
    the Exchequer", "Prime Minister" for "Prime Minister")?

    >>> names_role(Term("Chancellor of the Exchequer", None), "Chancellor"), names_role(Term("Home Secretary", None), "Chancellor")
    (True, False)
    """
    office, title = normalise(term.role).split(), normalise(text_role).split()
    return bool(title) and (office == title or office[: len(title)] == title or title[-len(office) :] == office)


def inferred_day(mentions: tuple[Mention, ...], gazetteer: Gazetteer) -> str | None:
    """A day (ISO) within every term the article's titled office holders held by those
    titles (the middle of the common span, its start when it still runs), or None when
    they name none or disagree."""
    low, high = "0000-01-01", OPEN_END
    found = False
    for mention in mentions:
        if mention.label != "PERSON" or not mention.role:
            continue
        entry = gazetteer.lookup(mention.entity_id, mention.span.text)
        terms = [t for t in entry.terms if names_role(t, mention.role)] if entry is not None else []
        if len(terms) != 1 or not terms[0].start:
            continue  # no term, or several with that title: no evidence of the period
        low, high = max(low, terms[0].start[:10]), min(high, (terms[0].end or OPEN_END)[:10])
        found = True
    if not found or low >= high:
        return None
    if high == OPEN_END:
        return low  # a term still running: its start (the same day for every run)
    start, end = date.fromisoformat(low), date.fromisoformat(high)
    return (start + (end - start) / 2).isoformat()


def term_roles(actors: dict[str, Actor], gazetteer: Gazetteer, day: str | None) -> dict[str, tuple[str, ...]]:
    """The offices gazetteer people of an undated article may have held when it was
    written (every term's): "the foreign secretary" can then be Jack Straw, whose role the
    article does not give. Empty for a dated article (its roles are the terms of its day)."""
    if day:
        return {}
    found = {}
    for key, actor in actors.items():
        entry = gazetteer.entries.get(key)
        if entry is not None and not actor.role and entry.terms:
            found[key] = tuple(dict.fromkeys(t.role for t in entry.terms))
    return found
