"""Page layout for the parser: paragraphs, headlines and sub-headings.

``stancegraph_paragraphs_v1`` starts a sentence at every line break and records
heading lines (short lines without closing punctuation), so a heading never glues
onto the paragraph after it and is never taken for a speaker.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SENTENCE_END = tuple(".!?:;\"”’»')…")
HEADING_MAX_WORDS = 16

if not Doc.has_extension("headings"):
    Doc.set_extension("headings", default=())


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: a news paragraph, heading or headline."""
    bounds, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            bounds.append((start + lead, start + lead + len(stripped)))
        start = end + 1
    return bounds


def is_heading(line: str) -> bool:
    """A short line without closing punctuation is a headline or sub-heading."""
    return not line.rstrip().endswith(SENTENCE_END) and len(line.split()) <= HEADING_MAX_WORDS


def heading_bounds(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((s, e) for s, e in paragraph_bounds(text) if is_heading(text[s:e]))


@Language.component("stancegraph_paragraphs_v1")
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence at every line break and record heading lines.

    Runs before the parser, which respects preset boundaries, so a heading
    never glues onto the paragraph after it."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    doc._.headings = heading_bounds(doc.text)
    return doc
