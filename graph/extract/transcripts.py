"""Interview transcripts: paragraphs that open with a speaker's name in capitals and a
colon ("PENCE: Well, look, ..."), each one turn of that speaker's own words."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from graph.extract.mentions import doc_text, span_mention
from graph.extract.quotes import Quote
from graph.records import Mention

TURN = re.compile(r"[ \t]*[\"“]?((?:(?:MR|MRS|MS|DR|SEN|REP|GOV)\. )?[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){0,3}):[ \t]+\S")
MIN_TURNS = 2  # one capitalised line with a colon is more often a dateline or a label


def transcript_turns(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[Quote, Mention]]:
    """Each turn as a quote (its words after the colon; ``open_mark`` at the colon) with
    its speaker's mention, when the article has at least ``MIN_TURNS`` of them.

    >>> import spacy
    >>> from graph.extract.layout import paragraph_bounds
    >>> text = "Chris Wallace met Mike Pence.\\n\\nWALLACE: Will she be there?\\n\\nPENCE: She will not attend."
    >>> doc = spacy.blank("en")(text)
    >>> doc.ents = [doc.char_span(0, 13, "PERSON"), doc.char_span(18, 28, "PERSON")]
    >>> [(q.start, m.span.text) for q, m in transcript_turns(doc, paragraph_bounds(doc.text))]
    [(40, 'WALLACE'), (67, 'PENCE')]
    """
    text = doc_text(doc)
    matches = [m for lo, hi in paragraphs if (m := TURN.match(text, lo, hi)) is not None]
    speakers = turn_speakers([m.group(1) for m in matches], known_people(doc))
    found = []
    for match in matches:
        if match.group(1) not in speakers:
            continue
        end = match.endpos  # the paragraph's end
        while end > match.end() and text[end - 1].isspace():
            end -= 1
        span = doc.char_span(match.start(1), match.end(1))
        speaker = span_mention(doc, list(span), "PERSON") if span is not None else None
        if speaker is not None:
            found.append((Quote(match.end() - 1, end, match.end(1), None), speaker))
    return found if len(found) >= MIN_TURNS else []


def turn_speakers(names: list[str], people: set[str]) -> set[str]:
    """The names that head turns: the article's people, and, once one of them speaks, any
    other name in capitals with turns of its own ("WALLACE:" for a moderator the article
    never names in full)."""
    known = {name for name in names if is_person(name, people)}
    if not known:
        return set()
    return known | {name for name in set(names) if names.count(name) >= MIN_TURNS}


def known_people(doc: Doc) -> set[str]:
    """The article's people by full name and by surname, lower case."""
    names: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and all(t.is_alpha or t.text in ".-'’" for t in ent):
            names.update((ent.text.lower(), ent[-1].text.lower()))  # not "STORY", not "…/File Photo"
    return names


def is_person(name: str, people: set[str]) -> bool:
    """A turn's speaker is a person the article names ("PENCE" for Mike Pence), never a
    label in capitals ("FILE PHOTO", "SPECIAL COVERAGE", "UPDATE")."""
    words = name.replace(".", "").lower().split()
    return bool(words) and (" ".join(words) in people or words[-1] in people)
