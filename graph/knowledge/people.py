"""People in the gazetteer by surname, for linking a surname used alone ("Mr Blair",
"Maliki") to the one gazetteer person it can be: active on the article's date, in one
of the article's states. Ambiguity means no link (an article-scoped node instead).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from graph.knowledge.gazetteer import Gazetteer, GazetteerEntry
from graph.knowledge.names import parse_name, surname_key
from graph.records import PEOPLE

_INDEXES: dict[int, dict[str, tuple[str, ...]]] = {}


def surname_index(gazetteer: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Surname key -> keys of the gazetteer's people with that surname (cached per gazetteer)."""
    index = _INDEXES.get(id(gazetteer))
    if index is None:
        found: dict[str, list[str]] = defaultdict(list)
        for entry in gazetteer.entries.values():
            if entry.actor_type in PEOPLE:
                for name in (entry.label, *entry.aliases):
                    parsed = parse_name(name)
                    keys = [parsed.surname_key] if parsed.first else []
                    if keys and family_name_first(entry):
                        keys.append(surname_key(parsed.first))  # "Xi" of "Xi Jinping"
                    for key in keys:
                        if entry.key not in found[key]:
                            found[key].append(entry.key)
        index = _INDEXES[id(gazetteer)] = {k: tuple(v) for k, v in found.items()}
    return index


# States whose people put the family name first ("Xi Jinping", "Kim Jong Un", "Orbán Viktor"
# is written "Viktor Orban" in English news, so Hungary is not here).
FAMILY_NAME_FIRST = {"wd:Q148", "wd:Q865", "wd:Q423", "wd:Q884", "wd:Q881", "wd:Q424", "wd:Q836"}


def family_name_first(entry: GazetteerEntry) -> bool:
    return any(term.of in FAMILY_NAME_FIRST for term in entry.terms) or entry.affiliation in FAMILY_NAME_FIRST


def active_in(entry: GazetteerEntry, day: str, states: Collection[str]) -> bool:
    """Held an office (or belonged) in one of ``states`` on ``day``."""
    places = {term.of for term in entry.terms if term.covers(day)}
    if not entry.terms and entry.affiliation:
        places = {entry.affiliation}
    return bool(places & set(states))


def served_in(entry: GazetteerEntry, day: str | None, states: Collection[str]) -> bool:
    """Active in one of ``states`` on ``day``; in one of them at any time when undated."""
    if day:
        return active_in(entry, day, states)
    return bool({term.of for term in entry.terms} & set(states))


def person_by_surname(
    gazetteer: Gazetteer, surname: str, day: str | None, states: Collection[str]
) -> GazetteerEntry | None:
    """The one gazetteer person with this surname active on ``day`` in ``states``, or None.

    :param surname: a surname as written ("Blair", "al-Maliki").
    :param day: the article's date (ISO); without one, no link is made.
    :param states: gazetteer keys of the states the article names.
    """
    keys = surname_index(gazetteer).get(surname_key(surname), ())
    if not keys or not day or not states:
        return None
    active = [gazetteer.entries[k] for k in keys if active_in(gazetteer.entries[k], day, states)]
    return active[0] if len(active) == 1 else None


SIMILAR = 88  # rapidfuzz ratio (0-100) two spellings of one name reach ("Sisi"/"Sissi", "Zawahiri"/"Zawahri")
_KEYS: dict[int, dict[str, list[str]]] = {}


def surnames_by_letter(gazetteer: Gazetteer) -> dict[str, list[str]]:
    """The surname keys of the index, grouped by first letter (cached per gazetteer)."""
    found = _KEYS.get(id(gazetteer))
    if found is None:
        found = defaultdict(list)
        for key in surname_index(gazetteer):
            found[key[:1]].append(key)
        _KEYS[id(gazetteer)] = found
    return found


def similar_person(gazetteer: Gazetteer, name: str, day: str | None, states: Collection[str]) -> GazetteerEntry | None:
    """The one gazetteer person whose name is another spelling of ``name`` ("Abdel Fattah
    el-Sissi" for el-Sisi): similar surname and first name (rapidfuzz), and, when the article
    gives a date and states, active then and there. Similarity never links two different
    spellings without that context: a common name ("John Smith") is someone else.

    >>> from graph.knowledge.gazetteer import GazetteerEntry, Term, build_gazetteer
    >>> from graph.records import ActorType
    >>> g = build_gazetteer([GazetteerEntry("e", "Egypt", ActorType.STATE),
    ...     GazetteerEntry("p", "Abdel Fattah el-Sisi", ActorType.OFFICIAL, terms=(Term("president", "e", "2014-06-08"),))])
    >>> similar_person(g, "Abdel Fattah el-Sissi", "2016-01-01", {"e"}).key
    'p'
    """
    from rapidfuzz import fuzz, process

    wanted = parse_name(name)
    if not wanted.first or not wanted.surname_key:
        return None
    keys = surnames_by_letter(gazetteer).get(wanted.surname_key[:1], [])
    close = process.extract(wanted.surname_key, keys, scorer=fuzz.ratio, score_cutoff=SIMILAR, limit=10)
    fits: dict[str, GazetteerEntry] = {}
    for key, _score, _index in close:
        for entry_key in surname_index(gazetteer)[key]:
            entry = gazetteer.entries[entry_key]
            first = parse_name(entry.label).first
            if first and fuzz.ratio(first.lower(), wanted.first.lower()) >= SIMILAR:
                fits[entry_key] = entry
    if not states:
        return None  # "Maria Gonzalez" in a story naming no state is not Cuba's Maria Esther Reus Gonzalez
    fits = {k: e for k, e in fits.items() if not e.terms or served_in(e, day, states)}
    return next(iter(fits.values())) if len(fits) == 1 else None
