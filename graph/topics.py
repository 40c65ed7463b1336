"""Topics of statements from the SKOS scheme in ``ontology/topics.ttl``.

The scheme is read once with rdflib into plain records; tagging is pure string
work: a statement is about a topic when its content (else its evidence) holds
the topic's preferred or alternative label as whole words. When a narrower topic
matches, its broader topics are implied (queries follow ``skos:broader``) and
not stored again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from graph.errors import ConfigError
from graph.paths import ONTOLOGY_DIR
from graph.records import Extraction, Statement

TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"
TOPIC_PREFIX = "https://w3id.org/stancegraph/topic/"


@dataclass(frozen=True)
class Topic:
    key: str  # the local name under topic:, e.g. "ceasefire"
    label: str
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicScheme:
    topics: dict[str, Topic]
    by_label: dict[str, str]
    pattern: re.Pattern[str] | None

    def ancestors(self, key: str) -> set[str]:
        found, todo = set(), list(self.topics[key].broader)
        while todo:
            current = todo.pop()
            if current not in found and current in self.topics:
                found.add(current)
                todo += self.topics[current].broader
        return found


def label_key(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def read_scheme(path: Path) -> list[Topic]:
    import rdflib
    from rdflib.namespace import RDF, SKOS

    try:
        kg = rdflib.Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ConfigError(f"{path}: not a readable Turtle topic scheme: {exc}") from None
    topics = []
    for concept in kg.subjects(RDF.type, SKOS.Concept):
        iri = str(concept)
        if not iri.startswith(TOPIC_PREFIX):
            raise ConfigError(f"{path}: topic {iri} is not under {TOPIC_PREFIX}")
        label = kg.value(concept, SKOS.prefLabel)
        if label is None:
            raise ConfigError(f"{path}: topic {iri} has no skos:prefLabel")
        alts = tuple(sorted(str(a) for a in kg.objects(concept, SKOS.altLabel)))
        broader = tuple(sorted(str(b)[len(TOPIC_PREFIX):] for b in kg.objects(concept, SKOS.broader)))
        topics.append(Topic(iri[len(TOPIC_PREFIX):], str(label), alts, broader))
    return topics


@lru_cache(maxsize=4)
def load_topics(extra: tuple[Path, ...] = ()) -> TopicScheme:
    """The bundled scheme plus any extra Turtle files (same namespace)."""
    topics: dict[str, Topic] = {}
    for path in (TOPICS_FILE, *extra):
        for topic in read_scheme(Path(path)):
            topics[topic.key] = topic
    by_label = {label_key(name): t.key for t in topics.values() for name in (t.label, *t.alt_labels)}
    words = sorted(by_label, key=len, reverse=True)
    alternatives = "|".join(r"[\s-]+".join(map(re.escape, w.split())) for w in words)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if words else None
    return TopicScheme(topics, by_label, pattern)


def topics_in(text: str, scheme: TopicScheme) -> tuple[str, ...]:
    """The most specific topics named in ``text``, in order of first mention."""
    if scheme.pattern is None:
        return ()
    found = list(dict.fromkeys(scheme.by_label[label_key(m.group(0))] for m in scheme.pattern.finditer(text)))
    implied = set().union(*(scheme.ancestors(k) for k in found)) if found else set()
    return tuple(k for k in found if k not in implied)


def statement_topics(statement: Statement, scheme: TopicScheme) -> tuple[str, ...]:
    """Topics named in what was said; the evidence sentence only when there is no content
    (it may hold other speakers' words)."""
    span = statement.content if statement.content is not None else statement.evidence
    return topics_in(span.text, scheme)


def tag_topics(extraction: Extraction, scheme: TopicScheme) -> Extraction:
    """The extraction with each statement's topics filled in."""
    statements = tuple(replace(s, topics=statement_topics(s, scheme)) for s in extraction.statements)
    return replace(extraction, statements=statements)
