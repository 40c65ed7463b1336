"""The field-case checker: build one input into a fresh store through the real product and
check its ``.spec.json`` (format: ../shared/field/README.md) against the store's RDF.

``check(path, spec)`` returns human-readable failures (empty: the case passes). Every key of
the README's spec format is checked; an unknown key is itself a failure, so a typo in a spec
never passes silently. Quick manual runs::

    python -m tests.fieldspec                      # every case in ../shared/field and tests/field
    python -m tests.fieldspec tests/field/case01-variant.txt --dump

Readings of what the README leaves open (each marked "Reading:" below as well):

- ``speaker``, ``on_behalf_of``, ``target``, ``no_target``, ``speaker_affiliation``, ``count``
  and ``forbid_speakers`` match an actor's *label* (``rdfs:label``, the canonical name), as the
  README says; the keys about actors (``actors``, ``forbid_names``, ``forbid_alias``,
  ``same_actor``, ``distinct_actors``) match "label or altLabel", as the README says for them.
  A failure message names the skos:altLabel that would have fitted, so the two are told apart.
- ``statements`` entries are met one-to-one: two entries are two statements. A statement that
  meets two entries (a glued quote, say) meets only one of them.
- Text comparisons (``content_has``, ``distinct_speakers``) are case-insensitive substrings.
- ``date_problem`` is an alternative: ``article_date``/``stated_on`` pass when they hold or when
  a build problem fits it; given alone, such a problem must exist.
- A build that writes no article, or fewer than it read, fails the case before any key is
  checked (an unbuilt input would pass every ``forbid_*`` key vacuously).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_FIELD = REPO.parent / "shared" / "field"
OWN_FIELD = REPO / "tests" / "field"
INPUT_SUFFIXES = (".txt", ".html", ".jsonl")
FLAGS = re.IGNORECASE | re.DOTALL
SG = "https://w3id.org/stancegraph/ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# The README says "ten actor classes"; DESIGN.md now has eleven (sg:PoliticalParty): all count.
ACTOR_CLASSES = (
    *("State", "Official", "Person", "GovernmentBody", "IGO", "NGO", "MilitantGroup"),
    *("MediaOrganization", "PoliticalParty", "Group", "AnonymousSource"),
)
# the sg: properties of a statement that the checks read
STATEMENT_PROPS = ("speaker", "onBehalfOf", "kind", "mode", "content", "quote", "target", "topic", "statedOn")
STATEMENT_KEYS = {"speaker", "kind", "mode", "content_has", "content", "quote", "target", "no_target", "topic"}
STATEMENT_KEYS |= {"on_behalf_of", "speaker_type", "speaker_affiliation"}
ACTOR_KEYS = {"name", "type", "affiliation", "role"}
COUNT_KEYS = {"speaker", "n"}
TOP_KEYS = {"note", "statements", "count", "max_statements", "forbid_speakers", "forbid_names", "forbid_alias"}
TOP_KEYS |= {"actors", "same_actor", "distinct_actors", "distinct_speakers", "article_date", "stated_on"}
TOP_KEYS |= {"date_problem", "roundtrip"}
ROUNDTRIP_PREDICATES = (
    SG + "content",
    SG + "quote",
    "http://www.w3.org/ns/oa#exact",
    "http://schema.org/articleBody",
)


class SpecError(ValueError):
    """The spec itself is malformed (bad REGEX, wrong shape)."""


def fits(regex: str, value: str) -> bool:
    """REGEX semantics of the README: case-insensitive, ``.`` matches newlines, the whole value."""
    try:
        return re.fullmatch(regex, value, FLAGS) is not None
    except re.error as exc:
        raise SpecError(f"bad REGEX {regex!r}: {exc}") from None


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def short(text: str, limit: int = 140) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 5] + "…" + text[-4:]


# --------------------------------------------------------------------------- the store's facts


@dataclass
class Facts:
    """What the checks read: everything through the interface terms, as plain strings."""

    statements: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    actor_types: dict[str, list[str]] = field(default_factory=dict)  # only the actor classes
    affiliations: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)
    article_dates: dict[str, list[str]] = field(default_factory=dict)
    build_read: int = 0
    build_written: int = 0
    build_statements: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (where, message, severity)

    # ---- names
    def label(self, iri: str) -> list[str]:
        """rdfs:label values; a resource without any has the empty name (so ``.*`` still finds it)."""
        return self.labels.get(iri) or [""]

    def names(self, iri: str) -> list[str]:
        """rdfs:label and skos:altLabel values."""
        return [*self.labels.get(iri, []), *self.alt_labels.get(iri, [])] or [""]

    @property
    def actors(self) -> list[str]:
        return sorted(self.actor_types)

    def actors_named(self, regex: str) -> list[str]:
        return [a for a in self.actors if any(fits(regex, n) for n in self.names(a))]

    # ---- descriptions for failure messages
    def ref(self, iri: str) -> str:
        """'Iran' (State) — the canonical label and the actor classes."""
        labels = self.labels.get(iri)
        name = " / ".join(repr(x) for x in labels) if labels else f"<{iri}> (no rdfs:label)"
        types = self.actor_types.get(iri)
        return f"{name} ({', '.join(types) if types else 'not typed with an actor class'})"

    def describe_actor(self, iri: str) -> str:
        alts = self.alt_labels.get(iri, [])
        affs = [" / ".join(repr(x) for x in self.label(o)) for o in self.affiliations.get(iri, [])]
        roles = self.roles.get(iri, [])
        return (
            f"{self.ref(iri)}; altLabels [{', '.join(map(repr, alts))}]; "
            f"affiliation [{', '.join(affs)}]; role [{', '.join(map(repr, roles))}]"
        )

    def sid(self, statement: str) -> str:
        return "st#" + local_name(statement)[:8]

    def describe_statement(self, s: str) -> str:
        props = self.statements[s]

        def refs(key: str) -> str:
            return ", ".join(self.ref(x) for x in props.get(key, [])) or "—"

        def texts(key: str) -> str:
            return ", ".join(short(x) for x in props.get(key, [])) or "—"

        def locals_(key: str) -> str:
            return ", ".join(local_name(x) for x in props.get(key, [])) or "—"

        return (
            f"{self.sid(s)}: speaker {refs('speaker')}; onBehalfOf {refs('onBehalfOf')}; "
            f"kind {locals_('kind')}; mode {locals_('mode')}; target {refs('target')}; "
            f"topic {locals_('topic')}; content {texts('content')}; quote {texts('quote')}; "
            f"statedOn {', '.join(props.get('statedOn', [])) or '—'}"
        )

    def brief(self, s: str) -> str:
        """st#… [speaker kind/mode content] on one short line."""
        props = self.statements[s]
        who = " + ".join(" / ".join(map(repr, self.labels.get(x, ["<no label>"]))) for x in props.get("speaker", []))
        how = "/".join(",".join(local_name(v) for v in props.get(k, [])) or "—" for k in ("kind", "mode"))
        said = ", ".join(short(x, 70) for x in props.get("content", [])) or "no content"
        return f"{self.sid(s)} [{who or 'no speaker'} {how} {said}]"

    def statements_summary(self) -> str:
        if not self.statements:
            return "the store holds no sg:Statement"
        lines = [f"the store holds {len(self.statements)} sg:Statement:"]
        lines += [f"    {self.describe_statement(s)}" for s in sorted(self.statements)]
        return "\n".join(lines)

    def actors_summary(self) -> str:
        if not self.actors:
            return "the store holds no actor"
        lines = [f"the store holds {len(self.actors)} actors:"]
        lines += [f"    {self.describe_actor(a)}" for a in self.actors]
        return "\n".join(lines)


