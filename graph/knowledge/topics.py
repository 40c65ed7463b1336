"""The topic scheme: SKOS concepts from ``ontology/topics.ttl`` (and users' own
schemes) as plain records, with one regular expression over every label.

Tagging statements with these topics is ``graph.resolve.topics``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import RDFFileError
from graph.knowledge.ontology import RDF_TYPE, objects_by_subject, read_turtle
from graph.paths import ONTOLOGY_DIR

TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"
TOPIC_PREFIX = "https://w3id.org/stancegraph/topic/"
SKOS = "http://www.w3.org/2004/02/skos/core#"


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
    """The SKOS concepts of a Turtle topic scheme, sorted by key.

    :raises RDFFileError: when the file is unreadable, or a concept is outside the topic
        namespace or has no ``skos:prefLabel``.
    """
    triples = read_turtle(path)
    concepts = sorted({s for s, p, o in triples if p == RDF_TYPE and o == SKOS + "Concept"})
    pref, alt = objects_by_subject(triples, SKOS + "prefLabel"), objects_by_subject(triples, SKOS + "altLabel")
    broader = objects_by_subject(triples, SKOS + "broader")
    topics = []
    for iri in concepts:
        if not iri.startswith(TOPIC_PREFIX):
            raise RDFFileError(f"{path}: topic {iri} is not under {TOPIC_PREFIX}")
        if not pref.get(iri):
            raise RDFFileError(f"{path}: topic {iri} has no skos:prefLabel")
        topics.append(
            Topic(
                iri[len(TOPIC_PREFIX) :],
                pref[iri][0],
                tuple(sorted(alt.get(iri, ()))),
                tuple(sorted(b[len(TOPIC_PREFIX) :] for b in broader.get(iri, ()))),
            )
        )
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
