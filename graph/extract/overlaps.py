"""Candidates that overlap: one speech act found twice is one statement, and a speaker
nested inside another's words is not their target."""

from __future__ import annotations

from dataclasses import replace

from graph.records import SpeechMode, StatementCandidate


def without_repeats(statements: list[StatementCandidate]) -> list[StatementCandidate]:
    """One speech act is one statement: a candidate whose content lies inside a direct
    quote already attributed to the same speaker (the trailing cue of a quote that runs
    over paragraphs: 'X said: "... / "...," she added') repeats it."""
    quoted = [(s.speaker.span, part) for s in statements if s.mode is SpeechMode.DIRECT for part in s.quote]
    return [
        s
        for s in statements
        if s.mode is SpeechMode.DIRECT
        or s.content is None
        or not any(
            speaker == s.speaker.span and part.start <= s.content.start and s.content.end <= part.end
            for speaker, part in quoted
        )
    ]


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
