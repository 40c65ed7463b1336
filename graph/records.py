"""Plain records that flow between the stages.

Frozen stdlib dataclasses holding offsets, strings and keys only: never spaCy or
rdflib objects. Enum values are the ontology's local names (``ActorType.STATE ==
"State"``). May import only the standard library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class ActorType(StrEnum):
    STATE = "State"
    OFFICIAL = "Official"
    PERSON = "Person"
    GOVERNMENT_BODY = "GovernmentBody"
    IGO = "IGO"
    NGO = "NGO"
    MILITANT_GROUP = "MilitantGroup"
    MEDIA_ORGANIZATION = "MediaOrganization"
    POLITICAL_PARTY = "PoliticalParty"
    GROUP = "Group"
    ANONYMOUS_SOURCE = "AnonymousSource"


# The actor types of people (named persons and office holders).
PEOPLE = frozenset({ActorType.PERSON, ActorType.OFFICIAL})

# When articles type one actor differently, the more specific type wins: an office
# holder over a person, any organisation type over a generic group; ties keep the first.
TYPE_SPECIFICITY: dict[str, int] = {
    "AnonymousSource": 0,
    "Group": 1,
    "Person": 2,
    "State": 3,
    "GovernmentBody": 3,
    "IGO": 3,
    "NGO": 3,
    "MilitantGroup": 3,
    "MediaOrganization": 3,
    "PoliticalParty": 3,
    "Official": 4,
}


class StatementKind(StrEnum):
    ASSERT = "Assert"
    APPEAL = "Appeal"
    DEMAND = "Demand"
    SUPPORT = "Support"
    CRITICIZE = "Criticize"
    ACCUSE = "Accuse"
    REJECT = "Reject"
    DENY = "Deny"
    THREATEN = "Threaten"
    WARN = "Warn"
    PROMISE = "Promise"


class SpeechMode(StrEnum):
    DIRECT = "DirectQuote"
    INDIRECT = "IndirectSpeech"
    MIXED = "MixedQuote"


@dataclass(frozen=True)
class Article:
    """One input document; ``text`` is what every offset indexes."""

    article_id: str  # "url:<canonical url>" or "sha256:<hex of text>"
    text: str
    text_sha256: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    source: str | None = None
    path: str | None = None
    body_start: int = 0  # where the body begins (after a headline line)


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """An actor mention found in the text, before resolution."""

    span: TextSpan
    label: str  # spaCy entity label (PERSON, ORG, GPE, NORP, ...), "GROUP", or "PRONOUN" (unresolved)
    entity_id: str | None = None  # gazetteer key when the entity ruler matched
    role: str | None = None  # a title that preceded a person's name ("Defense Minister")
    affiliate: Mention | None = None  # whom the role or group belongs to ("Israeli")
    official: bool = False  # the role is a public office
    alias_of: TextSpan | None = None  # "(Doctors Without Borders)" after the name it renames
    generic: bool = False  # "rights groups", "U.S. officials"
    anonymous: bool = False  # "one U.S. diplomat", "a spokesperson for MSF"
    subject: bool = False  # the subject of its clause (whom a later surname or pronoun most likely means)
    modifier: bool = False  # one word modifying a common noun ("Fox hunting", "the Brighton conference")
    fallback: Mention | None = (
        None  # a "he" taken for a title ("the minister"): the name it is, if the title names no one
    )


@dataclass(frozen=True)
class Actor:
    """A resolved actor; ``key`` decides identity (and the IRI)."""

    key: str  # "wd:Q30", "name:person:joe biden", "anon:<article>:<n>"
    label: str
    actor_type: ActorType
    alt_labels: tuple[str, ...] = ()
    wikidata: str | None = None
    affiliation: str | None = None  # key of the state or organisation
    role: str | None = None


@dataclass(frozen=True)
class StatementCandidate:
    """A speech act as found in one Doc, speaker still a mention."""

    speaker: Mention
    kind: StatementKind
    mode: SpeechMode
    evidence: TextSpan
    cue: TextSpan | None = None
    content: TextSpan | None = None
    quote: tuple[TextSpan, ...] = ()  # the quoted words; several parts when interrupted
    source: TextSpan | None = None  # the speaker as written at the cue ("he"); None: continuation
    targets: tuple[Mention, ...] = ()
    negated: bool = False
    confidence: float = 0.5


@dataclass(frozen=True)
class Statement:
    """A resolved speech act: speaker and targets are actor keys."""

    speaker: str
    kind: StatementKind
    mode: SpeechMode
    evidence: TextSpan
    cue: TextSpan | None = None
    content: TextSpan | None = None
    quote: tuple[TextSpan, ...] = ()
    source: TextSpan | None = None
    on_behalf_of: str | None = None
    targets: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    negated: bool = False
    confidence: float = 0.5


@dataclass(frozen=True)
class Problem:
    """A data-quality fact about one input: reported, never raised."""

    where: str  # "file.jsonl:17" or an article id
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def problem_reason(message: str) -> str:
    """The kind of a problem: its message without quoted values, numbers and details.

    >>> problem_reason("published date '4/3/24' is ambiguous: 4 March or 3 April; expected ISO 8601")
    'published date … is ambiguous: N March or N April'
    >>> problem_reason("extraction failed: ValueError: bad span"), problem_reason("not valid UTF-8 (byte 3)")
    ('extraction failed', 'not valid UTF-8')
    >>> problem_reason("skipped: the text does not look like English (few English words)")
    'the text does not look like English'
    """
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "…", message.removeprefix("skipped: "))
    text = re.sub(r"(?<![\w-])\d[\d,.]*", "N", text)
    text = re.split(r";| \(", text)[0].strip()
    head, separator, _ = text.partition(": ")
    return head if separator and len(head.split()) <= 3 else text


@dataclass(frozen=True)
class Extraction:
    """Everything one article yields after extraction and resolution."""

    article: Article
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    problems: tuple[Problem, ...] = field(default=())


@dataclass(frozen=True)
class RunInfo:
    """Provenance of one extraction run (deterministic, no timestamps)."""

    tool_version: str
    model_name: str
    model_version: str
