"""Titles and roles around person names: "Israeli Defense Minister Yoav Gallant",
"Middle East analyst Dr. Leila Karam", "Jake Sullivan, the national security adviser".

The office lexicon (``data/lexicon/offices.tsv``) says which words are titles and
whether their holders are officials; honorifics are stripped and not kept.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.knowledge.lexicons import MAX_TITLE_WORDS, Offices

ROLE_MODIFIER_LABELS = {"LOC", "NORP", "GPE", "ORG"}
POSSESSIVE = {"'s", "’s"}
TITLE_PREPS = {"of", "for", "to", "on"}  # "Director of ...", "envoy to ...", "adviser on ..."
COMPLEMENT_JOINERS = TITLE_PREPS | {"the", "and", "&"}
MAX_COMPLEMENT = 8  # tokens between the preposition and the name
NOT_PORTFOLIO = {"former", "then", "new", "current", "outgoing", "incoming", "late", "top", "veteran", "longtime"}


@dataclass(frozen=True)
class RoleFound:
    role: str | None  # "Defense Minister", "Middle East analyst"
    official: bool
    affiliate: Span | None  # an entity the role belongs to ("Israeli")
    name_start: int  # token index where the bare name starts (titles stripped)


def strip_leading_titles(ent: Span, offices: Offices) -> tuple[int, list[Token]]:
    """Titles inside the entity itself ("President Biden"): the name start and the title tokens."""
    start, title = ent.start, []
    while start < ent.end - 1:
        size = 0
        for n in range(min(MAX_TITLE_WORDS, ent.end - 1 - start), 0, -1):
            if offices.kind(list(ent.doc[start : start + n])):
                size = n
                break
        if not size:
            break
        title += list(ent.doc[start : start + size])
        start += size
    return start, title


def entity_ending_at(ent: Span, index: int) -> Span | None:
    for other in ent.doc.ents:
        if other.end == index and other.label_ in ROLE_MODIFIER_LABELS:
            return other
    return None


def find_role(ent: Span, offices: Offices) -> RoleFound:
    """The title before (or inside) a person entity, and whom it belongs to."""
    doc = ent.doc
    name_start, inner = strip_leading_titles(ent, offices)
    words = [t for t in inner if offices.kind([t]) != "Honorific"]
    left = honorifics_before(doc, ent.start, offices)  # "Dr." between the title and the name
    size = offices.match_before(list(doc[max(0, left - MAX_TITLE_WORDS) : left]))
    affiliate = None
    if size and offices.kind(list(doc[left - size : left])) != "Honorific":
        words = list(doc[left - size : left]) + words
        left -= size
        left, words = with_portfolio(ent, left, words)
    if words:
        if left > 0 and doc[left - 1].lower_ in POSSESSIVE:
            left -= 1  # "Iran's foreign minister Dariush Kamrani"
        modifier = entity_ending_at(ent, left)
        outlet = entity_ending_at(ent, modifier.start) if modifier is not None else None
        if modifier is not None and (modifier.label_ == "LOC" or (outlet is not None and media_title(words))):
            words = list(modifier) + words  # "Middle East analyst", "CNN Pentagon correspondent"
            affiliate = outlet
        elif modifier is not None:
            affiliate = modifier
    if not words:
        found = complement_role(ent, offices, left, name_start)
        found = found if found.role else appositive_role(ent, offices, name_start)
        return found if found.role or found.affiliate else head_role(ent, offices, name_start)
    role = offices.spelled_out(" ".join(t.text for t in words))
    official = any(offices.kind([t]) == "Official" for t in words) or offices.kind(words) == "Official"
    return RoleFound(role, official, affiliate or apposition_affiliate(ent), name_start)


MEDIA_TITLES = frozenset(("correspondent", "reporter", "anchor", "editor", "columnist", "producer", "commentator"))


def media_title(words: list[Token]) -> bool:
    """A journalist's title, whose beat may come before it ("Pentagon correspondent")."""
    return bool(words) and words[-1].lower_ in MEDIA_TITLES


def honorifics_before(doc: Doc, start: int, offices: Offices) -> int:
    """Where a name starts once the honorifics before it are counted in ("Gen." of "Gen.
    Mark Milley", "Dr." between a title and the name)."""
    while start > 0 and offices.kind([doc[start - 1]]) == "Honorific":
        start -= 1
    return start


