"""Teaser, related-link and caption lines ("READ MORE: ...", "Related: ...", "(Photo: ... /
Getty Images)") blanked out of article text.

The patterns are data (``data/lexicon/teaser_lines.txt``, format in its header). A matching
line becomes spaces of the same length, the way ``hygiene`` repairs text, so offsets into
the decoded file (plain text, JSONL) still hold; the parser skips blank lines, so nothing
of the line reaches extraction. May import errors and knowledge (the lexicon reader).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from graph.errors import LexiconError
from graph.knowledge.lexicons import LexiconRow, read_lexicon

log = logging.getLogger(__name__)

LEXICON = "teaser_lines.txt"
KINDS = ("label", "upper", "opening", "regex")
# Teasers are headline-length; a longer line opening with a label is a paragraph a scraper
# glued to its teaser, and losing the paragraph costs more than keeping the teaser.
MAX_TEASER_CHARS = 250
# what a label is followed by: nothing (perhaps a full stop), or a separator and anything
_AFTER_LABEL = r"(?:[.:!]?|(?:\s*[:|»›>→]|\s+[-–—]\s)\s*.*)"
_BULLETS = " \t\r#>•·▪►▶→»|+-–—"  # list and quote marks before a line's text
_MARKDOWN = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")  # emphasis marks, not snake_case
_ENCLOSED = re.compile(r"^[(\[]\s*(.*?)\s*[)\]]\.?$")


def words_pattern(words: str) -> str:
    """A regular expression for literal words: any white space between them, ' also ’."""
    return r"\s+".join(re.escape(word).replace("'", "['’]") for word in words.split())


def row_pattern(row: LexiconRow) -> str:
    """One row of the teaser lexicon as a regular expression for a whole line (without the
    length limit of label, upper and opening rows, which ``load_teaser_patterns`` adds).

    :raises LexiconError: for an unknown kind, a missing value or a bad regular expression.
    """
    kind, value = (row.fields + ("",))[:2]
    if kind not in KINDS or not value:
        raise LexiconError(f"{row.where}: expected 'KIND<TAB>VALUE' with KIND one of {', '.join(KINDS)}")
    if kind == "label":
        pattern = words_pattern(value) + _AFTER_LABEL
    elif kind == "upper":
        pattern = r"(?-i:%s)\b.*" % words_pattern(value)
    elif kind == "opening":
        pattern = words_pattern(value) + r"\b.*"
    else:
        pattern = value
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{row.where}: bad regular expression {value!r}: {exc}") from None
    return pattern


@lru_cache(maxsize=8)
def load_teaser_patterns(path: Path | None = None) -> re.Pattern[str]:
    """The teaser lexicon as one case-insensitive pattern for a whole (cleaned) line.

    :param path: another file in the same format; the bundled one by default.
    :raises LexiconError: when the file cannot be read or a row is malformed.

    >>> bool(load_teaser_patterns().fullmatch("READ MORE: Jordan accuses Israel."))
    True
    """
    rows = read_lexicon(LEXICON, path)
    words = "|".join(row_pattern(row) for row in rows if row.fields[0] != "regex")
    regexes = [f"(?:{row_pattern(row)})" for row in rows if row.fields[0] == "regex"]
    # the length limit once for all word rows: tried per row it costs 250 steps a row and line
    short = [r"(?=.{0,%d}$)(?:%s)" % (MAX_TEASER_CHARS, words)] if words else []
    return re.compile("|".join(short + regexes) or "(?!)", re.IGNORECASE)


def is_teaser_line(line: str, patterns: re.Pattern[str] | None = None) -> bool:
    """Whether one line of text is a teaser, related link or caption.

    >>> is_teaser_line("**Related:** [Talks stall](/x)"), is_teaser_line("Related talks stalled.")
    (True, False)
    """
    if "*" in line or "_" in line:
        line = _MARKDOWN.sub("", line)
    cleaned = line.strip().lstrip(_BULLETS).strip()
    enclosed = _ENCLOSED.match(cleaned)
    if enclosed:
        cleaned = enclosed.group(1)
    if not cleaned:
        return False
    return (patterns or load_teaser_patterns()).fullmatch(cleaned) is not None


def blank_teaser_lines(text: str, patterns: re.Pattern[str] | None = None) -> tuple[str, int]:
    """The text with every teaser line turned into spaces (length and offsets unchanged),
    and how many lines were blanked.

    :param patterns: from ``load_teaser_patterns``; the bundled lexicon by default.

    >>> blank_teaser_lines("Egypt said so.\\nRead more: Jordan accuses Israel\\nIt ended.")
    ('Egypt said so.\\n                                \\nIt ended.', 1)
    """
    lines = text.split("\n")
    blanked = 0
    for number, line in enumerate(lines):
        if line.strip() and is_teaser_line(line, patterns):
            lines[number] = re.sub(r"[^\r]", " ", line)  # keep a CRLF line's "\r"
            blanked += 1
    if blanked:
        log.debug("blanked %d teaser or caption lines", blanked)
    return "\n".join(lines), blanked
