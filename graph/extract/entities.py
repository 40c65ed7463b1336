"""Entities the recogniser cut or labelled wrong, repaired before they become mentions:
an organisation cut where a place begins ("Bank of" + "Cyprus"), a place that is a first
name before a name ("Victoria" + "Nuland", "Chad Smith"), a first name before a surname
read as an organisation ("Abbas" + "Kadhim"), a hyphenated given name cut at
its hyphen ("Yoon Suk" + "-yeol"), and a name a title introduces read as an organisation
("ANC MP Thandiwe Nkosi")."""

from __future__ import annotations

from spacy.tokens import Span

from graph.extract.roles import complement_title, honorifics_before
from graph.knowledge.lexicons import Offices, load_first_names, load_offices
from graph.knowledge.names import looks_like_person


def titled_name(ent: Span, offices: Offices) -> bool:
    """A name the recogniser read as an organisation that a title introduces: right after
    it ("Likud lawmaker Avi Mizrahi", "ANC MP Thandiwe Nkosi"), in apposition to it
    ("Nigeria's president, Bola Adeyemi,") or with it in apposition ("Siobhan Kearney, a
    spokeswoman for the Irish Red Cross,"). Two to four capitalised words the gazetteer
    does not know."""
    doc = ent.doc
    if (
        ent.ent_id_
        or not 2 <= len(ent) <= 4
        or not all((t.text[:1].isupper() and t.is_alpha) or "-" in t.text for t in ent)
    ):
        return False
    left = honorifics_before(doc, ent.start, offices)
    size = offices.match_before(list(doc[max(0, left - 5) : left]))
    if size and offices.kind(list(doc[left - size : left])) in ("Official", "Person"):
        return True
    if complement_title(doc, left, offices) is not None:
        return True  # "US envoy to the UN Nikki Haley"
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start and offices.kind([head]) in ("Official", "Person"):
        return True
    described = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end]  # "X, a spokeswoman for Y,"
    return any(offices.kind([c]) in ("Official", "Person") and c.pos_ == "NOUN" for c in described)


def unknown_person(ent: Span) -> bool:
    """A name the recogniser read as an organisation that opens with a common first name
    and that the gazetteer does not know ("Nadia Farouk, a UN relief coordinator,")."""
    return ent.label_ == "ORG" and not ent.ent_id_ and looks_like_person(ent.text.strip())


# Words a place's name opens with, that the recogniser leaves in a name before it
# ("The Coalition to Save Lake" + "Chad").
PLACE_NAME_OPENERS = ("lake", "river", "sea", "gulf", "bay", "mount", "island", "islands", "valley", "basin", "desert")


def joined_names(ents: list[Span]) -> list[Span]:
    """An organisation the recogniser cut where the gazetteer's place begins ("Bank of" +
    "Cyprus", "Central Bank of" + "Iran", "Coalition to Save Lake" + "Chad"): one
    organisation, no place."""
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label_ == "ORG"
            and not last.ent_id_
            and last[-1].lower_ in ("of", "for", *PLACE_NAME_OPENERS)
            and last.end == ent.start
            and ent.ent_id_
            and ent.label_ in ("GPE", "LOC")
        ):
            joined[-1] = Span(ent.doc, last.start, ent.end, label="ORG")
            continue
        if last is not None and national_branch(last, ent):
            joined[-1] = Span(ent.doc, last.start, ent.end, label="ORG")  # "Irish" + "Red Cross": its own society
            continue
        if last is not None and (place_as_first_name(last, ent) or first_name_before_unknown(last, ent)):
            joined[-1] = Span(ent.doc, last.start, ent.end, label="PERSON")  # "Victoria" + "Nuland"
            continue
        joined.append(ent)
        if (after := name_after(ent)) is not None:
            joined.append(after)
    repairs = (first_name_place, hyphenated_given_name, first_name_after_title, with_generation, speaking_surname)
    for repair in repairs:
        joined = [repair(e) for e in joined]
    return joined


def speaking_surname(ent: Span) -> Span:
    """A name the recogniser left out after a gazetteer name it holds, in a subject:
    "Assad" + "Omar" of "Assad Omar, Afghanistan's envoy, said" (the gazetteer's "Assad"
    is Bashar al-Assad). The whole name, no longer the gazetteer's person."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON" or len(ent) > 2 or end >= len(doc):
        return ent
    name = doc[end]
    speaking = name.dep_ in ("nsubj", "nsubjpass") and name.head.pos_ == "VERB"
    if speaking and ent.root.head == name and name.is_title and name.pos_ == "PROPN" and not name.ent_type_:
        return Span(doc, ent.start, end + 1, label="PERSON")
    return ent


GENERATIONS = frozenset(("jr", "jr.", "sr", "sr."))


def with_generation(ent: Span) -> Span:
    """A name the gazetteer's entry cut before "Jr." ("Donald Trump" + "Jr."): the son's
    whole name, not the father's entry."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "PERSON" or end >= len(doc) or doc[end].lower_ not in GENERATIONS or not ent[-1].whitespace_:
        return ent
    return Span(doc, ent.start, end + 1, label="PERSON")


