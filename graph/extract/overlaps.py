"""Candidates that overlap: one speech act found twice is one statement, and a speaker
nested inside another's words is not their target."""

from __future__ import annotations

from dataclasses import replace

from graph.records import Mention, SpeechMode, StatementCandidate


def without_repeats(statements: list[StatementCandidate]) -> list[StatementCandidate]:
    """One speech act is one statement: a candidate whose content lies inside a direct
    quote already attributed to the same speaker (the trailing cue of a quote that runs
    over paragraphs: 'X said: "... / "...," she added') repeats it."""
    quoted = [(s.speaker, part) for s in statements if s.mode is SpeechMode.DIRECT for part in s.quote]
    return [
        s
        for s in statements
        if s.mode is SpeechMode.DIRECT
        or s.content is None
        or not any(
            same_speaker(speaker, s.speaker) and part.start <= s.content.start and s.content.end <= part.end
            for speaker, part in quoted
        )
    ]


def same_speaker(first: Mention, second: Mention) -> bool:
    """One mention, or a person's full name and their surname ("Osama Rahal" … "Rahal said",
    "Mao Ning" … "Mao said").

    >>> from graph.records import TextSpan
    >>> full, surname = (Mention(TextSpan(0, 11, "Osama Rahal"), "PERSON"), Mention(TextSpan(40, 45, "Rahal"), "PERSON"))
    >>> same_speaker(full, surname), same_speaker(full, Mention(TextSpan(50, 56, "Hamdan"), "PERSON"))
    (True, False)
    """
    if first.span == second.span:
        return True
    if described(first, second) or described(second, first):
        return True  # "Seve Lausaveve, the climate minister, said: “… ¶ “…,” the minister said"
    if first.label != "PERSON" or second.label != "PERSON":
        return False
    one, other = first.span.text.casefold().split(), second.span.text.casefold().split()
    shorter, longer = sorted((one, other), key=len)
    family_first = len(shorter) == 1 and longer[:1] == shorter  # "Mao Ning" … "Mao said"
    return bool(shorter) and (longer[-len(shorter) :] == shorter or family_first)


def described(person: Mention, description: Mention) -> bool:
    """A description ("the minister") whose head is the last word of a person's role
    ("climate minister")."""
    words = description.span.text.casefold().split()
    role = (person.role or "").casefold().split()
    return person.label == "PERSON" and description.anonymous and bool(words) and bool(role) and words[-1] == role[-1]


def without_nested_speakers(statements: list[StatementCandidate]) -> list[StatementCandidate]:
    """In "sources said that Hamas demanded ...", Hamas speaks in a statement of its
    own; it is not a target of the sources' statement."""
    out = []
    for statement in statements:
        content = statement.content
        if content is not None and statement.targets:
            nested = {
                other.speaker.span
                for other in statements
                if other is not statement and other.cue and content.start <= other.cue.start < content.end
            }
            statement = replace(statement, targets=tuple(t for t in statement.targets if t.span not in nested))
        out.append(statement)
    return out
