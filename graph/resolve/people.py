"""People known by name only: surnames linked in the article or through the gazetteer,
first names alone, names the recogniser typed as organisations, and the keys of people
and other named actors."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz

from graph.knowledge.gazetteer import GazetteerEntry
from graph.knowledge.lexicons import is_generic_body, load_first_names, load_nicknames
from graph.knowledge.names import (
    REGNAL_TITLES,
    honorific_gender,
    is_single_name,
    other_middle,
    parse_name,
    strip_honorific,
)
from graph.knowledge.people import FAMILY_NAME_FIRST, SIMILAR, person_by_surname, similar_person
from graph.knowledge.text import clean_label, normalise
from graph.records import PEOPLE, Actor, ActorType, Mention
from graph.resolve.book import ArticleActors, entry_actor


def surname_match(book: ArticleActors, name: str, at: int = 0, role: str | None = None) -> str | None:
    """A person named in full in this article whose surname this is ("Mr Blair",
    "Al-Rashed" after "Hamdi al-Rashed"); particles, case and accents aside. With two
    ("Ted Cruz", "Rafael Cruz"), the one holding the ``role`` the text gives ("Senator
    Cruz"), else the one named in full in the paragraph of offset ``at``, else the latest
    named in full as a clause subject, else the one most often named in full; when neither is named before it ("President Obama"
    opening an article that names Michelle and Barack Obama later), the gazetteer's
    bearer of the name, else the first named."""
    wanted = parse_name(name)
    if wanted.first:
        return None
    found = article_people(book, lambda surname: surname == wanted.surname_key)
    if not found and len(wanted.surname_key) >= 6:  # "McLenney" after "Tyresha McClenney"
        found = article_people(book, lambda surname: fuzz.ratio(surname, wanted.surname_key) >= SIMILAR)
        found = found if len(found) == 1 else []
    found = list(
        dict.fromkeys([*found, *family_name_first(book, wanted.surname_key, at)])
    )  # "Kim": Sung Kim, Kim Jong Un
    found = [k for k in found if generation(book.actors[k].label) == generation(name)]  # "Trump Jr." is the son
    gender = honorific_gender(book.article.text[max(0, at - 6) : at])
    if gender:  # "Mrs Blair" where Tony and Cherie Blair are named
        genders = {k: load_first_names().get(parse_name(book.actors[k].label).first.lower()) for k in found}
        found = [k for k in found if genders[k] in (gender, None)]
    holders = [k for k in found if role and (book.actors[k].role or "").lower().endswith(role.lower())]
    if len(holders) == 1:  # "Senator Cruz" is the senator of the Cruzes
        return holders[0]
    if not found:
        return None
    text = book.article.text
    full = {
        k: [(s, e) for (s, e), key in book.by_span.items() if key == k and s < at and " " in text[s:e].strip()]
        for k in found
    }
    named = {k: max((s for s, _e in spans), default=-1) for k, spans in full.items()}
    if max(named.values()) < 0:
        return unnamed_before(book, name, found)
    if len(found) == 1:
        return found[0]
    latest = max(found, key=lambda k: named[k])
    if "\n" not in text[named[latest] : at]:
        return latest  # named in full in this paragraph
    before = book.by_surface.get(normalise(name))
    if before in found:
        return before  # as the surname alone was read before ("Trump" stays Donald after "Melania Trump")
    as_subject = {k: max((s for s, e in spans if (s, e) in book.subjects), default=-1) for k, spans in full.items()}
    if max(as_subject.values()) >= 0:
        return max(found, key=lambda k: as_subject[k])  # "Jeh Johnson says" after "Gary Johnson's doctor"
    return max(found, key=lambda k: (len(full[k]), -min(full[k], default=(at, at))[0]))  # the most often named


def family_name_first(book: ArticleActors, name: str, at: int | None = None) -> list[str]:
    """The one person named in full here whose name opens with this family name, written
    first ("Gao" after "Gao Feng", "Kim" after "Kim Jong Un"): a person of a state that
    writes names so, or a name that is no common given name; of several, the one named
    before offset ``at`` ("Kim said" after Kim Jong Un, before Kim Eui-kyeom is named)."""
    found = [
        key
        for key, actor in named_people(book)
        if len(words := normalise(actor.label).split()) > 1
        and words[0] == name
        and (actor.affiliation in FAMILY_NAME_FIRST or name not in load_first_names())
    ]
    if len(found) > 1 and at is not None:
        found = [k for k in found if any(key == k and start < at for (start, _end), key in book.by_span.items())]
    return found if len(found) == 1 else []


def named_people(book: ArticleActors) -> list[tuple[str, Actor]]:
    """The article's people known by name (not anonymous sources), with their keys."""
    return [
        (key, actor) for key, actor in book.actors.items() if actor.actor_type in PEOPLE and not key.startswith("anon:")
    ]


def generation(name: str) -> str:
    """ "jr" or "sr" when the name ends so ("Donald Trump Jr."), else ""."""
    suffix = parse_name(name).suffix.lower().rstrip(".")
    return suffix if suffix in ("jr", "sr") else ""


def article_people(book: ArticleActors, surname_fits: Callable[[str], bool]) -> list[str]:
    """Keys of the people named in full in this article whose surname key fits."""
    return [
        key
        for key, actor in named_people(book)
        if ((known := parse_name(actor.label)).first or known.title.lower() in REGNAL_TITLES)
        and surname_fits(known.surname_key)
    ]


def unnamed_before(book: ArticleActors, name: str, found: list[str]) -> str:
    """Of the people with a surname, none named yet: the gazetteer's bearer of the
    surname (added to the article's actors: "President Trump" opening an article that
    names Melania and Ivanka Trump later is Donald), else the one named first."""
    entry = book.gazetteer.lookup(None, name)
    if entry is not None and entry.actor_type in PEOPLE and not out_of_context(book, entry):
        return entry.key if entry.key in found else book.add(entry_actor(book, entry, None), None)
    first = {
        key: min((s for (s, _e), k in book.by_span.items() if k == key), default=len(book.article.text))
        for key in found
    }
    return min(found, key=lambda k: first[k])


def tail_match(book: ArticleActors, name: str) -> str | None:
    """The one person named in full in this article whose name ends with these two or
    more words ("Suu Kyi" after "Aung San Suu Kyi", "Guajardo Villarreal" after "Ildefonso
    Guajardo Villarreal")."""
    words = normalise(name).split()
    if len(words) < 2:
        return None
    found = [
        key
        for key, actor in named_people(book)
        if len(known := normalise(actor.label).split()) > len(words) and known[-len(words) :] == words
    ]
    return found[0] if len(found) == 1 else None


def other_person(entry: GazetteerEntry, mention: Mention) -> bool:
    """A full name the gazetteer's entry does not carry, with another first name: "Melania
    Trump" around the ruler's "Trump" is not Donald Trump."""
    if entry.actor_type not in PEOPLE or mention.label != "PERSON":
        return False
    name = parse_name(strip_honorific(clean_label(mention.span.text)))
    if not name.first or normalise(name.full) in {normalise(n) for n in entry.names}:
        return False
    if other_middle(name.full, entry.names):  # "George H. W. Bush" is not "George W. Bush"
        return True
    return all(parse_name(n).first.lower() != name.first.lower() for n in entry.names if parse_name(n).first)


YEARS_AROUND_OFFICE = 4  # a former office holder is still news this long after leaving


def out_of_context(book: ArticleActors, entry: GazetteerEntry) -> bool:
    """A gazetteer person whose every office was held in states other than those this
    article names, years away from its date: a namesake ("James Rogers", a Sierra Leone
    minister in 2005-07, is someone else in a 2019 story about the United States)."""
    day = book.article.published
    if entry.actor_type not in PEOPLE or not entry.terms or not day or not book.states:
        return False  # an article that names no state cannot tell ("Nancy Pelosi" after the lists stop)
    if {t.of for t in entry.terms} & book.states or entry.affiliation in book.states:
        return False
    year = year_of(day, 0)
    return bool(year) and not any(
        year_of(t.start, 0) - YEARS_AROUND_OFFICE <= year <= year_of(t.end, 9999) + YEARS_AROUND_OFFICE
        for t in entry.terms
    )


def year_of(date: str | None, default: int) -> int:
    """The year of an ISO date ("2016-09-08" -> 2016), else ``default``."""
    return int(date[:4]) if date and date[:4].isdigit() else default


def first_name_alone(book: ArticleActors, mention: Mention) -> bool:
    """A common first name used alone, not after an honorific ("Mr Howard" is a surname)
    or a title ("Pope Francis", "King Charles": the name a holder of the title goes by)."""
    before = book.article.text[max(0, mention.span.start - 6) : mention.span.start].split()
    honorific = bool(before) and strip_honorific(f"{before[-1]} x") == "x"
    titled = mention.role is not None
    return not honorific and not titled and clean_label(mention.span.text).lower() in load_first_names()


def resolve_person(book: ArticleActors, mention: Mention) -> str | None:
    """A person the gazetteer does not know by this exact name: the full name without
    title or middle initial, the same surname in this article, or the one gazetteer
    person with that surname active on the article's date in the article's states."""
    text = strip_honorific(clean_label(mention.span.text))
    name = parse_name(text)
    if (joined := tail_match(book, text)) is not None:
        return book.add(book.actors[joined], mention)
    if generation(text):
        return None  # "Donald Trump Jr." is not the gazetteer's Donald Trump
    if name.first and (name.middle or name.full != text):  # "John F. Kerry", "Dr Liam Fox"
        entry = book.gazetteer.lookup(None, f"{name.first} {name.last}")
        if entry is not None and not out_of_context(book, entry) and not other_middle(text, entry.names):
            return book.add(entry_actor(book, entry, mention), mention)
    for formal in load_nicknames().get(name.first.lower(), ()) if name.first else ():  # "Jim" for "James"
        entry = book.gazetteer.lookup(None, f"{formal.title()} {name.last}")
        if entry is not None and not out_of_context(book, entry):
            return book.add(entry_actor(book, entry, mention), mention)
    if name.first:  # another spelling of a gazetteer person ("el-Sissi")
        entry = similar_person(book.gazetteer, text, book.article.published, book.states)
        if entry is not None and not out_of_context(book, entry) and not other_middle(text, entry.names):
            return book.add(entry_actor(book, entry, mention), mention)
    joined = surname_match(book, text, mention.span.start, mention.role)
    if joined is not None:
        return book.add(book.actors[joined], mention)
    if not name.first:
        entry = person_by_surname(book.gazetteer, text, book.article.published, book.states)
        if entry is not None:
            return book.add(entry_actor(book, entry, mention), mention)
    return None


SPACED_INITIALS = re.compile(r"\b([A-Z])\. (?=[A-Z]\.)")


def name_key(book: ArticleActors, label: str, actor_type: ActorType, affiliation: str | None = None) -> str:
    """Identity of an actor known by its name only: one name is one actor whatever type
    an article's context suggests (types are reconciled in the store). A person is keyed
    by first and last name; a surname alone that nothing links stays in its article
    ("Rice" is Condoleezza in one article and Susan in another). A generic body ("the
    health ministry") is one per state it belongs to, and stays in its article when no
    state is named."""
    if actor_type not in PEOPLE:
        if not is_generic_body(label):
            return f"name:{normalise(label)}"
        return f"name:{normalise(label)}@{affiliation or 'article:' + article_digest(book)}"
    label = SPACED_INITIALS.sub(r"\1.", label)  # "H. R. McMaster" is "H.R. McMaster"
    name = parse_name(strip_honorific(label))
    if name.first:  # hyphens as spaces: "Kim Jong-un" is "Kim Jong Un"; "Jim Mattis" is "James Mattis"
        spaced = parse_name(strip_honorific(label).replace("-", " "))
        formal = load_nicknames().get(spaced.first.lower(), ())
        first = formal[0] if len(formal) == 1 else spaced.first
        son = " jr" if generation(label) == "jr" else ""  # Donald Trump Jr. is the son
        return f"name:person:{normalise(f'{first} {spaced.last}')}{son}"
    if name.title and name.title.lower() in REGNAL_TITLES:  # "Pope Francis", "King Charles"
        return f"name:person:{normalise(label)}"
    son = f" {generation(label)}" if generation(label) else ""  # "Trump Jr." is no Trump the corpus knows
    return f"name:person:{name.surname_key}{son}@{article_digest(book)}"


def article_digest(book: ArticleActors) -> str:
    return hashlib.sha256(book.article.article_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def without_surname_aliases(actors: dict[str, Actor]) -> None:
    """A person's surname alone is not kept as another of their names: the full name holds
    it, and "Blair" would otherwise name Tony Blair in one article and Cherie Blair in
    another (one alias, two nodes)."""
    for actor in list(actors.values()):
        if actor.actor_type in PEOPLE and parse_name(actor.label).first:
            kept = tuple(n for n in actor.alt_labels if not is_single_name(n))
            if kept != actor.alt_labels:
                actors[actor.key] = replace(actor, alt_labels=kept)