def _rows(store: Any, sparql: str) -> Iterator[tuple[str, ...]]:
    from graph import api as graph

    frame = graph.query(store, sparql)
    for row in frame.itertuples(index=False, name=None):
        yield tuple("" if v is None else str(v) for v in row)


def read_facts(store: Any) -> Facts:
    """The facts of a store, read with ``graph.query`` through the interface terms only."""
    facts = Facts()
    for (s,) in _rows(store, "SELECT DISTINCT (STR(?s) AS ?st) WHERE { ?s a sg:Statement }"):
        facts.statements[s] = {}
    values = " ".join(f"sg:{p}" for p in STATEMENT_PROPS)
    for s, p, o in _rows(
        store,
        "SELECT DISTINCT (STR(?s) AS ?st) (STR(?p) AS ?pred) (STR(?o) AS ?val) "
        f"WHERE {{ ?s a sg:Statement . VALUES ?p {{ {values} }} ?s ?p ?o }}",
    ):
        facts.statements[s].setdefault(local_name(p), []).append(o)
    for x, p, label in _rows(
        store,
        "SELECT DISTINCT (STR(?x) AS ?node) (STR(?p) AS ?pred) (STR(?l) AS ?val) "
        "WHERE { VALUES ?p { rdfs:label skos:altLabel } ?x ?p ?l }",
    ):
        (facts.labels if p == RDFS_LABEL else facts.alt_labels).setdefault(x, []).append(label)
    classes = " ".join(f"sg:{c}" for c in ACTOR_CLASSES)
    for a, c in _rows(
        store,
        f"SELECT DISTINCT (STR(?a) AS ?node) (STR(?c) AS ?cls) WHERE {{ VALUES ?c {{ {classes} }} ?a a ?c }}",
    ):
        facts.actor_types.setdefault(a, []).append(local_name(c))
    for a, o in _rows(
        store,
        "SELECT DISTINCT (STR(?a) AS ?node) (STR(?o) AS ?org) "
        "WHERE { VALUES ?p { org:memberOf sg:affiliation } ?a ?p ?o }",
    ):
        if o not in facts.affiliations.setdefault(a, []):
            facts.affiliations[a].append(o)
    for a, r in _rows(store, "SELECT DISTINCT (STR(?a) AS ?node) (STR(?r) AS ?role) WHERE { ?a sg:role ?r }"):
        facts.roles.setdefault(a, []).append(r)
    for a, d in _rows(
        store,
        "SELECT DISTINCT (STR(?a) AS ?art) (STR(?d) AS ?date) WHERE { "
        "{ ?a a schema:NewsArticle } UNION { ?a schema:datePublished [] } OPTIONAL { ?a schema:datePublished ?d } }",
    ):
        dates = facts.article_dates.setdefault(a, [])
        if d:
            dates.append(d)
    for mapping in (facts.labels, facts.alt_labels, facts.actor_types, facts.roles, facts.article_dates):
        for key in mapping:
            mapping[key] = sorted(set(mapping[key]))
    for props in facts.statements.values():
        for key in props:
            props[key] = sorted(set(props[key]))
    return facts


