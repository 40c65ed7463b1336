"""Actor mentions from a parsed Doc.

Named entities that can act (people, organisations, states and their demonyms)
outside headlines and sub-headings, trimmed of determiners and possessives, plus
noun phrases built on demand for speakers that are not named entities.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.layout import load_agencies
from graph.extract.roles import find_role
from graph.knowledge.lexicons import Offices, load_agents, load_first_names, load_offices
from graph.records import Mention, TextSpan

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
TRIM_LEFT = {"the", "a", "an"}
TRIM_RIGHT = {"'s", "’s", "'", "’"}

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# entity labels a first name may wrongly carry ("Ivanka" as a product)
NAME_TAGS = {"", "PRODUCT", "WORK_OF_ART", "ORG", "FAC", "LAW", "EVENT"}


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
    """Drop determiners, punctuation and possessive markers at the edges."""
    while tokens and (tokens[0].lower_ in TRIM_LEFT or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
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
    """Dates, numbers and glued words are never actors ("Sunday", "261bn", "2,000 people",
    "PutinTrump")."""
    words = [t.lower_ for t in tokens]
    if len(tokens) >= 3 and any(GLUED.search(t.text) for t in tokens):
        return True  # "Vladimir Vladimirovich PutinTrump": caption text glued onto a name (not "WikiLeaks")
    return bool(NUMBER.match(words[0])) or all(w in CALENDAR_WORDS or NUMBER.match(w) for w in words)


def span_mention(doc: Doc, tokens: list[Token], label: str, **extra: object) -> Mention | None:
    tokens = trim_tokens(tokens)
    if not tokens or is_junk(tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    root = doc[tokens[0].i : tokens[-1].i + 1].root
    extra.setdefault("subject", is_subject(root))
    extra.setdefault("modifier", len(tokens) == 1 and is_modifier(root, label))
    return Mention(text_span(doc, start, end), label, **extra)  # type: ignore[arg-type]


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


def entity_mention(ent: Span) -> Mention | None:
    entity_id = ent.ent_id_ or None
    owner = owner_before(ent) if ent.label_ == "ORG" else None
    affiliate = entity_mention(owner) if owner is not None else None
    return span_mention(ent.doc, list(ent), ent.label_, entity_id=entity_id, affiliate=affiliate)


OWNER_LINKS = {"run", "led", "controlled", "backed", "owned", "based"}


def owner_before(ent: Span) -> Span | None:
    """Whose body an organisation is, written just before it: "Israel's health ministry",
    "the Hamas-run health ministry", "the Iranian foreign ministry"."""
    doc, i = ent.doc, ent.start
    if i >= 2 and doc[i - 1].lower_ in OWNER_LINKS and doc[i - 2].text == "-":
        i -= 2  # "Hamas-run"
    elif i >= 1 and doc[i - 1].lower_ in ("'s", "’s"):
        i -= 1
    owner = next((e for e in doc.ents if e.end == i and e.label_ in ("GPE", "NORP", "ORG")), None)
    return owner if owner is not None and owner.end > owner.start else None


NOT_NAME_POS = {"VERB", "AUX", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "NUM"}


def person_mention(ent: Span, offices: Offices) -> Mention | None:
    """A person's name without its titles; the title is kept as the role."""
    found = find_role(ent, offices)
    affiliate = entity_mention(found.affiliate) if found.affiliate is not None else None
    words = list(ent.doc[found.name_start : ent.end])
    while len(words) > 1 and words[0].pos_ in NOT_NAME_POS:
        words = words[1:]  # "Injecting Clinton": the recogniser took a verb into the name
    return span_mention(
        ent.doc,
        words,
        "PERSON",
        entity_id=ent.ent_id_ or None,
        role=found.role,
        official=found.official,
        affiliate=affiliate,
    )


def is_actor_entity(ent: Span, offices: Offices) -> bool:
    """Entities that can act: not a bare office title ("National Security Advisor"),
    not a nationality the gazetteer does not know ("European")."""
    if ent.label_ not in ACTOR_LABELS or "\n" in ent.text.strip():
        return False
    if offices.kind(trim_tokens(list(ent))):
        return False
    return not (ent.label_ == "NORP" and not ent.ent_id_)