def with_portfolio(ent: Span, left: int, words: list[Token]) -> tuple[int, list[Token]]:
    """A title with the one or two words of its portfolio before it, when a state or
    organisation owns them ("Saudi energy minister", "China's commerce minister",
    "Sudanese army spokesman"): (where the role starts, the role's words)."""
    doc = ent.doc
    for size in (1, 2):
        start = left - size
        portfolio = doc[max(start, 0) : left]
        if start < 1 or not all(portfolio_word(t) for t in portfolio):
            break
        owner_end = start - 1 if doc[start - 1].lower_ in POSSESSIVE else start
        if entity_ending_at(ent, owner_end) is not None:
            return start, list(portfolio) + words
    return left, words


def complement_title(doc: Doc, left: int, offices: Offices) -> tuple[int, int] | None:
    """(start, end) token indices of a title with its complement right before token
    ``left`` ("Director of National Intelligence" before "James Clapper", "envoy to Syria"
    before "Geir Pedersen"): an office title, of/for/to/on, then capitalised words (not
    titles themselves: "adviser to President Trump" is no title of Trump's) or joiners.
    None when the words before ``left`` are not of that shape."""
    capitalised, i = 0, left - 1
    while i > 0 and left - i <= MAX_COMPLEMENT:
        word = doc[i]
        if word.lower_ in TITLE_PREPS and capitalised:
            size = offices.match_before(list(doc[max(0, i - MAX_TITLE_WORDS) : i]))
            if size and offices.kind(list(doc[i - size : i])) in ("Official", "Person"):
                return i - size, left
        if word.lower_ in COMPLEMENT_JOINERS:
            i -= 1
        elif word.text[:1].isupper() and word.text.replace(".", "").isalpha() and offices.kind([word]) is None:
            capitalised, i = capitalised + 1, i - 1
        else:
            return None
    return None


def complement_role(ent: Span, offices: Offices, left: int, name_start: int) -> RoleFound:
    """ "Director of National Intelligence James Clapper", "UN envoy to Syria Geir Pedersen":
    a title with its complement before the name. The affiliate is the state or organisation
    before the title ("US ambassador to Iraq": the US), else one in an "of"/"for"
    complement ("spokesman for Hamas"; an envoy to Syria is not Syria's)."""
    found = complement_title(ent.doc, left, offices)
    if found is None:
        return RoleFound(None, False, None, name_start)
    start, end = found
    title = ent.doc[start:end]
    owner_end = start - 1 if start > 0 and ent.doc[start - 1].lower_ in POSSESSIVE else start
    affiliate = entity_ending_at(ent, owner_end)
    if affiliate is None or affiliate.label_ == "LOC":
        of = next(t.i for t in title if t.lower_ in TITLE_PREPS)
        in_complement = (e for e in ent.doc.ents if e.label_ in ("GPE", "NORP", "ORG") and of < e.start < end)
        affiliate = next(in_complement, None) if ent.doc[of].lower_ in ("of", "for") else None
    official = any(offices.kind([t]) == "Official" for t in title)
    return RoleFound(offices.spelled_out(title.text), official, affiliate, name_start)


def appositive_role(ent: Span, offices: Offices, name_start: int) -> RoleFound:
    """ "Jake Sullivan, the national security adviser, said": role from an apposition."""
    for child in (c for token in ent for c in token.children if not ent.start <= c.i < ent.end):
        if child.dep_ != "appos" or another_person(ent, child):
            continue  # "Melania Trump, the president's daughter Ivanka Trump": Ivanka's description
        tokens = [
            t for t in child.subtree if not t.is_punct and t.lower_ not in ("the", "a", "an") and t.dep_ != "poss"
        ]
        for size in range(min(MAX_TITLE_WORDS, len(tokens)), 0, -1):
            for start in range(0, len(tokens) - size + 1):
                kind = offices.kind(tokens[start : start + size])
                if kind in ("Official", "Person"):
                    words = tokens[start : start + size] + portfolio_after(tokens[start + size :])
                    affiliate = apposition_owner(ent, child, words[-1])
                    role = offices.spelled_out(" ".join(t.text for t in words))
                    return RoleFound(role, kind == "Official", affiliate, name_start)
    return RoleFound(None, False, apposition_affiliate(ent), name_start)


# Roles whose holders study or cover a state rather than serve it ("an Iran expert at Brookings").
STUDY_ROLES = frozenset(("expert", "analyst", "specialist", "scholar", "researcher", "fellow", "watcher", "observer"))