# --------------------------------------------------------------------------- statement keys


def _props(facts: Facts, s: str, key: str) -> list[str]:
    return facts.statements[s].get(key, [])


def _label_fit(facts: Facts, iris: list[str], regex: str) -> bool:
    return any(fits(regex, n) for i in iris for n in facts.label(i))


def _alt_hint(facts: Facts, iris: list[str], regex: str) -> str:
    alts = [n for i in iris for n in facts.alt_labels.get(i, []) if fits(regex, n)]
    return f" (only its skos:altLabel {', '.join(map(repr, alts))} fits)" if alts else ""


def statement_misses(facts: Facts, s: str, entry: dict[str, Any]) -> list[str]:
    """Why statement ``s`` does not meet ``entry``: one phrase per key it fails (empty: it meets it)."""
    misses = []
    speakers, behalf = _props(facts, s, "speaker"), _props(facts, s, "onBehalfOf")
    targets = _props(facts, s, "target")
    for key, want in entry.items():
        if key == "speaker":
            who = speakers + behalf
            if not _label_fit(facts, who, want):
                held = ", ".join(facts.ref(x) for x in who) or "none"
                misses.append(f"speaker/onBehalfOf label ≠ {want!r} (has {held}){_alt_hint(facts, who, want)}")
        elif key == "on_behalf_of":
            if not _label_fit(facts, behalf, want):
                held = ", ".join(facts.ref(x) for x in behalf) or "none"
                misses.append(f"onBehalfOf label ≠ {want!r} (has {held}){_alt_hint(facts, behalf, want)}")
        elif key in ("kind", "mode", "topic"):
            values = [local_name(v) for v in _props(facts, s, key)]
            if not any(fits(want, v) for v in values):
                misses.append(f"{key} ≠ {want!r} (has {', '.join(values) or 'none'})")
        elif key == "content_has":
            texts = _props(facts, s, "content") + _props(facts, s, "quote")
            if not any(str(want).casefold() in t.casefold() for t in texts):
                misses.append(
                    f"no content/quote contains {want!r} (content {', '.join(map(short, _props(facts, s, 'content'))) or 'none'}; "
                    f"quote {', '.join(map(short, _props(facts, s, 'quote'))) or 'none'})"
                )
        elif key in ("content", "quote"):
            values = _props(facts, s, key)
            if not any(fits(want, v) for v in values):
                misses.append(f"{key} ≠ {want!r} (has {', '.join(map(short, values)) or 'none'})")
        elif key == "target":
            if not _label_fit(facts, targets, want):
                held = ", ".join(facts.ref(x) for x in targets) or "none"
                misses.append(f"target label ≠ {want!r} (has {held}){_alt_hint(facts, targets, want)}")
        elif key == "no_target":
            bad = [t for t in targets if any(fits(want, n) for n in facts.label(t))]
            if bad:
                misses.append(
                    f"has a target fitting {want!r}, which it must not: {', '.join(facts.ref(t) for t in bad)}"
                )
        elif key == "speaker_type":
            types = [t for x in speakers for t in facts.actor_types.get(x, [])]
            if not any(fits(want, t) for t in types):
                misses.append(f"speaker class ≠ {want!r} (has {', '.join(types) or 'no actor class'})")
        elif key == "speaker_affiliation":
            orgs = [o for x in speakers for o in facts.affiliations.get(x, [])]
            if not _label_fit(facts, orgs, want):
                held = ", ".join(facts.ref(o) for o in orgs) or "none"
                misses.append(f"speaker affiliation label ≠ {want!r} (has {held}){_alt_hint(facts, orgs, want)}")
        else:
            raise SpecError(f"unknown statements key {key!r}")
    return misses


