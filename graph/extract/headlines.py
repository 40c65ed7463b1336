"""Headline attribution: "Pence: Flowers Won't Be at Debate", "Obama on Climate Change: The
Trends Are 'Terrifying'", "Poll: Wealthy Voters Abandon Republican Party". A headline that
opens with a short name and a colon reports that source's words. The name must be one the
article's body names (a person by surname or full name, an organisation by its name) or a
document word ("Poll", "Report"), so a kicker ("Analysis:", "Live:", "Watch:") is no source.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.extract.mentions import doc_text, span_mention, text_span
from graph.records import Mention, SpeechMode, StatementCandidate, StatementKind

HEADLINE_SOURCE = re.compile(
    r"(?P<source>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?: on [^:\n]{3,60})?:[ \t]+(?P<content>\S[^\n]*\S)"
)
MAX_HEADLINE = 300
MIN_WORDS = 3
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# Documents that speak in a headline ("Poll: …", "Report: …"); not kickers ("Analysis:").
HEADLINE_DOCUMENTS = {"poll", "polls", "survey", "study", "report", "audit", "census", "data"}


def headline_statements(doc: Doc, mentions: list[Mention]) -> list[StatementCandidate]:
    """The headline's statement, if the article's first line attributes one (a list of
    zero or one candidates; the headline is the first line when a blank line follows it).

    >>> import spacy
    >>> doc = spacy.blank("en")("Pence: Trump Was Mocking the Clinton Camp\\n\\nMike Pence said so.")
    >>> doc.ents = [doc.char_span(43, 53, "PERSON")]
    >>> body = [Mention(text_span(doc, 43, 53), "PERSON")]
    >>> [(s.speaker.span.text, s.content.text) for s in headline_statements(doc, body)]
    [('Pence', 'Trump Was Mocking the Clinton Camp')]
    """
    text = doc_text(doc)
    first = text.find("\n")
    if first <= 0 or first > MAX_HEADLINE or not text[first:].startswith(("\n\n", "\n\r\n", "\n \n")):
        return []
    match = HEADLINE_SOURCE.fullmatch(text, 0, len(text[:first].rstrip()))
    if match is None or len(match.group("content").split()) < MIN_WORDS:
        return []
    speaker = headline_speaker(doc, match, mentions)
    if speaker is None:
        return []
    content = text_span(doc, match.start("content"), match.end("content"))
    quoted = content.text[:1] in "“\"‘'" and content.text.rstrip(".").endswith(("”", '"', "’", "'"))
    targets = tuple(m for m in mentions if content.start <= m.span.start and m.span.end <= content.end)
    return [
        StatementCandidate(
            speaker=speaker,
            kind=StatementKind.ASSERT,
            mode=SpeechMode.DIRECT if quoted else SpeechMode.INDIRECT,
            evidence=text_span(doc, 0, match.end("content")),
            cue=text_span(doc, match.end("source"), match.end("source") + 1),
            content=content,
            quote=(content,) if quoted else (),
            source=speaker.span,
            targets=targets,
            confidence=0.6,
        )
    ]


def headline_speaker(doc: Doc, match: re.Match[str], mentions: list[Mention]) -> Mention | None:
    """The headline's source as a mention: labelled like the body's mention of that name,
    or an anonymous document ("Poll:")."""
    span = doc.char_span(match.start("source"), match.end("source"), alignment_mode="contract")
    if span is None:
        return None
    name = match.group("source").lower()
    if name in HEADLINE_DOCUMENTS:
        return span_mention(doc, list(span), "GROUP", anonymous=True)
    body = [m for m in mentions if m.span.start > match.end() and m.label in NAME_LABELS]
    for mention in body:
        written = mention.span.text.lower()
        if written == name or (mention.label == "PERSON" and written.endswith(" " + name)):
            return span_mention(doc, list(span), mention.label)
    return None
