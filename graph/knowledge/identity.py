"""Identity files: users' corrections of actor identity, applied at build time.

``stancegraph build --identity FILE`` (``Settings.identity``). One JSON object per
file, every key optional::

    {"same": [["Tony Blair", "Mr Blair", "Blair"], ["Labour Party", "Labour"]],
     "distinct": [["Charles Clarke", "Ken Clarke"]],
     "types": {"MPs": "Group", "Downing Street": "GovernmentBody"},
     "aliases": {"Labour Party": ["the Labour"]},
     "not_actors": ["Linux", "Islamophobia"]}

``same`` groups names of one actor (its canonical name first); ``distinct`` groups
names that must stay apart; ``types`` overrides actor types (``ActorType`` values);
``aliases`` adds names that resolve to an actor (``{"A": ["B"]}`` is ``same``
``["A", "B"]``); ``not_actors`` are never actors. ``about`` and ``corpus`` are
documentation (the evaluation's identity specs carry them) and are ignored, so the
file a corpus is checked with can correct its graph. Names compare with
``name_key``: ``normalise`` after a leading honorific (Mr, Mrs, Ms, Dr, Sir, Lord,
Lady: the ``Honorific`` rows of ``data/lexicon/offices.tsv``, and Lord) is stripped.

Several files combine in order (a name typed twice takes the last type); groups
that share a name are one group. This module reads and checks them;
``graph.resolve.identity`` applies them. Standard library only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import IdentityFileError
from graph.knowledge.names import name_key
from graph.records import ActorType

SECTIONS = ("same", "distinct", "types", "aliases", "not_actors")
DOCUMENTATION = ("about", "corpus")  # read and ignored
VALID_KEYS = tuple(sorted(SECTIONS + DOCUMENTATION))


@dataclass(frozen=True)
class Identity:
    """The combined content of one or more identity files, as written."""

    same: tuple[tuple[str, ...], ...] = ()
    distinct: tuple[tuple[str, ...], ...] = ()
    types: tuple[tuple[str, ActorType], ...] = ()
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()
    not_actors: tuple[str, ...] = ()
    files: tuple[Path, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.same or self.distinct or self.types or self.aliases or self.not_actors)


@dataclass(frozen=True)
class IdentityIndex:
    """An ``Identity`` by name key. A name's *class* is its group (``group:<n>``) when a
    ``same`` or ``aliases`` group holds it, else the name itself (``name:<key>``)."""

    groups: tuple[tuple[str, ...], ...]  # each group's names as first written, canonical first
    group_of: dict[str, int]  # name key -> group number
    apart: frozenset[frozenset[str]]  # pairs of classes that ``distinct`` keeps apart
    types: dict[str, ActorType]  # class -> type
    not_actors: frozenset[str]  # name keys

    def name_class(self, name: str) -> str:
        key = name_key(name)
        group = self.group_of.get(key)
        return f"group:{group}" if group is not None else f"name:{key}"

    def group(self, name: str) -> int | None:
        return self.group_of.get(name_key(name))

    def kept_apart(self, one: str, other: str) -> bool:
        """Whether two classes are kept apart by a ``distinct`` group."""
        return frozenset((one, other)) in self.apart

    def is_not_actor(self, name: str) -> bool:
        return name_key(name) in self.not_actors


# --- reading ----------------------------------------------------------------------------


def shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def parse_name(value: object, where: str) -> str:
    if not isinstance(value, str) or not name_key(value):
        raise IdentityFileError(f"{where}: expected a name (a non-empty string), got {shown(value)}")
    return value


def parse_names(value: object, where: str, minimum: int) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) < minimum:
        names = ("a list of names", "a non-empty list of names", "at least two names")[min(minimum, 2)]
        raise IdentityFileError(f"{where}: expected {names} (a JSON list of strings), got {shown(value)}")
    return tuple(parse_name(item, f"{where}[{number}]") for number, item in enumerate(value))


def parse_groups(value: object, where: str, minimum: int) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise IdentityFileError(
            f'{where}: expected a list of groups of names, e.g. [["Tony Blair", "Blair"]], got {shown(value)}'
        )
    return tuple(parse_names(group, f"{where}[{number}]", minimum) for number, group in enumerate(value))


def parse_object(value: object, where: str, example: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise IdentityFileError(f"{where}: expected an object of names, e.g. {example}, got {shown(value)}")
    for name in value:
        parse_name(name, f"{where}: key")
    return value


def parse_types(value: object, where: str) -> tuple[tuple[str, ActorType], ...]:
    types = []
    for name, type_name in parse_object(value, where, '{"MPs": "Group"}').items():
        try:
            types.append((name, ActorType(type_name if isinstance(type_name, str) else "")))
        except ValueError:
            valid = ", ".join(t.value for t in ActorType)
            raise IdentityFileError(
                f"{where}[{shown(name)}]: unknown type {shown(type_name)}; expected one of {valid}"
            ) from None
    return tuple(types)


def parse_aliases(value: object, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (name, parse_names(aliases, f"{where}[{shown(name)}]", 1))
        for name, aliases in parse_object(value, where, '{"Labour Party": ["Labour"]}').items()
    )


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IdentityFileError(f"{path}: identity file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IdentityFileError(f"{path}: cannot read identity file: {exc}") from None


def read_identity(path: Path) -> Identity:
    """One identity file.

    :raises IdentityFileError: naming the file, the key and what was expected.
    """
    return parse_identity(path, read_text(path))


def parse_identity(path: Path, text: str) -> Identity:
    """The identity file ``path`` whose content is ``text``."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise IdentityFileError(f"{path}: invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise IdentityFileError(
            f"{path}: expected one JSON object with some of the keys {', '.join(VALID_KEYS)}, got {shown(data)}"
        )
    unknown = sorted(set(data) - set(VALID_KEYS))
    if unknown:
        raise IdentityFileError(f"{path}: unknown keys {', '.join(unknown)}; valid keys: {', '.join(VALID_KEYS)}")
    return Identity(
        same=parse_groups(data.get("same", []), f"{path}: same", 1),  # one name: as the evaluation allows
        distinct=parse_groups(data.get("distinct", []), f"{path}: distinct", 2),
        types=parse_types(data.get("types", {}), f"{path}: types"),
        aliases=parse_aliases(data.get("aliases", {}), f"{path}: aliases"),
        not_actors=parse_names(data.get("not_actors", []), f"{path}: not_actors", 0),
        files=(path,),
    )


