"""Text normalisation shared by resolution, IRI keys and evaluation. Stdlib only."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


class FormatCharacters(dict):
    """A ``str.translate`` table that drops every format character (Unicode category
    Cf: zero-width spaces and joiners, soft hyphens, byte-order marks, bidirectional
    overrides and isolates such as U+202E and U+2066) and keeps the rest; filled lazily.

    >>> "Is\u200brael \u202eHamas\u202c \u2066Gaza\u2069".translate(FormatCharacters())
    'Israel Hamas Gaza'
    """

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code)) == "Cf" else code
        self[code] = value
        return value


_INVISIBLE = FormatCharacters()


def normalise(text: str) -> str:
    """NFKC, casefold, no punctuation, no leading "the", single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    text = _SPACE.sub(" ", _PUNCT.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_label(text: str) -> str:
    """A display label: single spaces, no leading "the", no invisible characters."""
    text = _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_INVISIBLE)).strip()
    return text[4:] if text[:4].lower() == "the " else text
