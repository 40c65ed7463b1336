"""Users' identity corrections (``build --identity FILE``) applied to one resolved article.

Runs after ``resolve_article`` and before topic tagging; pure, records in and out.
In order:

1. ``not_actors``: an actor whose label is one is dropped with its statements (as
   speaker) and every reference to it (targets, on-behalf-of, affiliations); an alt
   label that is one is forgotten.
2. ``distinct``: an actor whose alt label names an actor kept apart from its label's
   (or from an earlier alt label's) is split: that name gets its own actor (keyed as
   resolution keys a name: ``name:person:<name>`` for people, else ``name:<name>``),
   and the statements whose source span reads that name are its statements. Targets
   keep the actor they had (they carry no span to tell). An alt label that ``types``
   types otherwise than the actor's fixed type (the file's for its label, else the
   gazetteer's) is split off the same way: one actor has one type.
3. ``same`` and ``aliases``: an actor whose label (else an alt label) is in a group
   becomes the group's canonical actor: the gazetteer's entry for the first group name
   it knows (key, label, type, Wikidata), else the group's first name, keyed
   ``same:<name>``. Old labels become alt labels.
4. ``types``: the type override of the actor's group or label (for a name-keyed
   actor without one, that of an alt label). Name-keyed actors (``name:`` and
   ``same:`` keys) get the type appended to their key (``same:labour party#PoliticalParty``),
   so a changed type makes a new node instead of meeting the type the store already
   holds for the old key; gazetteer keys keep their key (their type is the store's to
   reconcile).

Actors that end with one key are merged (alt labels joined), and statements are
re-pointed to the new keys. Actor IRIs are minted from keys, so one key is one node
in the store. May import records, knowledge; never spaCy or an RDF library.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from graph.knowledge.gazetteer import Gazetteer, GazetteerEntry
from graph.knowledge.identity import Identity, IdentityIndex, index_identity
from graph.knowledge.names import name_key, strip_honorific
from graph.knowledge.text import clean_label, normalise
from graph.records import PEOPLE, Actor, ActorType, Article, Extraction

RE_KEYED = ("name:", "same:")  # keys made from a name, which a type override extends


@dataclass(frozen=True)
class Canonical:
    """The actor a ``same`` group names."""

    key: str
    label: str
    entry: GazetteerEntry | None = None


@dataclass
class Placed:
    """One actor after the corrections: where it came from and what it became."""

    origin: str  # the key before the corrections ("" for an actor split off)
    actor: Actor
    names: tuple[str, ...]  # every label it was known by, in order


def canonical(index: IdentityIndex, group: int, gazetteer: Gazetteer) -> Canonical:
    names = index.groups[group]
    for name in names:
        entry = gazetteer.lookup(None, name) or gazetteer.lookup(None, strip_honorific(name))
        if entry is not None:
            return Canonical(entry.key, entry.label, entry)
    return Canonical(f"same:{name_key(names[0])}", clean_label(names[0]))


def without_not_actors(actor: Actor, index: IdentityIndex) -> Actor:
    alts = tuple(a for a in actor.alt_labels if not index.is_not_actor(a))
    return actor if alts == actor.alt_labels else replace(actor, alt_labels=alts)


def split_key(name: str, actor_type: ActorType) -> str:
    """The key of an actor split off by its name, as resolution keys a named actor."""
    return f"name:person:{name_key(name)}" if actor_type in PEOPLE else f"name:{name_key(name)}"


def fixed_type(actor: Actor, index: IdentityIndex) -> ActorType | None:
    """The type the actor must have: the file's for its label (or its label's group), else
    the gazetteer's (keys not made from a name); None when it may still change."""
    override = index.types.get(index.name_class(actor.label))
    if override is not None or actor.key.startswith((*RE_KEYED, "anon:")):
        return override
    return actor.actor_type


def split_distinct(actor: Actor, index: IdentityIndex) -> tuple[Actor, dict[str, Actor]]:
    """The actor without the alt labels that name another actor, and one new actor per
    class of names split off (by class). An alt label names another actor when
    ``distinct`` keeps it apart from the label (or an earlier alt label), or when the
    file types it otherwise than the actor's fixed type ("Downing Street", a
    GovernmentBody, is not the United Kingdom, a State: it becomes a body of that state)."""
    kept_classes, kept_alts = [index.name_class(actor.label)], []
    must_be = fixed_type(actor, index)
    split: dict[str, list[str]] = {}
    typed_apart: set[str] = set()
    for alt in actor.alt_labels:
        cls = index.name_class(alt)
        typed = index.types.get(cls)
        if typed is not None and must_be is not None and typed is not must_be:
            typed_apart.add(cls)
        if cls in split or cls in typed_apart or any(index.kept_apart(cls, other) for other in kept_classes):
            split.setdefault(cls, []).append(alt)
        else:
            kept_alts.append(alt)
            kept_classes.append(cls)
    if not split:
        return actor, {}
    parts = {
        cls: Actor(
            split_key(names[0], index.types.get(cls, actor.actor_type)),
            clean_label(names[0]),
            index.types.get(cls, actor.actor_type),
            alt_labels=tuple(names[1:]),
            affiliation=actor.key if cls in typed_apart and actor.actor_type is ActorType.STATE else None,
        )
        for cls, names in split.items()
    }
    return replace(actor, alt_labels=tuple(kept_alts)), parts


