"""Finding direct quotations in raw text, character by character.

Handles curly, straight, guillemet and single-quote typography, and the wire
convention of a quote that runs over paragraphs: a paragraph ends without a
closing mark and the next one opens with the same quotation mark. Copy-edited text mixes
typographies: a curly opening mark closed by a straight one (“…") is one quotation.
Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass

PAIRS = {"“": "”", "«": "»", "‘": "’", "„": "“", '"': '"', "'": "'"}
MIXED_CLOSERS = {"”": '"', '"': "”"}  # “…" and "…”: the other double mark closes when its own never comes
SINGLE = {"‘", "'"}
OPEN_CONTEXT = set(" \t\n([{—–-:/") | {""}


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark (None: closed by a paragraph end)

    def words(self, text: str) -> int:
        return len(text[self.start : self.end].split())


def _opens(text: str, i: int) -> str | None:
    """The closing mark expected if ``text[i]`` opens a quotation here."""
    char = text[i]
    if char not in PAIRS:
        return None
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if char == '"' and before in ".!?" and after.isupper():
        return PAIRS[char]  # 'face."There are things': a sentence glued to the one before
    if char in "‘\"'" and (before not in OPEN_CONTEXT or not after or after.isspace()):
        return None  # an apostrophe, a closing straight mark or a stray mark
    return PAIRS[char]


def _closes(text: str, i: int, closer: str) -> bool:
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] == MIXED_CLOSERS.get(closer) and not after.isalnum():
        paragraph_end = text.find("\n", i)
        return closer not in text[i : paragraph_end if paragraph_end >= 0 else len(text)]
    if text[i] != closer:
        return False
    # "There’s" and "Gaza’s": an apostrophe between letters never closes a quote.
    return not (closer in "’'" and after.isalpha())


def _next_paragraph_opens(text: str, i: int, mark: str) -> bool:
    """Does the paragraph after the line break at ``i`` open with the quotation mark
    ``mark``? (A straight mark left open before a paragraph of curly quotes is a stray.)"""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and text[j] == mark and _opens(text, j) is not None


def find_quotes(text: str) -> list[Quote]:
    """Every outermost quotation in ``text``, in order."""
    quotes: list[Quote] = []
    i, n = 0, len(text)
    while i < n:
        closer = _opens(text, i)
        if closer is None:
            i += 1
            continue
        quote, i = _scan_quote(text, i, closer)
        if quote is not None and quote.end > quote.start:
            quotes.append(quote)
    return quotes


def _scan_quote(text: str, open_at: int, closer: str) -> tuple[Quote | None, int]:
    """Scan from an opening mark to its close; returns the quote and where to go on."""
    j, n = open_at + 1, len(text)
    while j < n:
        char = text[j]
        if _closes(text, j, closer):
            return Quote(open_at + 1, j, open_at, j), j + 1
        continued = char == "\n" and _next_paragraph_opens(text, j, text[open_at]) and _opens_sentence(text, open_at)
        if char == "\n" and closer in "’'" and not continued:
            return None, open_at + 1  # single marks run over paragraphs only re-opened: 'said: '…¶'…'
        if char == "\n":
            if not continued:
                return Quote(open_at + 1, _rstrip(text, open_at + 1, j), open_at, None), j
            while j < n and text[j].isspace():
                j += 1
            j += 1  # skip the re-opening mark of the continued paragraph
            continue
        j += 1
    if closer in "’'":
        return None, open_at + 1
    return Quote(open_at + 1, _rstrip(text, open_at + 1, n), open_at, None), n


def _opens_sentence(text: str, open_at: int) -> bool:
    """Does the mark open a quotation of whole sentences (at a paragraph start, after
    "said:" or "said,", or after a full stop)? Only such a quotation runs on into the
    next paragraph; a partial one ('described the plan as "a serious step.') that lost
    its closing mark ends with its paragraph."""
    before = text[text.rfind("\n", 0, open_at) + 1 : open_at].rstrip()
    return not before or before[-1] in ":,.!?—–-"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
