"""Actor mentions from a parsed Doc.

Named entities that can act (people, organisations, states and their demonyms)
outside headlines and sub-headings, trimmed of determiners and possessives, plus
noun phrases built on demand for speakers that are not named entities.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from graph.extract.entities import joined_names, titled_name, unknown_person
from graph.extract.layout import load_agencies
from graph.extract.missed import missed_people
from graph.extract.roles import MEDIA_TITLES, find_role
from graph.knowledge.lexicons import Offices, load_agents, load_first_names, load_offices
from graph.knowledge.names import REGNAL_TITLES
from graph.records import Mention, TextSpan

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
TRIM_LEFT = {"the", "a", "an"}
TRIM_RIGHT = {"'s", "’s", "'", "’"}

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Words for people too vague to be a speaker the graph can name ("people said", "many believe").
VAGUE_SPEAKERS = {
    "men",
    "women",
    "people",
    "others",
    "many",
    "some",
    "most",
    "those",
    "several",
    "everyone",
    "someone",
    "anyone",
    "somebody",
    "everybody",
}


def in_heading(doc: Doc, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in doc._.headings)


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: ``Doc.text`` joins every token on each access."""
    text = doc.user_data.get("stancegraph_text")
    if text is None:
        text = doc.user_data["stancegraph_text"] = doc.text
    return text


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, doc_text(doc)[start:end])


WEEKDAYS = {d.lower() for d in calendar.day_name}  # not months: "Theresa May"