def _match(candidates: list[list[str]]) -> dict[int, str]:
    """A maximum one-to-one matching of entries to statements (augmenting paths)."""
    owner: dict[str, int] = {}

    def assign(i: int, seen: set[str]) -> bool:
        for s in candidates[i]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or assign(owner[s], seen):
                owner[s] = i
                return True
        return False

    for i in range(len(candidates)):
        assign(i, set())
    return {i: s for s, i in owner.items()}


def check_statements(facts: Facts, entries: list[dict[str, Any]]) -> list[str]:
    # Reading: "each entry must be met by one statement" with the entries being the expected
    # statements, so entries are met one-to-one (a glued statement cannot stand for two).
    if not isinstance(entries, list):
        raise SpecError(f"statements: expected a list of objects, got {entries!r}")
    failures = []
    candidates = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise SpecError(f"statements[{i}] is not an object")
        unknown = set(entry) - STATEMENT_KEYS
        if unknown:
            raise SpecError(f"statements[{i}]: unknown keys {sorted(unknown)}")
        candidates.append([s for s in sorted(facts.statements) if not statement_misses(facts, s, entry)])
    matched = _match(candidates)
    for i, entry in enumerate(entries):
        want = json.dumps(entry, ensure_ascii=False)
        if not candidates[i]:
            if not facts.statements:
                failures.append(f"statements[{i}] {want}: no statement meets it: the store holds no sg:Statement")
                continue
            ranked = sorted(facts.statements, key=lambda s: (len(statement_misses(facts, s, entry)), s))
            lines = [f"statements[{i}] {want}: no statement meets all its keys; per statement, what it misses:"]
            if "speaker" in entry and not speaking(facts, entry["speaker"]):
                lines[0] += f" (no statement at all has a speaker/onBehalfOf fitting {entry['speaker']!r})"
            for s in ranked:
                lines.append(f"    {facts.brief(s)}: " + "; ".join(statement_misses(facts, s, entry)))
            failures.append("\n".join(lines))
        elif i not in matched:
            others = sorted({j for j in range(len(entries)) if j != i and set(candidates[j]) & set(candidates[i])})
            failures.append(
                f"statements[{i}] {want}: only {', '.join(facts.sid(s) for s in candidates[i])} meets it, and "
                f"that statement is needed for statements{others} too: each entry needs its own statement"
            )
    return failures


# --------------------------------------------------------------------------- other keys


def speaking(facts: Facts, regex: str) -> list[str]:
    """Statements with a speaker or onBehalfOf whose label fits."""
    return [
        s
        for s in sorted(facts.statements)
        if _label_fit(facts, _props(facts, s, "speaker") + _props(facts, s, "onBehalfOf"), regex)
    ]


def check_count(facts: Facts, spec: Any) -> list[str]:
    failures = []
    for c in spec if isinstance(spec, list) else [spec]:
        if not isinstance(c, dict) or set(c) != COUNT_KEYS or not isinstance(c["n"], int):
            raise SpecError(f"count: expected {{'speaker': REGEX, 'n': int}}, got {c!r}")
        found = speaking(facts, c["speaker"])
        if len(found) != c["n"]:
            failures.append(
                f"count: expected exactly {c['n']} statement(s) with a speaker/onBehalfOf label fitting "
                f"{c['speaker']!r}; the store has {len(found)}"
                + (
                    f": {', '.join(facts.brief(s) for s in found)}"
                    if found
                    else f" (statements: {', '.join(facts.brief(s) for s in sorted(facts.statements)) or 'none'})"
                )
            )
    return failures


