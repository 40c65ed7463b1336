"""Generated extraction records for tests and benchmarks.

They go through the real mapping and store like extracted ones, so a big graph
built from them has the shape of a real one: articles with text, actors of every
type, statements of every kind with spans, targets and topics, dates over a year.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta

from graph.ingest import make_article
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement, StatementKind, TextSpan

TOPICS = ("ceasefire", "negotiations", "hostages", "humanitarian-aid", "blockade", "sanctions", "airstrikes")
TYPES = (
    ActorType.STATE,
    ActorType.OFFICIAL,
    ActorType.GOVERNMENT_BODY,
    ActorType.IGO,
    ActorType.NGO,
    ActorType.MILITANT_GROUP,
    ActorType.GROUP,
    ActorType.PERSON,
)


def synthetic_actor(number: int) -> Actor:
    actor_type = TYPES[number % len(TYPES)]
    return Actor(f"name:{actor_type.value.lower()}:actor {number:06d}", f"Actor {number:06d}", actor_type)


def synthetic_article(number: int, actors: int, statements: int, rng: random.Random) -> Extraction:
    """One article whose sentences each carry one statement between two of ``actors`` actors."""
    chosen = [synthetic_actor(rng.randrange(actors)) for _ in range(statements)]
    targets = [synthetic_actor(rng.randrange(actors)) for _ in range(statements)]
    kinds = list(StatementKind)
    found: list[Statement]
    sentences, found = [], []
    offset = 0
    day = (date(2024, 1, 1) + timedelta(days=number % 365)).isoformat()
    for speaker, target in zip(chosen, targets):
        kind = rng.choice(kinds)
        content = f"talks on item {number}-{len(found)} with {target.label} must go on"
        sentence = f"{speaker.label} said that {content}."
        start = offset + len(speaker.label) + len(" said that ")
        evidence = TextSpan(offset, offset + len(sentence), sentence)
        found.append(
            Statement(
                speaker.key,
                kind,
                SpeechMode.INDIRECT,
                evidence,
                cue=TextSpan(offset + len(speaker.label) + 1, offset + len(speaker.label) + 5, "said"),
                content=TextSpan(start, start + len(content), content),
                source=TextSpan(offset, offset + len(speaker.label), speaker.label),
                targets=(target.key,) if target.key != speaker.key else (),
                topics=(rng.choice(TOPICS),),
                confidence=rng.choice((0.6, 0.75, 0.9)),
            )
        )
        sentences.append(sentence)
        offset += len(sentence) + 1
    text = " ".join(sentences)
    people = {a.key: a for a in (*chosen, *targets)}
    return Extraction(
        make_article(text, published=day, title=f"Synthetic article {number}", source=f"Outlet {number % 7}"),
        tuple(people.values()),
        tuple(found),
    )


def synthetic_extractions(articles: int, actors: int, statements: int = 10, seed: int = 1) -> Iterator[Extraction]:
    rng = random.Random(seed)
    for number in range(articles):
        yield synthetic_article(number, actors, statements, rng)
