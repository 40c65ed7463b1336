"""Whom a speaker's noun phrase belongs to: "U.S." of "U.S. officials", "MSF" of "a
spokesperson for MSF", "Hamas" of "the Hamas-run ministry", "Libya" of "the interior
ministry of Libya's Tripoli-based government"; and a government named after its leader
("the Trump administration")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.extract.mentions import mention_covering, span_mention
from graph.records import Mention

AFFILIATE_DEPS = {"compound", "amod", "poss", "nmod"}
AFFILIATE_PREPS = {"for", "of", "from", "in", "by"}


def affiliates_of(subj: Token, mentions: list[Mention]) -> list[Mention]:
    """Named entities the noun phrase belongs to ("U.S." in "U.S. officials", "MSF"
    in "a spokesperson for MSF", both in "officials in Cairo and Doha")."""
    for child in subj.children:
        if child.dep_ in AFFILIATE_DEPS:
            found = mention_covering(mentions, child) or run_by(child, mentions)
            if found:
                return [found]
        if child.dep_ == "prep" and child.lower_ in AFFILIATE_PREPS and not posted_in(subj, child):
            objects = [o for obj in child.children if obj.dep_ == "pobj" for o in (obj, *obj.conjuncts)]
            found_all = [m for m in (mention_covering(mentions, o) or owner_of(o, mentions) for o in objects) if m]
            if found_all:
                return found_all
    return []


# People posted in a state they do not speak for ("a Western diplomat in Beijing").
POSTED = {"diplomat", "ambassador", "envoy", "correspondent", "journalist", "reporter", "observer", "analyst", "expert"}


def posted_in(subj: Token, prep: Token) -> bool:
    """ "in" after someone posted there: where they are, not whom they speak for."""
    return prep.lower_ == "in" and subj.lemma_.lower() in POSTED


GOVERNMENT_NOUNS = {"government", "administration", "authorities", "regime", "cabinet"}


def owner_of(noun: Token, mentions: list[Mention]) -> Mention | None:
    """The state whose government a noun is: "Libya" of "the interior ministry of Libya's
    Tripoli-based government"."""
    if noun.lemma_.lower() not in GOVERNMENT_NOUNS:
        return None
    return next(
        (m for c in noun.children if c.dep_ in ("poss", "compound", "amod") and (m := mention_covering(mentions, c))),
        None,
    )


RUN_WORDS = {"run", "led", "controlled", "appointed", "installed"}  # "the Taliban-run interior ministry"


def run_by(modifier: Token, mentions: list[Mention]) -> Mention | None:
    """The named owner of "Taliban-run", "Hamas-led", "Houthi-controlled": a body's affiliate."""
    if modifier.lower_ not in RUN_WORDS:
        return None
    return next((m for c in modifier.children if (m := mention_covering(mentions, c)) is not None), None)


def leaders_body(doc: Doc, subj: Token, tokens: list[Token], affiliates: list[Mention]) -> Mention | None:
    """An administration or government named after its leader ("the Trump administration",
    "Netanyahu's government"): an organisation of its own, the leader's."""
    if subj.lemma_.lower() not in ("administration", "government", "regime") or len(affiliates) != 1:
        return None
    if affiliates[0].label != "PERSON":
        return None
    words = [t for t in tokens if t.dep_ not in ("det", "case") and t.i <= subj.i]
    return span_mention(doc, words, "ORG", affiliate=affiliates[0])