def check_max_statements(facts: Facts, n: Any) -> list[str]:
    if not isinstance(n, int):
        raise SpecError(f"max_statements: expected an integer, got {n!r}")
    held, reported = len(facts.statements), facts.build_statements
    if held <= n and reported <= n:
        return []
    merged = " (identical duplicates merged into one IRI)" if reported > held else ""
    return [
        f"max_statements: expected at most {n}; the store holds {held} sg:Statement resource(s) and the build "
        f"reported {reported} statements{merged}: {', '.join(facts.brief(s) for s in sorted(facts.statements))}"
    ]


def _regexes(key: str, spec: Any) -> list[str]:
    if not isinstance(spec, list) or not all(isinstance(r, str) for r in spec):
        raise SpecError(f"{key}: expected a list of REGEXes, got {spec!r}")
    return spec


def check_forbid_speakers(facts: Facts, regexes: list[str]) -> list[str]:
    regexes = _regexes("forbid_speakers", regexes)
    failures = []
    for regex in regexes:
        for s in speaking(facts, regex):
            failures.append(
                f"forbid_speakers: {facts.brief(s)} has a speaker/onBehalfOf fitting {regex!r} "
                f"(speaker {', '.join(map(facts.ref, _props(facts, s, 'speaker'))) or 'none'}; "
                f"onBehalfOf {', '.join(map(facts.ref, _props(facts, s, 'onBehalfOf'))) or 'none'})"
            )
    return failures


def check_forbid_names(facts: Facts, regexes: list[str]) -> list[str]:
    regexes = _regexes("forbid_names", regexes)
    failures = []
    for regex in regexes:
        for a in facts.actors_named(regex):
            bad = [n for n in facts.names(a) if fits(regex, n)]
            failures.append(
                f"forbid_names: actor {facts.ref(a)} has the name(s) {', '.join(map(repr, bad))} fitting {regex!r}; "
                f"the actor: {facts.describe_actor(a)}"
            )
    return failures


def check_forbid_alias(facts: Facts, pairs: list[list[str]]) -> list[str]:
    # Reading: one name fitting both REGEXes would also count (stricter); the shipped pairs
    # cannot both fit one name anyway.
    failures = []
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2):
            raise SpecError(f"forbid_alias: expected pairs of REGEXes, got {pair!r}")
        first, second = pair
        for a in facts.actors:
            one = [n for n in facts.names(a) if fits(first, n)]
            two = [n for n in facts.names(a) if fits(second, n)]
            if one and two:
                failures.append(
                    f"forbid_alias: one actor carries {', '.join(map(repr, one))} (fits {first!r}) and "
                    f"{', '.join(map(repr, two))} (fits {second!r}): {facts.describe_actor(a)}"
                )
    return failures


def actor_misses(facts: Facts, a: str, entry: dict[str, Any]) -> list[str]:
    misses = []
    for key, want in entry.items():
        if key == "name":
            if not any(fits(want, n) for n in facts.names(a)):
                misses.append(f"no label/altLabel fits {want!r}")
        elif key == "type":
            if not any(fits(want, t) for t in facts.actor_types.get(a, [])):
                misses.append(f"class ≠ {want!r} (is {', '.join(facts.actor_types.get(a, []))})")
        elif key == "affiliation":
            orgs = facts.affiliations.get(a, [])
            if not _label_fit(facts, orgs, want):
                held = ", ".join(facts.ref(o) for o in orgs) or "none"
                misses.append(f"affiliation label ≠ {want!r} (has {held}){_alt_hint(facts, orgs, want)}")
        elif key == "role":
            roles = facts.roles.get(a, [])
            if not any(fits(want, r) for r in roles):
                misses.append(f"sg:role ≠ {want!r} (has {', '.join(map(repr, roles)) or 'none'})")
        else:
            raise SpecError(f"unknown actors key {key!r}")
    return misses


def check_actors(facts: Facts, entries: list[dict[str, Any]]) -> list[str]:
    if not isinstance(entries, list):
        raise SpecError(f"actors: expected a list of objects, got {entries!r}")
    failures = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise SpecError(f"actors[{i}] is not an object")
        unknown = set(entry) - ACTOR_KEYS
        if unknown:
            raise SpecError(f"actors[{i}]: unknown keys {sorted(unknown)}")
        if any(not actor_misses(facts, a, entry) for a in facts.actors):
            continue
        want = json.dumps(entry, ensure_ascii=False)
        named = facts.actors_named(entry["name"]) if "name" in entry else facts.actors
        if not named:
            failures.append(
                f"actors[{i}] {want}: no actor has a label or altLabel fitting {entry['name']!r} "
                f"(actors: {'; '.join(map(facts.ref, facts.actors)) or 'none'})"
            )
            continue
        lines = [f"actors[{i}] {want}: no actor meets all its keys; the actors it names miss:"]
        lines += [f"    {facts.ref(a)}: " + "; ".join(actor_misses(facts, a, entry)) for a in named]
        lines += [f"    (the actor: {facts.describe_actor(a)})" for a in named]
        failures.append("\n".join(lines))
    return failures


