"""Tagging statements with topics: pure string work over the topic scheme.

A statement is about a topic when its content (else its evidence) holds the
topic's preferred or alternative label as whole words. When a narrower topic
matches, its broader topics are implied (queries follow ``skos:broader``) and
not stored again.
"""

from __future__ import annotations

from dataclasses import replace

from graph.knowledge.topics import TopicScheme, label_key
from graph.records import Extraction, Statement


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