def link_bracket_aliases(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Médecins Sans Frontières (Doctors Without Borders)": the bracketed name renames the first."""
    linked = list(mentions)
    for i in range(1, len(linked)):
        before, current = linked[i - 1], linked[i]
        between = doc_text(doc)[before.span.end : current.span.start]
        after = doc_text(doc)[current.span.end : current.span.end + 1]
        if between.strip() == "(" and after == ")" and renames(before.span.text, current.span.text):
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
    ents = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    for ent in sorted([*ents, *people], key=lambda e: e.start):
        if not is_actor_entity(ent, offices) or in_heading(doc, ent.start_char, ent.end_char):
            continue
        mention = person_mention(ent, offices) if ent.label_ == "PERSON" else entity_mention(ent)
        if mention is not None:
            mentions.append(mention)
    return link_bracket_aliases(doc, mentions)


def is_name_word(token: Token, entity_types: tuple[str, ...] = ("",)) -> bool:
    """A capitalised proper noun in the same line, outside entities unless ``entity_types``
    names the entity types it may be inside."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ in entity_types
        and token.is_alpha
        and token.text[:1].isupper()
        and (token.whitespace_ == " " or token.i + 1 == len(token.doc) or not token.nbor().is_space)
    )


def missed_people(doc: Doc, offices: Offices) -> list[Span]:
    """Names the entity recogniser missed but the sentence shows to be a person: two to
    four capitalised proper nouns outside any entity, followed by an apposition holding
    an office or role ("Nadia Farouk, a UN relief coordinator, said")."""
    found = []
    for token in doc:
        if not is_name_word(token) or token.dep_ not in ("nsubj", "nsubjpass", "appos", "dobj"):
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and is_name_word(doc[start - 1]):
            start -= 1  # adjacent name words, whatever the parser made of them
        tokens = list(doc[start : token.i + 1])
        if len(tokens) < 2 or not is_name_word(token):
            continue
        appos = [c for c in token.rights if c.dep_ == "appos"]
        if any(offices.kind([t]) in ("Official", "Person") for c in appos for t in c.subtree):
            found.append(Span(doc, tokens[0].i, token.i + 1, label="PERSON"))
    spans: list[Span] = []
    taken: set[int] = set()
    for span in found + honorific_names(doc, offices) + first_names_before(doc, offices) + repeated_surnames(doc):
        if taken.isdisjoint(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    return spans


def repeated_surnames(doc: Doc) -> list[Span]:
    """ "Ham made it clear" after "Gen. Norman Ham": the surname of a person the
    recogniser named in full earlier, used alone where it saw no entity, is a person
    (resolution links it to the full name)."""
    named = {
        e.end: e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and is_name_word(e[-1], ("PERSON",))
    }
    surnames: set[str] = set()
    found = []
    for token in doc:
        if token.i in named:
            surnames.add(named[token.i])
        if token.text not in surnames or token.i == 0 or token.i + 1 == len(doc):
            continue
        if token.ent_type_ and (token.ent_type_ == "PERSON" or doc[token.i + 1].ent_iob_ == "I"):
            continue  # a single-word organisation or place may be the surname ("Scott bristles")
        if not is_name_word(doc[token.i - 1], ("", "PERSON")) and not is_name_word(doc[token.i + 1], ("", "PERSON")):
            found.append(Span(doc, token.i, token.i + 1, label="PERSON"))
    return found


def first_names_before(doc: Doc, offices: Offices) -> list[Span]:
    """ "Cherie Blair": a first name just before a gazetteer surname the ruler matched makes
    the name another person's, whom the gazetteer entry does not cover."""
    names = load_first_names()
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.ent_id_ and len(ent) == 1 and ent.start > 0:
            before = doc[ent.start - 1]
            named = before.lower_ in names or (before.pos_ == "PROPN" and before.is_alpha)
            alone = before.ent_type_ in NAME_TAGS and (before.ent_iob_ == "B" or not before.ent_type_)
            if named and before.text[:1].isupper() and alone and offices.kind([before]) is None:
                found.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
    return found


def capitalised(doc: Doc, i: int) -> bool:
    """A capitalised word of a name after an honorific (whatever the tagger thought of
    "Straw"), or the hyphen inside one ("Kilroy-Silk")."""
    token = doc[i]
    if token.text in ("-", "‑") and not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
        return i + 1 < len(doc) and doc[i + 1].text[:1].isupper()
    return token.is_alpha and token.text[:1].isupper() and token.pos_ in ("PROPN", "NOUN", "ADJ")


def honorific_names(doc: Doc, offices: Offices) -> list[Span]:
    """ "Mr Straw", "Dr Fox", "Mrs Clinton": a name after an honorific is a person's, even
    where the entity recogniser saw none (the honorific stays outside the name)."""
    found = []
    for token in doc[:-1]:
        if offices.kind([token]) != "Honorific" or not token.text[:1].isupper():
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and capitalised(doc, end):
            end += 1
        if end > token.i + 1 and doc[end - 1].text != "-":
            found.append(Span(doc, token.i + 1, end, label="PERSON"))
    return found


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