def group_of(actor: Actor, index: IdentityIndex) -> int | None:
    """The ``same`` group the actor's label is in, else the first its alt labels are in."""
    for name in (actor.label, *actor.alt_labels):
        group = index.group(name)
        if group is not None:
            return group
    return None


def correct(actor: Actor, index: IdentityIndex, gazetteer: Gazetteer, article: Article) -> Actor:
    """Steps 3 and 4 for one actor: its group's canonical actor, its type override."""
    group = group_of(actor, index)
    cls = index.name_class(actor.label)
    if group is not None:
        cls, canon = f"group:{group}", canonical(index, group, gazetteer)
        actor = replace(actor, key=canon.key, label=canon.label)
        entry = canon.entry
        if entry is not None:
            term = entry.term_on(article.published, actor.role)
            actor = replace(
                actor,
                actor_type=entry.actor_type,
                wikidata=entry.wikidata,
                role=actor.role or (term.role if term else entry.role),
                affiliation=actor.affiliation or (term.of if term else entry.affiliation),
            )
    override = index.types.get(cls)
    if override is None and actor.key.startswith(RE_KEYED):  # a name-keyed actor: else an alt label's type
        override = next((index.types[c] for c in map(index.name_class, actor.alt_labels) if c in index.types), None)
    if override is not None:
        actor = replace(actor, actor_type=override)
        if actor.key.startswith(RE_KEYED):
            actor = replace(actor, key=f"{actor.key}#{override.value}")
    return actor


def merge(placed: list[Placed]) -> Actor:
    """Actors that ended with one key as one: the one that had the key already (else
    the first) as base, every other name an alt label."""
    base = next((p for p in placed if p.origin == p.actor.key), placed[0]).actor
    alts: dict[str, None] = {}
    for item in placed:
        for name in (*item.names, *item.actor.alt_labels):
            if normalise(name) != normalise(base.label):
                alts.setdefault(name)
    others = [p.actor for p in placed]
    return replace(
        base,
        alt_labels=tuple(alts),
        wikidata=base.wikidata or next((a.wikidata for a in others if a.wikidata), None),
        role=base.role or next((a.role for a in others if a.role), None),
        affiliation=base.affiliation or next((a.affiliation for a in others if a.affiliation), None),
    )


def apply_identity(extraction: Extraction, identity: Identity, gazetteer: Gazetteer) -> Extraction:
    """The extraction with the identity file's corrections applied (see the module).

    :raises IdentityFileError: when the identity contradicts itself.
    """
    if identity.empty:
        return extraction
    index, article = index_identity(identity), extraction.article
    dropped = {a.key for a in extraction.actors if index.is_not_actor(a.label)}
    placed: list[Placed] = []
    split_keys: dict[tuple[str, str], int] = {}  # (old key, class of a name split off) -> place
    for original in extraction.actors:
        if original.key in dropped:
            continue
        actor, parts = split_distinct(without_not_actors(original, index), index)
        placed.append(Placed(original.key, actor, (actor.label,)))
        for cls, part in parts.items():
            split_keys[(original.key, cls)] = len(placed)
            placed.append(Placed("", part, (part.label,)))
    for item in placed:
        item.actor = correct(item.actor, index, gazetteer, article)
    by_key: dict[str, list[Placed]] = {}
    for item in placed:
        by_key.setdefault(item.actor.key, []).append(item)
    new_key = {item.origin: item.actor.key for item in placed if item.origin}
    actors = {key: merge(items) for key, items in by_key.items()}
    for key, actor in list(actors.items()):
        affiliation = new_key.get(actor.affiliation, actor.affiliation) if actor.affiliation else None
        if affiliation in dropped or affiliation == key:
            affiliation = None
        if affiliation and affiliation not in actors:
            entry = gazetteer.entries.get(affiliation)
            if entry is None or index.is_not_actor(entry.label):
                affiliation = None
            else:  # described, as resolution describes the bodies actors belong to
                added = correct(
                    Actor(entry.key, entry.label, entry.actor_type, wikidata=entry.wikidata), index, gazetteer, article
                )
                affiliation = added.key if added.key != key else None
                actors.setdefault(added.key, added)
        actors[key] = replace(actor, affiliation=affiliation)

    def moved(key: str | None) -> str | None:
        return None if key is None or key in dropped else new_key.get(key, key)

    statements = []
    for statement in extraction.statements:
        speaker = moved(statement.speaker)
        if speaker is None:
            continue
        if statement.source is not None:
            place = split_keys.get((statement.speaker, index.name_class(statement.source.text)))
            speaker = placed[place].actor.key if place is not None else speaker
        on_behalf_of = moved(statement.on_behalf_of)
        targets = tuple(
            dict.fromkeys(t for t in map(moved, statement.targets) if t and t not in (speaker, on_behalf_of))
        )
        statements.append(
            replace(
                statement,
                speaker=speaker,
                on_behalf_of=on_behalf_of if on_behalf_of != speaker else None,
                targets=targets,
            )
        )
    # statements that now say the same thing (coordinated speakers made one) are one
    return replace(extraction, actors=tuple(actors.values()), statements=tuple(dict.fromkeys(statements)))