def _pairs(key: str, spec: Any) -> list[tuple[str, str]]:
    if not isinstance(spec, list) or not all(isinstance(p, list) and len(p) == 2 for p in spec):
        raise SpecError(f"{key}: expected a list of pairs, got {spec!r}")
    return [(p[0], p[1]) for p in spec]


def check_same_actor(facts: Facts, spec: Any) -> list[str]:
    failures = []
    for first, second in _pairs("same_actor", spec):
        one, two = facts.actors_named(first), facts.actors_named(second)
        if not (one == two and len(one) == 1):
            failures.append(
                f"same_actor: {first!r} and {second!r} must find exactly the same one actor; "
                f"{first!r} finds [{'; '.join(map(facts.ref, one)) or 'none'}], "
                f"{second!r} finds [{'; '.join(map(facts.ref, two)) or 'none'}]"
            )
    return failures


def check_distinct_actors(facts: Facts, spec: Any) -> list[str]:
    failures = []
    for first, second in _pairs("distinct_actors", spec):
        one, two = facts.actors_named(first), facts.actors_named(second)
        both = sorted(set(one) & set(two))
        if not one or not two or both:
            failures.append(
                f"distinct_actors: {first!r} and {second!r} must each find actors and no actor may be found by both; "
                f"{first!r} finds [{'; '.join(map(facts.ref, one)) or 'none'}], "
                f"{second!r} finds [{'; '.join(map(facts.ref, two)) or 'none'}]"
                + (f"; found by both: {'; '.join(facts.describe_actor(a) for a in both)}" if both else "")
            )
    return failures


def _containing(facts: Facts, text: str) -> list[str]:
    return [
        s
        for s in sorted(facts.statements)
        if any(text.casefold() in t.casefold() for t in _props(facts, s, "content") + _props(facts, s, "quote"))
    ]


def check_distinct_speakers(facts: Facts, spec: Any) -> list[str]:
    # Reading: "speaker" is sg:speaker (by IRI); the texts are case-insensitive substrings like content_has.
    failures = []
    for first, second in _pairs("distinct_speakers", spec):
        one, two = _containing(facts, first), _containing(facts, second)
        if not one or not two:
            missing = [repr(t) for t, found in ((first, one), (second, two)) if not found]
            failures.append(
                f"distinct_speakers: no statement's content or quote contains {' nor '.join(missing)} "
                f"(statements: {', '.join(facts.brief(s) for s in sorted(facts.statements)) or 'none'})"
            )
            continue
        speakers_one = {x for s in one for x in _props(facts, s, "speaker")}
        speakers_two = {x for s in two for x in _props(facts, s, "speaker")}
        both = sorted(speakers_one & speakers_two)
        if both:
            failures.append(
                f"distinct_speakers: the same speaker made the statement(s) containing {first!r} "
                f"({', '.join(map(facts.sid, one))}) and those containing {second!r} ({', '.join(map(facts.sid, two))}): "
                + "; ".join(facts.describe_actor(a) for a in both)
            )
    return failures