def apposition_owner(ent: Span, phrase: Token, title: Token) -> Span | None:
    """The state or organisation an apposition's title belongs to: the first named in it
    ("Iran's foreign minister"), not a topic ("an expert on Russian operations"), not a
    word cut from an adjective ("pro" of "pro-Israel"); for an expert or analyst, not the
    state they study ("an Iran expert at the Brookings Institution": Brookings)."""
    named = [
        e
        for e in ent.doc.ents
        if e.label_ in ("GPE", "NORP", "ORG")
        and phrase.left_edge.i <= e.start
        and e.end <= phrase.right_edge.i + 1
        and e.root.text[:1].isupper()
        and not about_topic(e, phrase)
        and not (e.start > 1 and ent.doc[e.start - 1].text == "-" and ent.doc[e.start - 2].lower_ in ("pro", "anti"))
    ]
    if title.lower_ in STUDY_ROLES:
        named = [e for e in named if e.start > title.i] or named
    return named[0] if named else None


def portfolio_after(tokens: list[Token]) -> list[Token]:
    """The capitalised portfolio after a title in an apposition, no entity ("Minister" +
    "of Information", "for Foreign Affairs"); none when an organisation or state follows
    (it is the affiliation: "head of the World Health Organization's office")."""
    if len(tokens) < 2 or tokens[0].lower_ not in ("of", "for"):
        return []
    title = tokens[0].i - 1
    in_title = {
        t.i for e in tokens[0].doc.ents if e.start <= title < e.end for t in e
    }  # "Minister of Information" (ORG)
    words = list(
        itertools.takewhile(lambda t: t.is_title and t.is_alpha and (not t.ent_type_ or t.i in in_title), tokens[1:])
    )
    return tokens[: len(words) + 1] if words else []


TOPIC_PREPS = frozenset(("on", "about", "regarding", "toward", "towards"))


def about_topic(entity: Span, phrase: Token) -> bool:
    """An entity the phrase is about, not one it belongs to: "an expert on Russian
    information operations" is nobody's from Russia."""
    token = entity.root
    while token != phrase and token.head != token:
        if token.dep_ == "prep" and token.lower_ in TOPIC_PREPS:
            return True
        token = token.head
    return False


def apposition_affiliate(ent: Span) -> Span | None:
    """A party or state a person is said to be of in an apposition without a title ("Jane
    Whitfield, a Democrat from Ohio,", "…, an American"): a gazetteer entity heading it."""
    for child in (c for token in ent for c in token.children if not ent.start <= c.i < ent.end):
        if child.dep_ == "appos" and child.ent_type_ in ("ORG", "NORP") and child.ent_id_:
            return next(e for e in ent.doc.ents if e.start <= child.i < e.end)
    return None


def another_person(ent: Span, phrase: Token) -> bool:
    """Does the phrase under ``phrase`` name a person other than ``ent``?"""
    lo, hi = phrase.left_edge.i, phrase.right_edge.i + 1
    return any(e.label_ == "PERSON" and lo <= e.start and e.end <= hi and e != ent for e in ent.doc.ents)


def head_role(ent: Span, offices: Offices, name_start: int) -> RoleFound:
    """ "Egypt's foreign minister, Samir Fawzy, said": the name is in apposition to a title."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.i >= ent.start:
        return RoleFound(None, False, None, name_start)
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in TITLE_PREPS and offices.kind([prep.head]) in ("Official", "Person"):
        head = prep.head if prep.head.i < prep.i else head  # "a spokesman for the army, Col. Ahmed Saleh"
    tokens = [t for t in head.subtree if t.i < ent.start and not t.is_punct and t.lower_ not in ("the", "a", "an")]
    tokens = [t for t in tokens if t.i >= head.left_edge.i and t.i <= head.i]
    for start in range(len(tokens)):
        kind = offices.kind(tokens[start:])
        if kind in ("Official", "Person"):
            affiliate = next(
                (
                    e
                    for e in ent.doc.ents
                    if e.label_ in ("GPE", "NORP", "ORG") and head.left_edge.i <= e.start and e.end <= ent.start
                ),
                None,
            )
            first = start
            while first > 0 and start - first < 2 and portfolio_word(tokens[first - 1]):
                first -= 1  # "Poland's agriculture minister, Czesław Siekierski,"
            after = [t for t in head.subtree if head.i < t.i < ent.start and not t.is_punct and t.lower_ != "the"]
            role = offices.spelled_out(" ".join(t.text for t in tokens[first:] + portfolio_after(after)))
            return RoleFound(role, kind == "Official", affiliate, name_start)
    return RoleFound(None, False, None, name_start)


def portfolio_word(token: Token) -> bool:
    """A word of a title's portfolio ("agriculture", "Commerce"): a noun or adjective no
    entity holds."""
    return (
        token.pos_ in ("NOUN", "PROPN", "ADJ")
        and token.is_alpha
        and not token.ent_type_
        and token.lower_ not in NOT_PORTFOLIO
    )
