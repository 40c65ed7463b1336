"""A person named at the end of a subject that is their title, which the parser took for
the speaker's words: "Director of National Intelligence James Clapper said", "US envoy to
the UN, Nikki Haley, said", "a spokesman for the army, Col. Ahmed Saleh, said"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.extract.mentions import mention_covering
from graph.extract.roles import TITLE_PREPS, complement_title, honorifics_before
from graph.extract.syntax import is_agent, subject_tokens
from graph.knowledge.lexicons import is_generic_body, load_offices
from graph.knowledge.names import looks_like_person
from graph.records import Mention


def titled_person(doc: Doc, subj: Token, mentions: list[Mention]) -> Mention | None:
    """The person named at the end of a subject that is their title: the parser made the
    title the subject and the name the object inside it ("Director of National
    Intelligence James Clapper said": "Director" <- "of" <- "Clapper"), or an apposition to
    the named organisation or state of the title ("US envoy to the UN, Nikki Haley,
    said": "Nikki Haley" in apposition to "UN"). None for anything else ("an adviser to
    President Trump said" is the adviser speaking)."""
    words = [t for t in subject_tokens(subj) if not t.is_punct]
    person = mention_covering(mentions, words[-1]) if words else None
    if person is None or person.span.start <= subj.idx or not is_person(person):
        return None
    name = doc.char_span(person.span.start, person.span.end, alignment_mode="expand")
    if name is None:
        return None
    title = complement_title(doc, honorifics_before(doc, name.start, load_offices()), load_offices())
    if title is not None and title[0] <= subj.i < title[1]:
        return person
    owner = name.root.head
    if name.root.dep_ == "appos" and owner.i < name.start and not_a_person(owner, person, mentions):
        prep = owner.head
        at_title = prep.dep_ == "prep" and prep.lower_ in TITLE_PREPS and prep.head == subj
        return person if at_title and load_offices().kind([subj]) in ("Official", "Person") else None
    return None


def not_a_person(owner: Token, person: Mention, mentions: list[Mention]) -> bool:
    """Whether a name in apposition to ``owner`` cannot be ``owner`` itself: an organisation
    or a state named ("the UN"), or a thing no person is ("the army", "the family"), not
    a person word ("the defendant, Paul Manafort": he is the defendant)."""
    named = mention_covering(mentions, owner)
    if named is not None:
        return named is not person and named.label != "PERSON"
    body = is_generic_body(owner.text) or not is_agent(owner)
    return owner.pos_ == "NOUN" and body and load_offices().kind([owner]) is None


def is_person(mention: Mention) -> bool:
    """A person's name, also when the recogniser read it as an organisation ("Nikki Haley")."""
    return mention.label == "PERSON" or (mention.label == "ORG" and looks_like_person(mention.span.text))
