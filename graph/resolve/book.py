"""The actors of one article as resolution builds them, mention by mention, and the
actor a gazetteer entry gives (an office holder's role as of the article's date)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from graph.knowledge.gazetteer import Gazetteer, GazetteerEntry
from graph.knowledge.text import alias_form, normalise
from graph.records import TYPE_SPECIFICITY, Actor, ActorType, Article, Mention


@dataclass
class ArticleActors:
    """The actors of one article, built up mention by mention."""

    article: Article
    gazetteer: Gazetteer
    actors: dict[str, Actor] = field(default_factory=dict)
    by_surface: dict[str, str] = field(default_factory=dict)
    by_span: dict[tuple[int, int], str] = field(default_factory=dict)
    subjects: set[tuple[int, int]] = field(default_factory=set)  # spans of mentions that are clause subjects
    states: frozenset[str] = frozenset()  # gazetteer keys of the states the article names
    day: str | None = None  # the article's date, or for an undated one the period its office holders tell
    resolve: Callable[[Mention], str | None] = lambda mention: None  # set by resolution: a mention's key

    def add(self, actor: Actor, mention: Mention | None) -> str:
        known = self.actors.get(actor.key, actor)
        if mention is not None:
            alt = alias_form(mention.span.text, known.label)
            if alt is not None and alt.casefold() not in {a.casefold() for a in known.alt_labels}:
                known = replace(known, alt_labels=(*known.alt_labels, alt))
            self.by_surface.setdefault(normalise(mention.span.text), actor.key)
            self.by_span[(mention.span.start, mention.span.end)] = actor.key
            if mention.subject:
                self.subjects.add((mention.span.start, mention.span.end))
        role = actor.role or (mention.role if mention is not None else None)
        if known.role is None and role:  # "Sen. Ted Cruz" after a headline's "Ted Cruz"
            known = replace(known, role=role, affiliation=known.affiliation or actor.affiliation)
        if mention is not None and mention.official and known.actor_type is ActorType.PERSON:
            known = replace(known, actor_type=ActorType.OFFICIAL)
        if TYPE_SPECIFICITY[actor.actor_type.value] > TYPE_SPECIFICITY[known.actor_type.value]:
            known = replace(known, actor_type=actor.actor_type)
        self.actors[actor.key] = known
        return actor.key


def entry_actor(book: ArticleActors, entry: GazetteerEntry, mention: Mention | None) -> Actor:
    """A gazetteer actor; an office holder's role as of the article date (none from the
    gazetteer when no term covers that date, Marco Rubio in 2016 was no Secretary of State,
    or when the article is undated and its text names another; the state of the nearest
    term stays the affiliation)."""
    role, affiliation = entry.role, entry.affiliation
    text_role = mention.role if mention else None
    day = book.day or book.article.published
    term = entry.term_on(day, text_role)
    if term is not None:
        # undated and undatable: no gazetteer office ("Gordon Brown" in an undated 2005 story is
        # no Prime Minister because he was one from 2007); a title the text gives wins anyway
        role = term.role if day and term.covers(day) else role
        affiliation = term.of
    if mention is not None and mention.affiliate is not None:
        affiliation = book.resolve(mention.affiliate) or affiliation
    return Actor(
        key=entry.key,
        label=entry.label,
        actor_type=entry.actor_type,
        wikidata=entry.wikidata,
        affiliation=affiliation,
        role=text_role or role,
    )
