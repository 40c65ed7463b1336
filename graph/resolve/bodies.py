"""Government bodies named with their owner: the gazetteer's body a generic name and its
owner name together ("Gaza's health ministry" is the Gaza Health Ministry), and a body of
one state's name that another state owns in the text ("Pakistan's Foreign Office" is not the
UK's)."""

from __future__ import annotations

from graph.knowledge.gazetteer import GazetteerEntry
from graph.knowledge.lexicons import is_generic_body
from graph.knowledge.text import clean_label
from graph.records import ActorType, Mention
from graph.resolve.book import ArticleActors


def owned_body(book: ArticleActors, mention: Mention) -> GazetteerEntry | None:
    """The gazetteer's body a generic body and its owner name together ("Gaza's health
    ministry", "the Gaza health ministry" -> Gaza Health Ministry, as "the Health Ministry in
    Gaza" is), or None."""
    body = clean_label(mention.span.text)
    if mention.affiliate is None or not is_generic_body(body):
        return None
    owner, titled = clean_label(mention.affiliate.span.text), body.title()
    for surface in (f"{owner}'s {titled}", f"{owner} {titled}", f"{titled} in {owner}", f"{titled} of {owner}"):
        entry = book.gazetteer.lookup(None, surface)
        if entry is not None and entry.actor_type is ActorType.GOVERNMENT_BODY:
            return entry
    return None


STATE_OWNED = (ActorType.GOVERNMENT_BODY, ActorType.POLITICAL_PARTY)


def another_states(book: ArticleActors, entry: GazetteerEntry, mention: Mention) -> bool:
    """A gazetteer body or party of one state that the text gives to another ("Pakistan's
    Foreign Office", "Hong Kong's Liberal Party"): that state's of the name, not the
    gazetteer's."""
    if entry.actor_type not in STATE_OWNED or entry.affiliation is None or mention.affiliate is None:
        return False
    owner = book.gazetteer.lookup(mention.affiliate.entity_id, mention.affiliate.span.text)
    return owner is not None and owner.actor_type is ActorType.STATE and owner.key != entry.affiliation
