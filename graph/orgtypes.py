"""Typing organisations the gazetteer does not know, by a word in their name.

Reads ``data/lexicon/org_types.tsv``. Standard library only.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph.errors import ConfigError
from graph.paths import DATA_DIR
from graph.records import ActorType

ORG_TYPES = DATA_DIR / "lexicon" / "org_types.tsv"


@lru_cache(maxsize=2)
def load_org_types(path: Path = ORG_TYPES) -> tuple[tuple[str, ActorType], ...]:
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, type_name = line.partition("\t")
        try:
            rules.append((word.strip().lower(), ActorType(type_name.strip())))
        except ValueError:
            raise ConfigError(f"{path}:{number}: unknown actor type {type_name.strip()!r}") from None
    return tuple(rules)


def org_type(name: str) -> ActorType:
    """GovernmentBody for "Gaza Health Ministry", MediaOrganization for "Fox News", ...;
    a generic Group when no word says."""
    words = set(name.lower().replace("-", " ").split())
    for word, actor_type in load_org_types():
        if word in words:
            return actor_type
    return ActorType.GROUP


FORCES = DATA_DIR / "lexicon" / "forces.txt"


@lru_cache(maxsize=2)
def load_forces(path: Path = FORCES) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def is_force(label: str) -> bool:
    """Is this a state's armed or security forces ("Israeli jets", "Russian troops")?"""
    words = label.lower().split()
    return bool(words) and words[-1] in load_forces()