def first_name_after_title(ent: Span) -> Span:
    """A surname the recogniser took without the first name between it and a title
    ("Sinn Féin TD Ciarán" + "Breathnach"): the whole name."""
    doc, start = ent.doc, ent.start
    if ent.label_ != "PERSON" or len(ent) != 1 or start < 2:
        return ent
    first, offices = doc[start - 1], load_offices()
    if (
        first.is_title
        and first.is_alpha
        and first.pos_ == "PROPN"
        and not first.ent_type_
        and offices.kind([first]) is None
        and offices.match_before(list(doc[max(0, start - 5) : start - 1]))
    ):
        return Span(doc, start - 1, ent.end, label="PERSON")
    return ent


def name_after(ent: Span) -> Span | None:
    """A person's name right after an organisation or place that the recogniser did not
    see, a first name and a surname ("U.N." + "Samantha Power" in "U.S. Ambassador to the
    U.N. Samantha Power said")."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in ("ORG", "GPE", "NORP") or end + 1 >= len(doc):
        return None
    first, last = doc[end], doc[end + 1]
    if (
        all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and not t.ent_type_ for t in (first, last))
        and first.lower_ in load_first_names()
        and first.head == last
        and (end + 2 == len(doc) or not (doc[end + 2].is_title and doc[end + 2].pos_ == "PROPN"))
    ):
        return Span(doc, end, end + 2, label="PERSON")
    return None


def place_as_first_name(place: Span, name: Span) -> bool:
    """A one-word place of the gazetteer that is also a first name, right before a person's
    name ("Victoria Nuland", "Israel Katz": the gazetteer's entity cut the recogniser's)."""
    return (
        len(place) == 1
        and place.label_ in ("GPE", "LOC")
        and place.end == name.start
        and name.label_ == "PERSON"
        and place[0].lower_ in load_first_names()
    )


# Movements with a society in each state: "the Irish Red Cross" is not the ICRC.
NATIONAL_BRANCHES = ("red cross", "red crescent", "red cross society", "red crescent society")


def national_branch(state: Span, organisation: Span) -> bool:
    """A state's adjective or name right before a movement that has a society in each
    state ("Irish" + "Red Cross", "Ukrainian" + "Red Cross Society"), or a place before
    the one word of an outlet's name ("Kyiv" + "Independent" is not The Independent)."""
    if state.label_ not in ("NORP", "GPE") or state.end != organisation.start or organisation.label_ != "ORG":
        return False
    outlet = len(organisation) == 1 and organisation.ent_id_.startswith("gz:mediaorganization:")  # "Kyiv Independent"
    return outlet or organisation.text.lower().removeprefix("the ") in NATIONAL_BRANCHES


def first_name_before_unknown(first: Span, name: Span) -> bool:
    """A first name alone right before one capitalised word the recogniser took for an
    organisation or place and the gazetteer does not know ("Abbas" + "Kadhim"), or two
    one-word names of people, each a gazetteer surname ("Assad" + "Omar": Assad Omar, not
    Bashar al-Assad and Ilhan Omar)."""
    if len(first) != 1 or len(name) != 1 or first.label_ != "PERSON" or first.end != name.start:
        return False
    if name.label_ == "PERSON":
        return first[0].is_title and name[0].is_title and bool(first[0].whitespace_)
    return (
        name.label_ in ("ORG", "GPE", "NORP")
        and not name.ent_id_
        and name[0].is_title
        and first[0].lower_ in load_first_names()
    )


def first_name_place(ent: Span) -> Span:
    """A place that is a first name followed by a capitalised word no entity holds ("Chad
    Smith", "Sofia Petrova"): a person."""
    doc, end = ent.doc, ent.end
    if len(ent) != 1 or ent.label_ not in ("GPE", "LOC") or ent[0].lower_ not in load_first_names():
        return ent
    while (
        end < len(doc)
        and end - ent.end < 2
        and doc[end].pos_ == "PROPN"
        and doc[end].is_title
        and not doc[end].ent_type_
    ):
        end += 1
    return Span(doc, ent.start, end, label="PERSON") if end > ent.end else ent


# English words written after a name with a hyphen ("Trump-backed", "Biden-era"): no given name.
HYPHENS = ("-", "‐")
NAME_SUFFIX_WORDS = frozenset("era style like led run type born based wing free made owned linked allied".split())


def hyphenated_given_name(ent: Span) -> Span:
    """A person whose hyphenated given name the recogniser cut at the hyphen, its second
    syllable in lower case ("Yoon Suk" + "-yeol", "Lee Jae" + "-myung", "Moon Jae" + "-in"):
    the whole name. The family name and the first syllable are short capitalised words;
    an English word after the hyphen ("Joe Biden-era", "Trump-backed") is no syllable."""
    doc = ent.doc
    end = ent.end - 1 if ent[-1].text in HYPHENS else ent.end  # "Koo Min-" + "seok"
    if ent.label_ != "PERSON" or end - ent.start < 2 or end + 1 >= len(doc):
        return ent
    hyphen, syllable = doc[end], doc[end + 1]
    if (
        hyphen.text in HYPHENS
        and not doc[end - 1].whitespace_
        and not hyphen.whitespace_
        and syllable.is_lower
        and syllable.is_alpha
        and len(syllable) <= 5
        and syllable.ent_type_ in ("", "PERSON")
        and not syllable.lower_.endswith("ed")
        and syllable.lower_ not in NAME_SUFFIX_WORDS
        and all(t.is_title and len(t) <= 5 for t in doc[end - 2 : end])
    ):
        return Span(doc, ent.start, end + 2, label="PERSON")
    return ent
