"""Page layout for the parser: paragraphs, headlines and sub-headings.

``stancegraph_paragraphs_v1`` starts a sentence at every line break and records
heading lines (short lines without closing punctuation), so a heading never glues
onto the paragraph after it and is never taken for a speaker.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from graph.knowledge.lexicons import read_lexicon

SENTENCE_END = tuple(".!?:;\"”’»')…")
HEADING_MAX_WORDS = 16
log = logging.getLogger(__name__)

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


SIGN_DASH = r"(?:[—–―]|--)"  # the dash that signs a quote with a name ("“…” — Ana Ruiz")
SIGNED_QUOTE = re.compile(rf"[.!?,][”\"»’']\s*{SIGN_DASH}\s*\S")


def is_heading(line: str) -> bool:
    """A short line without closing punctuation is a headline or sub-heading; a quotation
    signed with a name ("“We will win.” — Ana Ruiz") is not.

    >>> is_heading("Red Sea attacks"), is_heading("“We will build a wall.” — Steve Quinlan")
    (True, False)
    """
    if SIGNED_QUOTE.search(line):
        return False
    return not line.rstrip().endswith(SENTENCE_END) and len(line.split()) <= HEADING_MAX_WORDS


def stop_headings(text: str) -> str:
    r"""The text for the parser (same length): a headline followed by a blank line ends
    with a full stop, so the recogniser reads the next paragraph as it reads an article's
    first sentence ("Housing emergency\n\nArvind Rao said …" lost "Arvind"). Headings are
    then found in the article's own text (``mark_headings``).

    >>> stop_headings("Talks fail\n\nHe said no.\n\nA quote\n")
    'Talks fail.\nHe said no.\n\nA quote\n'
    """
    stops = [
        end for start, end in paragraph_bounds(text) if text[end : end + 2] == "\n\n" and is_heading(text[start:end])
    ]
    if not stops:
        return text
    chars = list(text)
    for at in stops:
        chars[at] = "."
    return "".join(chars)


def mark_headings(doc: Doc, text: str) -> None:
    """Record the headings of ``text``, the article the parser's copy was made from."""
    doc._.headings = heading_bounds(text)


# A wire dateline opens a paragraph: a place ("TEHRAN, Iran", "UNITED NATIONS", "Beirut"),
# perhaps a date ("Oct. 10"), an agency credit in brackets ("(AP)", "(Reuters)"), a dash.
# Either the credit or an upper-case place is required, so "Iran - which ..." is prose.
_PLACE = r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}"
_DATE = r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:[,/]\s*{_PLACE}){{0,2}}){_DATE}\s*(?P<credit>\((?:[A-Za-z][\w.&/ -]{{0,30}})\))?"
    r"(?:\s*(?:—|–|--|-)\s+|(?<=\))(?:—|–|--)\s*)"  # "(dpa)—Germany": no space after a credit's dash
)

# "ISLAMABAD, Jan 5 (PTI) Pakistan said": an agency's credit with no dash (Indian and
# Pakistani wires), a dateline only when the credit names a news agency.
CREDIT_DATELINE = re.compile(
    rf"(?P<place>{_PLACE}(?:[,/]\s*{_PLACE}){{0,2}}){_DATE}\s*(?P<credit>\([A-Za-z][\w.&/ -]{{0,30}}\)):?\s+(?=[A-Z“\"])"
)

LIVE_STAMP = re.compile(
    r"\[?(?:Updated|Update|Correction|Corrected)(?: at)? \d{1,2}:\d{2} ?[ap]\.?m\.?(?: [A-Z]{2,4})?\]?[:.,]?\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def load_agencies() -> frozenset[str]:
    """News agencies that sign datelines (``data/lexicon/news_agencies.txt``), lower case."""
    return frozenset(row.fields[0].lower() for row in read_lexicon("news_agencies.txt"))


def dateline_end(paragraph: str) -> int:
    """Where a paragraph's wire dateline ends (after its dash), or 0 when it has none.

    >>> dateline_end("TEHRAN, Iran (AP) — Iran warned ..."), dateline_end("Beirut (AFP) -- Lebanon said")
    (20, 16)
    >>> dateline_end("UNITED NATIONS — The council met"), dateline_end("Iran - which denies it - said")
    (17, 0)
    >>> dateline_end("BRUSSELS/WASHINGTON (Reuters) - Leaders said"), dateline_end("[Updated 8:44 p.m. ET] Officials said")
    (32, 23)
    >>> dateline_end("BERLIN (dpa)—Germany said"), dateline_end("KYIV (Reuters)--Ukraine said")
    (13, 16)
    >>> dateline_end("ISLAMABAD, Jan 5 (PTI) Pakistan said"), dateline_end("Gaza (Hamas) Officials said")
    (23, 0)

    A credit must name a news agency (``data/lexicon/news_agencies.txt``), unless the place
    is written in capitals.
    """
    stamp = LIVE_STAMP.match(paragraph)
    if stamp is not None:
        return stamp.end()  # a live blog's "[Updated 8:44 p.m. ET]" works like a dateline
    found = DATELINE.match(paragraph)
    if found is None and (credited := CREDIT_DATELINE.match(paragraph)) is not None:
        agency = credited.group("credit").strip("()").strip().lower() in load_agencies()
        return credited.end() if agency and len(credited.group(0)) <= 80 else 0
    if found is None or len(found.group(0)) > 80:
        return 0
    credit = found.group("credit")
    if credit is not None and credit.strip("()").strip().lower() in load_agencies():
        return found.end()
    return found.end() if found.group("place").split(",")[0].isupper() else 0


def heading_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Headlines, sub-headings and wire datelines: no actor, speaker or cue is in them."""
    found = []
    for start, end in paragraph_bounds(text):
        if is_heading(text[start:end]):
            found.append((start, end))
        elif stop := dateline_end(text[start:end]):
            found.append((start, start + stop))
    return tuple(found)


OPENING_MARKS = {"“", '"', "«", "„"}


@Language.component("stancegraph_paragraphs_v1")
def paragraphs_component(doc: Doc) -> Doc:
    """Start a sentence at every line break and after a dateline, and record heading lines.

    Runs before the parser, which respects preset boundaries, so a heading never glues
    onto the paragraph after it. It never raises: inside ``nlp.pipe`` an exception would
    end the whole batch, so a failure is logged and the doc goes on with what was set."""
    try:
        mark_layout(doc)
    except (ValueError, IndexError) as exc:  # pragma: no cover - a guard, not a path
        log.warning("page layout failed for a document: %s", exc)
    return doc


def mark_layout(doc: Doc) -> None:
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif token.text in OPENING_MARKS and before.text in (".", "!", "?") and before.whitespace_:
            token.is_sent_start = True  # 'said he was worried. "What ...': the quote opens a sentence
        elif before.is_sent_start and before.is_alpha and token.is_lower and token.is_alpha:
            token.is_sent_start = False  # "ISIS said it ...": a paragraph's first word is no sentence
    doc._.headings = heading_bounds(doc.text)
    starts = {token.idx: token for token in doc if not token.is_space}
    for _start, end in doc._.headings:
        after = starts.get(end)
        if after is not None and after.i > 0:
            after.is_sent_start = True  # the words after a dateline start a sentence
