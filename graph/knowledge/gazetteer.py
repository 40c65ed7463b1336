"""The gazetteer: known actors with their names, types and Wikidata QIDs.

Reads ``data/gazetteer/*.jsonl`` plus users' own files (``--gazetteer FILE``).
One JSON object per line::

    {"key": "wd:Q30", "label": "United States", "type": "State", "wikidata": "Q30",
     "aliases": ["U.S.", "White House"], "demonyms": ["American"], "seats": ["Washington"]}
    {"key": "gz:official:yoav gallant", "label": "Yoav Gallant", "type": "Official",
     "aliases": ["Gallant"], "terms": [{"role": "Defense Minister", "of": "wd:Q801",
     "start": "2022-12-29", "end": "2024-11-05"}]}

``key`` decides identity (use ``wd:<QID>`` when there is one). Names, aliases,
demonyms ("Israeli" -> Israel) and seats of government ("the Kremlin") are matched
with their exact spelling by the entity ruler and case-insensitively here.
``affiliation`` (a key) is the state or organisation a body belongs to; ``terms``
give an office holder's roles with dates, resolved as of the article's date.

Files are read in order: users' files (``--gazetteer``) first, then the bundled files
in name order (``10-curated`` ... ``50-people``). When two entries share a name (a
label, alias, seat or demonym, compared normalised), the earlier file wins, and
within a file the earlier line. When two entries share a key, the earlier one is
the entry (a user's entry replaces a bundled one); the later one's names still lead
to that key.

Every line is checked, and a broken one raises ``GazetteerError`` naming
``file:line``: required fields and known types; ``wikidata`` is ``Q`` and digits;
``aliases``, ``demonyms`` and ``seats`` are lists of strings; every term has a
``role`` and ISO dates (``YYYY-MM-DD``, a real day) for ``start`` and ``end``.
Across files: a key is unique within one file and within the bundled files, and
every term's ``of`` is a key of the gazetteer. ``scripts/build_gazetteer.py``
runs the same checks before it writes the bundled files.
Standard library only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import cast

from graph.errors import GazetteerError
from graph.knowledge.text import normalise
from graph.paths import GAZETTEER_DIR
from graph.records import ActorType

REQUIRED = ("key", "label", "type")
OPTIONAL = ("wikidata", "aliases", "demonyms", "seats", "affiliation", "role", "terms", "note")


@dataclass(frozen=True)
class Term:
    role: str
    of: str | None
    start: str | None = None
    end: str | None = None

    def covers(self, day: str) -> bool:
        return (self.start or "0000") <= day[:10] and (self.end is None or day[:10] < self.end)


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    label: str
    actor_type: ActorType
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    role: str | None = None
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases, *self.seats)

    def term_on(self, day: str | None, role: str | None = None) -> Term | None:
        """The office held on ``day``; without a date, the latest (preferring ``role``)."""
        if day:
            held = [t for t in self.terms if t.covers(day)]
            if held:
                return held[-1]
        matching = [t for t in self.terms if role and normalise(t.role) == normalise(role)]
        return (matching or list(self.terms) or cast(list[Term | None], [None]))[-1]


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)  # normalised name -> as the gazetteer writes it
    claimants: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a name two entries claim -> their keys

    def lookup(
        self, key: str | None, surface: str, context: Container[str] = (), states: Container[str] = ()
    ) -> GazetteerEntry | None:
        """By the entity ruler's key if given, else by a normalised name. An acronym
        matches only as written ("MPs" is not the armed group "MPS"), and a name never
        matches a lower-case common noun ("union" is not the group "Union"). A name two
        entries claim goes to the one whose key is in ``context`` (the actors its article
        has named otherwise: "RSF" after "the Rapid Support Forces"), else to one of a
        state in ``states`` when the first's is not ("Congress" in a story on India), else
        to the first."""
        found = self.by_key_or_name(key, surface)
        if found is None or not (context or states):
            return found
        others = [self.entries[k] for k in self.claimants.get(normalise(surface), ()) if k != found.key]
        named = [e for e in others if e.key in context]
        local = [e for e in others if e.affiliation in states and found.affiliation not in states]
        return (named or local or [found])[0]

    def by_key_or_name(self, key: str | None, surface: str) -> GazetteerEntry | None:
        if key and key in self.entries:
            return self.entries[key]
        name = normalise(surface)
        found = self.by_name.get(name)
        if found is None and "-" in surface:  # "Kim Jong-un" for "Kim Jong Un"
            name = normalise(surface.replace("-", " "))
            found = self.by_name.get(name)
        if found is None or not spelled_alike(surface, self.spellings.get(name, surface)):
            return None
        return self.entries.get(found)

    def __len__(self) -> int:
        return len(self.entries)


def spelled_alike(surface: str, spelling: str) -> bool:
    """Does a surface form match a gazetteer spelling beyond case and punctuation?

    >>> spelled_alike("MPs", "MPS"), spelled_alike("U.N.", "UN"), spelled_alike("union", "Union")
    (False, True, False)
    >>> spelled_alike("kremlin", "Kremlin"), spelled_alike("ISRAEL", "Israel"), spelled_alike("donald trump", "Donald Trump")
    (False, True, True)
    """
    letters = "".join(c for c in spelling if c.isalnum())
    if letters.isupper() and len(letters) <= 6:  # an acronym
        return "".join(c for c in surface if c.isalnum()) == letters
    return not (surface.islower() and " " not in surface.strip() and not spelling.islower())


def parse_entry(record: object, where: str) -> GazetteerEntry:
    if not isinstance(record, dict):
        raise GazetteerError(f"{where}: expected a JSON object")
    missing = [k for k in REQUIRED if not isinstance(record.get(k), str) or not record.get(k)]
    unknown = sorted(set(record) - set(REQUIRED) - set(OPTIONAL))
    if missing or unknown:
        raise GazetteerError(
            f"{where}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}; "
            f"valid fields: {', '.join(REQUIRED + OPTIONAL)}"
        )
    try:
        actor_type = ActorType(record["type"])
    except ValueError:
        valid = ", ".join(t.value for t in ActorType)
        raise GazetteerError(f"{where}: unknown type {record['type']!r}; expected one of {valid}") from None
    wikidata = record.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and re.fullmatch(r"Q[0-9]+", wikidata)):
        raise GazetteerError(f"{where}: Wikidata id {wikidata!r} is not Q followed by digits (e.g. Q30)")
    for name in ("aliases", "demonyms", "seats"):
        value = record.get(name)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise GazetteerError(f"{where}: {name} must be a list of strings, not {value!r}")

    def day(term: dict, name: str) -> str | None:
        value = term.get(name)
        if value is not None:
            try:
                if not (isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)):
                    raise ValueError
                date.fromisoformat(value)
            except ValueError:
                raise GazetteerError(f"{where}: term {name} {value!r} is not a date YYYY-MM-DD") from None
        return value

    terms = []
    for term in record.get("terms") or ():
        if not isinstance(term, dict) or not isinstance(term.get("role"), str) or not term["role"]:
            raise GazetteerError(f"{where}: a term must be an object with a 'role', not {term!r}")
        if term.get("of") is not None and not isinstance(term["of"], str):
            raise GazetteerError(f"{where}: a term's 'of' must be a key, not {term['of']!r}")
        terms.append(Term(term["role"], term.get("of"), day(term, "start"), day(term, "end")))
    return GazetteerEntry(
        record["key"],
        record["label"],
        actor_type,
        record.get("wikidata"),
        tuple(record.get("aliases") or ()),
        record.get("affiliation"),
        record.get("role"),
        tuple(record.get("demonyms") or ()),
        tuple(record.get("seats") or ()),
        tuple(terms),
    )


def read_entries(path: Path) -> Iterable[GazetteerEntry]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise GazetteerError(f"{path}:{number}: invalid JSON: {exc}") from None
                entry = parse_entry(record, f"{path}:{number}")
                # Where the entry comes from, for build_gazetteer's messages: an attribute of the
                # instance only (not a field: equality, hashing and repr ignore it).
                object.__setattr__(entry, "_where", (path, number))
                yield entry


def build_gazetteer(entries: Iterable[GazetteerEntry]) -> Gazetteer:
    """Index entries by key and by every normalised name; the first entry with a key and the
    first with a name win. Raises GazetteerError (``file:line``) for a key twice in one file or
    in the bundled files, and for a term whose ``of`` is not a key."""

    def where(entry: GazetteerEntry) -> tuple[Path, int] | None:  # set by read_entries
        return getattr(entry, "_where", None)

    def bundled(path: Path) -> bool:
        return path.resolve().parent == GAZETTEER_DIR.resolve()

    by_key: dict[str, GazetteerEntry] = {}
    by_name: dict[str, str] = {}
    spellings: dict[str, str] = {}
    claimants: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        first = by_key.setdefault(entry.key, entry)
        if first is not entry:
            here, there = where(entry), where(first)
            if here and there and (here[0] == there[0] or (bundled(here[0]) and bundled(there[0]))):
                raise GazetteerError(
                    f"{here[0]}:{here[1]}: duplicate key {entry.key!r} (first at {there[0]}:{there[1]})"
                )
        for name in (*entry.names, *entry.demonyms):
            if by_name.setdefault(normalise(name), entry.key) == entry.key:
                spellings.setdefault(normalise(name), name)
            elif entry.key not in claimants.get(normalise(name), ()):
                claimants[normalise(name)] = (*claimants.get(normalise(name), (by_name[normalise(name)],)), entry.key)
            if "-" in name and by_name.setdefault(normalise(name.replace("-", " ")), entry.key) == entry.key:
                spellings.setdefault(normalise(name.replace("-", " ")), name.replace("-", " "))
    for entry in by_key.values():
        for term in entry.terms:
            if term.of is not None and term.of not in by_key:
                here = where(entry)
                place = f"{here[0]}:{here[1]}" if here else f"entry {entry.key!r}"
                raise GazetteerError(f"{place}: term 'of' {term.of!r} is not a key of the gazetteer")
    return Gazetteer(by_key, by_name, spellings, claimants)


def gazetteer_files(extra: tuple[Path, ...] = ()) -> tuple[Path, ...]:
    """Users' files first (their entries win), then the bundled ones."""
    bundled = tuple(sorted(GAZETTEER_DIR.glob("*.jsonl"))) if GAZETTEER_DIR.is_dir() else ()
    return (*extra, *bundled)


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[Path, ...] = ()) -> Gazetteer:
    for path in extra:
        if not path.is_file():
            raise GazetteerError(f"{path}: gazetteer file not found")
    return build_gazetteer(e for path in gazetteer_files(extra) for e in read_entries(path))
