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
Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
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

    def lookup(self, key: str | None, surface: str) -> GazetteerEntry | None:
        """By the entity ruler's key if given, else by a normalised name."""
        if key and key in self.entries:
            return self.entries[key]
        found = self.by_name.get(normalise(surface))
        return self.entries.get(found) if found else None

    def __len__(self) -> int:
        return len(self.entries)


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
    terms = tuple(Term(t["role"], t.get("of"), t.get("start"), t.get("end")) for t in record.get("terms") or ())
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
        terms,
    )


def read_entries(path: Path) -> Iterable[GazetteerEntry]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise GazetteerError(f"{path}:{number}: invalid JSON: {exc}") from None
                yield parse_entry(record, f"{path}:{number}")


def build_gazetteer(entries: Iterable[GazetteerEntry]) -> Gazetteer:
    """Index entries by key and by every normalised name; first name wins."""
    by_key: dict[str, GazetteerEntry] = {}
    by_name: dict[str, str] = {}
    for entry in entries:
        by_key.setdefault(entry.key, entry)
        for name in (*entry.names, *entry.demonyms):
            by_name.setdefault(normalise(name), entry.key)
    return Gazetteer(by_key, by_name)


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