def trim_tokens(tokens: list[Token]) -> list[Token]:
    """Drop determiners, punctuation and possessive markers at the edges, and capitals
    glued before a name ("JUST WATCHED John Kerry")."""
    while tokens and (tokens[0].lower_ in TRIM_LEFT or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    shouted = 0
    while shouted < len(tokens) and tokens[shouted].is_alpha and tokens[shouted].text.isupper():
        shouted += 1
    if shouted >= 2 and shouted < len(tokens) and not tokens[shouted].text.isupper():
        tokens = tokens[shouted:]  # "JUST WATCHED John Kerry": a video caption glued before a name
    while tokens and (
        tokens[-1].text in TRIM_RIGHT
        or tokens[-1].is_space
        or (tokens[-1].is_punct and not closes_bracket(tokens))
        or (len(tokens) > 1 and tokens[-1].lower_ in WEEKDAYS)  # "Obama Wednesday"
    ):
        tokens = tokens[:-1]
    return tokens


def closes_bracket(tokens: list[Token]) -> bool:
    """Keep a final ")" that closes a bracket opened inside the span."""
    return tokens[-1].text in ")]" and any(t.text in "([" for t in tokens[:-1])


CALENDAR_WORDS = {w.lower() for w in (*calendar.day_name, *calendar.month_name) if w}
NUMBER = re.compile(r"^[\d.,]+(bn|m|k|%|th|st|nd|rd)?$", re.I)


GLUED = re.compile(r"[a-z]{3,}[A-Z][a-z]")  # not "McCain", "MacDonald", "DeSantis"


def is_junk(tokens: list[Token]) -> bool:
    """Dates, numbers, glued words and shouted headlines are never actors ("Sunday",
    "261bn", "2,000 people", "PutinTrump", "ON THE NEW YORK TIMES MINUTE")."""
    words = [t.lower_ for t in tokens]
    if len(tokens) >= 3 and any(GLUED.search(t.text) for t in tokens):
        return True  # "Vladimir Vladimirovich PutinTrump": caption text glued onto a name (not "WikiLeaks")
    if sum(t.is_alpha for t in tokens) >= 4 and all(t.text.isupper() for t in tokens if t.is_alpha):
        return True  # "WASHINGTON POST BLASTED FOR REFERRING TO …": a shouted headline, not a name
    if any(t.text in ("-", "–", "—") and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_ for t in tokens[1:-1]):
        return True  # "Scott - Brentley Vinson": two names glued by a spaced dash
    if len(tokens) == 1 and in_title(tokens[0]):
        return True  # "Secretary of State John Kerry", "Defense Secretary Chuck Hagel": a word of an office
    if len(tokens) > 1 and words[-1] in ("of", "for", "to", "and", "the"):
        return True  # "General Bishop of" (the Coptic Orthodox Church): a name cut short
    return bool(NUMBER.match(words[0])) or all(w in CALENDAR_WORDS or NUMBER.match(w) for w in words)


def in_title(token: Token) -> bool:
    """A word inside an office title ("State" of "Secretary of State", "Defense" of
    "Defense Secretary")."""
    doc, i = token.doc, token.i
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if token.lower_ not in PORTFOLIOS:
        return False  # "Israeli minister", "Hamas chairman": an owner, not a word of the title
    return before in (["secretary", "of"], ["minister", "of"], ["ministry", "of"]) or after in TITLE_HEADS


TITLE_HEADS = {"secretary", "minister", "committee", "department", "ministry", "subcommittee"}
PORTFOLIOS = {
    "state", "defense", "defence", "justice", "treasury", "commerce", "energy", "interior", "homeland", "labor",
    "oversight", "intelligence", "judiciary", "finance", "foreign", "health", "education", "transportation",
    "agriculture", "veterans", "war", "trade", "home",
}  # fmt: skip


def span_mention(doc: Doc, tokens: list[Token], label: str, **extra: object) -> Mention | None:
    tokens = trim_tokens(tokens)
    if not tokens or is_junk(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    root = doc[tokens[0].i : tokens[-1].i + 1].root
    extra.setdefault("subject", is_subject(root))
    unknown_place = label in ("PERSON", "ORG") and not extra.get("entity_id") and is_place_object(root)
    extra.setdefault("modifier", len(tokens) == 1 and (is_modifier(root, label) or unknown_place))
    return Mention(text_span(doc, start, end), label, **extra)  # type: ignore[arg-type]


PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout"}
PLACE_NOUNS = {"port", "city", "town", "village", "region", "province", "district", "camp", "capital", "area"}


def is_place_object(token: Token) -> bool:
    """The object of "in", "near", "outside" … or of "the port of", "the town of": where
    something happens ("open in Poltava", "once the port of Mykolaiv reopened", a town the
    recogniser took for a person), no actor unless it speaks."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ in PLACE_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS)


def is_modifier(token: Token, label: str) -> bool:
    """A name modifying a common noun that is no agent: "Fox hunting", "the Brighton
    conference" (not "Acme spokesman"); a "person" modifying the title before a name
    ("Brighton nurse Marion Brown")."""
    head = token.head
    if token.dep_ != "compound" or head.pos_ != "NOUN" or not head.is_lower:
        return False
    return head.lemma_ not in load_agents() or (label == "PERSON" and head.dep_ == "compound")


def is_subject(root: Token) -> bool:
    """The token (a name's head) is its clause's subject, or in apposition to it."""
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)


def shared_entity_id(ent: Span) -> str | None:
    """The gazetteer key of an entity whose every word carries it; None for one a repair
    joined from parts ("Irish" + "Red Cross" keeps no ICRC key)."""
    return ent.ent_id_ if ent.ent_id_ and all(t.ent_id_ == ent.ent_id_ for t in ent) else None


def entity_mention(ent: Span) -> Mention | None:
    entity_id = shared_entity_id(ent)
    owner = owner_before(ent) if ent.label_ == "ORG" else None
    affiliate = entity_mention(owner) if owner is not None else None
    return span_mention(ent.doc, list(ent), ent.label_, entity_id=entity_id, affiliate=affiliate)


OWNER_LINKS = {"run", "led", "controlled", "backed", "owned", "based"}


def owner_before(ent: Span) -> Span | None:
    """Whose body an organisation is, written just before it: "Israel's health ministry",
    "the Hamas-run health ministry", "the Iranian foreign ministry"."""
    doc, i = ent.doc, ent.start
    if ent.end < len(doc) and doc[ent.end].lower_ in MEDIA_TITLES:
        return None  # "CNN Pentagon correspondent": the Pentagon is the beat, not CNN's
    if i >= 2 and doc[i - 1].lower_ in OWNER_LINKS and doc[i - 2].text == "-":
        i -= 2  # "Hamas-run"
    elif i >= 1 and doc[i - 1].lower_ in ("'s", "’s"):
        i -= 1
    owner = next((e for e in doc.ents if e.end == i and e.label_ in ("GPE", "NORP", "ORG")), None)
    return owner if owner is not None and owner.end > owner.start else None


NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "NUM"}


def glued_word(token: Token) -> bool:
    """A word of the sentence the recogniser glued to a name ("Injecting" of "Injecting
    Clinton", "Though" of "Though Trump"), not a first name that is one too ("Will Hurd")."""
    glued = token.pos_ in NOT_NAME_POS or token.lower_ in STOP_WORDS
    return glued and token.lower_ not in load_first_names()


def person_mention(ent: Span, offices: Offices) -> Mention | None:
    """A person's name without its titles; the title is kept as the role."""
    found = find_role(ent, offices)
    affiliate = entity_mention(found.affiliate) if found.affiliate is not None else None
    words = list(ent.doc[found.name_start : ent.end])
    while len(words) > 1 and glued_word(words[0]):
        words = words[1:]  # "Injecting Clinton", "Though Trump": the recogniser took a word of the sentence
    before = ent.doc[words[0].i - 1] if len(words) == 1 and words[0].i > 0 else None
    if before is not None and before.lower_ in REGNAL_TITLES and before.is_title:
        words = [before, *words]  # "Pope Francis", "King Charles": the name they go by
    return span_mention(
        ent.doc,
        words,
        "PERSON",
        entity_id=shared_entity_id(ent),
        role=found.role,
        official=found.official,
        affiliate=affiliate,
    )


def is_actor_entity(ent: Span, offices: Offices) -> bool:
    """Entities that can act: not a bare office title ("National Security Advisor"),
    not a nationality the gazetteer does not know ("European")."""
    if ent.label_ not in ACTOR_LABELS or "\n" in ent.text.strip():
        return False
    words = trim_tokens(list(ent))
    if offices.kind(words):
        return False
    if ent.label_ == "ORG" and not ent.ent_id_ and len(words) > 2 and words[1].lower_ in ("of", "for"):
        return offices.kind(words[:1]) not in ("Official", "Person")  # "Minister of Information": a title
    return not (ent.label_ == "NORP" and not ent.ent_id_)


# A place that ends a longer name or a phrase: "Federal Atomic Power of Russia (Rusatom)" and "the
# nuclear agency of Iran (Sazman)" rename the agency, not the state ("the commander of the
# Revolutionary Guards (IRGC)" renames the Guards).
PLACES = {"GPE", "LOC"}
NAME_TAIL = re.compile(r"\w[\w.'’-]*\s+(?:of|for|de|del|du|des)\s+(?:the\s+)?$")


def link_bracket_aliases(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Médecins Sans Frontières (Doctors Without Borders)": the bracketed name renames the
    first, unless the first is a place that ends a longer name ("Ministry of Defence of
    Russia (MoD)" renames the ministry)."""
    linked = list(mentions)
    for i in range(1, len(linked)):
        before, current = linked[i - 1], linked[i]
        between = doc_text(doc)[before.span.end : current.span.start]
        after = doc_text(doc)[current.span.end : current.span.end + 1]
        same_kind = (before.label == "PERSON") == (current.label == "PERSON")  # "The New York Times (Peter Baker)"
        if (
            between.strip() == "("
            and after == ")"
            and same_kind
            and not (
                before.label in PLACES
                and NAME_TAIL.search(doc_text(doc)[max(0, before.span.start - 60) : before.span.start])
            )
            and renames(before.span.text, current.span.text)
        ):
            linked[i] = replace(current, alias_of=before.span)
    return linked


def renames(name: str, bracketed: str) -> bool:
    """Is the bracketed name another name of the one before it? Not a news agency's credit
    ("Washington (CNN)"), and an acronym must fit the name's initials ("Social Democrats
    (SPD)" may be wrongly resolved, so only "Human Rights Watch (HRW)" links)."""
    if bracketed.lower() in load_agencies():
        return False
    letters = "".join(c for c in bracketed if c.isalnum())
    if not (letters.isupper() and len(letters) <= 6):
        return True
    initials = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())
    return letters == initials or letters == "".join(w[0] for w in name.upper().split())


def extract_mentions(doc: Doc) -> list[Mention]:
    """Entity mentions that may be actors, in text order, none in headings."""
    offices = load_offices()
    mentions = []
    people = missed_people(doc, offices)
    taken = {i for span in people for i in range(span.start, span.end)}
    ents = joined_names([e for e in doc.ents if not taken.intersection(range(e.start, e.end))])
    for ent in sorted([*ents, *people], key=lambda e: e.start):
        end = ent.start_char + len(ent.text.rstrip())  # "Essequibo Dispute\n\n": the headline's own line
        if not is_actor_entity(ent, offices) or in_heading(doc, ent.start_char, end):
            continue
        if ent.label_ in ("ORG", "NORP", "GPE") and (titled_name(ent, offices) or unknown_person(ent)):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "ANC MP Thandiwe Nkosi" read as an organisation
        mention = person_mention(ent, offices) if ent.label_ == "PERSON" else entity_mention(ent)
        if mention is not None:
            mentions.append(mention)
    return link_bracket_aliases(doc, mentions)


def mention_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The first mention inside [start, end)."""
    for mention in mentions:
        if start <= mention.span.start and mention.span.end <= end:
            return mention
    return None


def mention_covering(mentions: list[Mention], token: Token) -> Mention | None:
    for mention in mentions:
        if mention.span.start <= token.idx < mention.span.end:
            return mention
    return None