def _date(key: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise SpecError(f"{key}: expected YYYY-MM-DD, got {value!r}")
    return value


def check_dates(facts: Facts, spec: dict[str, Any]) -> list[str]:
    failures = []
    if "article_date" in spec:
        want = _date("article_date", spec["article_date"])
        dates = [d for ds in facts.article_dates.values() for d in ds]
        if not any(d.startswith(want) for d in dates):
            failures.append(
                f"article_date: expected an article with schema:datePublished starting {want}; "
                f"the store's articles have {', '.join(map(repr, dates)) if dates else 'no schema:datePublished'}"
            )
    if "stated_on" in spec:
        want = _date("stated_on", spec["stated_on"])
        if not facts.statements:
            failures.append(f"stated_on: expected statements with sg:statedOn {want}; the store holds no sg:Statement")
        for s in sorted(facts.statements):
            held = _props(facts, s, "statedOn")
            if not any(d.startswith(want) for d in held):
                failures.append(
                    f"stated_on: {facts.sid(s)} has sg:statedOn {', '.join(map(repr, held)) if held else 'none'}, "
                    f"expected one starting {want}"
                )
    if "date_problem" in spec:
        regex = spec["date_problem"]
        fitting = [(w, m) for w, m, _ in facts.problems if fits(regex, m)]
        if fitting:
            return []  # the accepted alternative for both dates
        if failures or ("article_date" not in spec and "stated_on" not in spec):
            shown = "; ".join(f"{sev} {w}: {m!r}" for w, m, sev in facts.problems) or "none"
            failures.append(
                f"date_problem: nor did the build report a problem whose message fits {regex!r} "
                f"(the accepted alternative); build problems: {shown}"
            )
    return failures


# --------------------------------------------------------------------------- roundtrip


def _literals_ox(data: bytes, fmt: str) -> set[tuple[str, str]]:
    import pyoxigraph as ox

    formats = {
        "turtle": ox.RdfFormat.TURTLE,
        "trig": ox.RdfFormat.TRIG,
        "nquads": ox.RdfFormat.N_QUADS,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    found = set()
    for quad in ox.parse(data, formats[fmt]):
        if quad.predicate.value in ROUNDTRIP_PREDICATES and isinstance(quad.object, ox.Literal):
            found.add((local_name(quad.predicate.value), quad.object.value))
    return found


def _literals_rdflib(data: bytes, fmt: str) -> set[tuple[str, str]]:
    from rdflib import Dataset, Literal

    names = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
    dataset = Dataset()
    dataset.parse(data=data.decode("utf-8"), format=names[fmt])
    return {
        (local_name(str(p)), str(o))
        for _, p, o, _ in dataset.quads((None, None, None, None))
        if str(p) in ROUNDTRIP_PREDICATES and isinstance(o, Literal)
    }


def _diff(name: str, got: set[tuple[str, str]], reference: set[tuple[str, str]]) -> list[str]:
    if got == reference:
        return []
    missing = sorted(reference - got)[:5]
    extra = sorted(got - reference)[:5]
    return [
        f"roundtrip: {name} differs from the N-Quads export in sg:content/sg:quote/oa:exact/schema:articleBody literals: "
        f"{len(reference - got)} missing (e.g. {', '.join(f'{p} {short(v, 80)}' for p, v in missing) or '—'}), "
        f"{len(got - reference)} extra (e.g. {', '.join(f'{p} {short(v, 80)}' for p, v in extra) or '—'})"
    ]


def check_roundtrip(store: Any, path: Path) -> list[str]:
    """Every export format, and ``extract FILE --format turtle``, parses in pyoxigraph and rdflib
    and holds the N-Quads export's content/quote/exact/articleBody literals byte for byte."""
    from graph import api as graph
    from graph.errors import IngestError

    failures: list[str] = []
    reference = _literals_ox(graph.export(store, "nquads"), "nquads")
    outputs: list[tuple[str, str, bytes]] = [
        (f"export --format {f}", f, graph.export(store, f)) for f in ("turtle", "trig", "nquads", "jsonld")
    ]
    try:
        extraction = graph.extract_file(path)
    except IngestError as exc:
        # Reading: `extract` takes exactly one article; a multi-article JSONL file has no
        # extract output to compare, so that part does not apply (not a failure).
        if path.suffix != ".jsonl":
            failures.append(f"roundtrip: extract {path.name} failed: {exc}")
    else:
        outputs.append(("extract --format turtle", "turtle", graph.format_extraction(extraction, "turtle").encode()))
    for name, fmt, data in outputs:
        for parser, read in (("pyoxigraph", _literals_ox), ("rdflib", _literals_rdflib)):
            try:
                got = read(data, fmt)
            except Exception as exc:  # any parse error is the failure being looked for
                failures.append(f"roundtrip: {name} does not parse in {parser}: {type(exc).__name__}: {exc}")
                continue
            failures += _diff(f"{name} (parsed by {parser})", got, reference)
    return failures


# --------------------------------------------------------------------------- the case


CHECKS: dict[str, Callable[[Facts, Any], list[str]]] = {
    "statements": check_statements,
    "count": check_count,
    "max_statements": check_max_statements,
    "forbid_speakers": check_forbid_speakers,
    "forbid_names": check_forbid_names,
    "forbid_alias": check_forbid_alias,
    "actors": check_actors,
    "same_actor": check_same_actor,
    "distinct_actors": check_distinct_actors,
    "distinct_speakers": check_distinct_speakers,
}


def check_facts(facts: Facts, spec: dict[str, Any]) -> list[str]:
    """Every key of ``spec`` against ``facts`` (no roundtrip: that needs the store)."""
    failures = []
    unknown = sorted(set(spec) - TOP_KEYS)
    if unknown:
        failures.append(f"spec: unknown keys {unknown} (known: {sorted(TOP_KEYS)})")
    for key, check in CHECKS.items():
        if key in spec:
            try:
                failures += check(facts, spec[key])
            except SpecError as exc:
                failures.append(f"spec: {exc}")
    if {"article_date", "stated_on", "date_problem"} & set(spec):
        try:
            failures += check_dates(facts, spec)
        except SpecError as exc:
            failures.append(f"spec: {exc}")
    return failures


def build_facts(path: Path, store_dir: Path) -> tuple[Facts, Any]:
    """Build ``path`` into the fresh store ``store_dir`` through the product; its facts and the store."""
    from graph import api as graph

    report = graph.build([Path(path)], store=store_dir)
    store = graph.open_store(store_dir)
    facts = read_facts(store)
    facts.build_read, facts.build_written = report.read, report.written
    facts.build_statements = report.statements
    facts.problems = [(p.where, p.message, p.severity) for p in report.problems]
    return facts, store


def run_case(path: Path, spec: dict[str, Any]) -> tuple[list[str], Facts]:
    """Build, check every key of ``spec``; the failures and the facts they were read from."""
    with tempfile.TemporaryDirectory(prefix="fieldspec-") as tmp:
        facts, store = build_facts(Path(path), Path(tmp) / "store")
        try:
            failures = []
            if facts.build_read == 0 or facts.build_written < facts.build_read:
                shown = "; ".join(f"{sev} {w}: {m}" for w, m, sev in facts.problems) or "none"
                failures.append(
                    f"build: read {facts.build_read} article(s), wrote {facts.build_written}; problems: {shown}"
                )
            failures += check_facts(facts, spec)
            if spec.get("roundtrip"):
                failures += check_roundtrip(store, Path(path))
        finally:
            del store
    return failures, facts


def check(path: str | Path, spec: dict[str, Any]) -> list[str]:
    """The failures of one case (empty: it passes)."""
    return run_case(Path(path), spec)[0]


# --------------------------------------------------------------------------- finding cases


def case_name(path: Path) -> str:
    name = path.name
    for suffix in (".spec.json", *INPUT_SUFFIXES):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def spec_path(path: Path) -> Path:
    return path.with_name(case_name(path) + ".spec.json")


def input_path(path: Path) -> Path:
    """The input of a case given its input or its spec file."""
    if path.suffix in INPUT_SUFFIXES:
        return path
    found = [path.with_name(case_name(path) + s) for s in INPUT_SUFFIXES]
    found = [p for p in found if p.exists()]
    if len(found) != 1:
        raise FileNotFoundError(f"{path}: expected exactly one input ({', '.join(INPUT_SUFFIXES)}) beside it")
    return found[0]


def case_inputs(folder: Path) -> list[Path]:
    """Every case input in ``folder`` (an input with a ``.spec.json`` beside it), by name."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix in INPUT_SUFFIXES and spec_path(p).exists()), key=lambda p: p.name
    )


def load_spec(path: Path) -> dict[str, Any]:
    return json.loads(spec_path(path).read_text(encoding="utf-8"))


def _expand(args: Iterable[str]) -> list[Path]:
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        paths += case_inputs(p) if p.is_dir() else [input_path(p)]
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fieldspec", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="case inputs, specs or folders (default: shared cases + tests/field)")
    parser.add_argument("--dump", action="store_true", help="also print each store's statements and actors")
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.WARNING)
    paths = _expand(args.files) if args.files else case_inputs(SHARED_FIELD) + case_inputs(OWN_FIELD)
    if not paths:
        print(f"no cases found (looked in {SHARED_FIELD} and {OWN_FIELD})", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        failures, facts = run_case(path, load_spec(path))
        failed += bool(failures)
        print(f"{'FAIL' if failures else 'PASS'} {case_name(path)}  ({path})")
        for failure in failures:
            print("  - " + failure.replace("\n", "\n    "))
        if args.dump:
            print("    " + facts.statements_summary().replace("\n", "\n    "))
            print("    " + facts.actors_summary().replace("\n", "\n    "))
    print(f"\n{len(paths) - failed} passed, {failed} failed of {len(paths)} cases")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