def combine(identities: Iterable[Identity]) -> Identity:
    """Several files as one, in order; a name typed twice takes the last type."""
    parts = list(identities)
    types: dict[str, tuple[str, ActorType]] = {}
    for part in parts:
        for name, actor_type in part.types:
            types[name_key(name)] = (name, actor_type)
    return Identity(
        same=tuple(g for p in parts for g in p.same),
        distinct=tuple(g for p in parts for g in p.distinct),
        types=tuple(types.values()),
        aliases=tuple(a for p in parts for a in p.aliases),
        not_actors=tuple(n for p in parts for n in p.not_actors),
        files=tuple(f for p in parts for f in p.files),
    )


# --- indexing and checking --------------------------------------------------------------


def merged_groups(identity: Identity) -> list[list[str]]:
    """``same`` and ``aliases`` groups, those sharing a name key joined (first group's
    first name canonical); each name once, as first written."""
    groups: list[list[str]] = []
    owner: dict[str, int] = {}
    for names in (*identity.same, *((name, *aliases) for name, aliases in identity.aliases)):
        joined = sorted({owner[k] for k in map(name_key, names) if k in owner})
        target = joined[0] if joined else len(groups)
        if not joined:
            groups.append([])
        for other in joined[1:]:  # later groups fold into the earliest one
            groups[target] += groups[other]
            groups[other] = []
        groups[target] += names
        owner.update((name_key(name), target) for name in groups[target])
    kept = []
    for group in groups:
        seen: dict[str, str] = {}
        for name in group:
            seen.setdefault(name_key(name), name)
        if seen:
            kept.append(list(seen.values()))
    return kept


def where(identity: Identity) -> str:
    return ", ".join(map(str, identity.files)) or "identity"


@lru_cache(maxsize=8)
def index_identity(identity: Identity) -> IdentityIndex:
    """The identity by name key, checked for contradictions.

    :raises IdentityFileError: when a not-actor is in a ``same`` group, a ``distinct``
        group names one actor twice, or one actor is given two types.
    """
    groups = merged_groups(identity)
    group_of = {name_key(name): number for number, group in enumerate(groups) for name in group}
    index = IdentityIndex(tuple(map(tuple, groups)), group_of, frozenset(), {}, frozenset())
    for name in identity.not_actors:
        if index.group(name) is not None:
            group = groups[group_of[name_key(name)]]
            raise IdentityFileError(
                f"{where(identity)}: not_actors: {shown(name)} is also a name of the actor "
                f"{shown(group)} (same or aliases); remove one of the two"
            )
    apart: set[frozenset[str]] = set()
    for names in identity.distinct:
        classes = {index.name_class(n): n for n in names}
        if len(classes) < len(names):
            raise IdentityFileError(
                f"{where(identity)}: distinct: {shown(list(names))} names one actor more than once "
                "(the same name, or names of one same or aliases group); expected names of different actors"
            )
        apart |= {frozenset((a, b)) for a in classes for b in classes if a != b}
    types: dict[str, tuple[str, ActorType]] = {}
    for name, actor_type in identity.types:
        cls = index.name_class(name)
        if cls in types and types[cls][1] is not actor_type:
            raise IdentityFileError(
                f"{where(identity)}: types: {shown(types[cls][0])} is {types[cls][1].value} but "
                f"{shown(name)}, a name of the same actor, is {actor_type.value}; expected one type per actor"
            )
        types[cls] = (name, actor_type)
    return IdentityIndex(
        index.groups,
        group_of,
        frozenset(apart),
        {cls: t for cls, (_, t) in types.items()},
        frozenset(name_key(n) for n in identity.not_actors),
    )


def load_identity(paths: tuple[Path, ...] = ()) -> Identity:
    """The identity files of a build, read, combined and checked (parsed once per
    process for the same content: a file edited between two builds is read anew).

    :raises IdentityFileError: when a file is missing, malformed or contradicts itself.
    """
    return checked_identity(tuple((Path(p), read_text(Path(p))) for p in paths))


@lru_cache(maxsize=4)
def checked_identity(files: tuple[tuple[Path, str], ...]) -> Identity:
    identity = combine(parse_identity(path, text) for path, text in files)
    index_identity(identity)
    return identity


def identity_paths(value: object) -> tuple[Path, ...]:
    """``Settings.identity`` as a tuple of paths (one path given alone is accepted)."""
    if not value:
        return ()
    if isinstance(value, (str, Path)):
        return (Path(value),)
    if isinstance(value, Iterable):
        return tuple(Path(p) for p in value)
    raise IdentityFileError(f"identity: expected file paths, got {shown(str(value))}")
