"""Person names the entity recogniser missed or cut short, found from the sentence:
a name with an apposition holding an office ("Nadia Farouk, a UN relief coordinator"),
a name after an honorific ("Mr Straw"), a first name before a gazetteer surname
("Cherie Blair"), and a surname used alone after the full name ("Ham" after "Norman Ham").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.knowledge.lexicons import Offices, load_first_names

# entity labels a first name may wrongly carry ("Ivanka" as a product)
NAME_TAGS = {"", "PRODUCT", "WORK_OF_ART", "ORG", "FAC", "LAW", "EVENT"}


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
    four capitalised proper nouns outside any entity, after an office title ("Congress MLA
    Rakesh Gaikwad said") or followed by an apposition holding an office or role ("Nadia
    Farouk, a UN relief coordinator, said")."""
    found = []
    for token in doc:
        if not is_name_word(token) or token.dep_ not in ("nsubj", "nsubjpass", "appos", "dobj"):
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and is_name_word(doc[start - 1]) and not offices.kind([doc[start - 1]]):
            start -= 1  # adjacent name words, whatever the parser made of them
        tokens = list(doc[start : token.i + 1])
        if len(tokens) < 2 or not is_name_word(token):
            continue
        appos = [c for c in token.rights if c.dep_ == "appos"]
        title = offices.match_before(list(doc[max(0, start - 4) : start]))
        titled = title and offices.kind(list(doc[start - title : start])) in ("Official", "Person")
        if titled or any(offices.kind([t]) in ("Official", "Person") for c in appos for t in c.subtree):
            found.append(Span(doc, tokens[0].i, token.i + 1, label="PERSON"))  # "Congress MLA Rakesh Gaikwad"
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
        if doc[token.i - 1].text in ("-", "‐") and not doc[token.i - 1].whitespace_:
            continue  # "Hooper" of "Rapp-Hooper": the end of a hyphenated surname, not the surname
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
