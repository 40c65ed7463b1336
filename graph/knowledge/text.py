"""Text normalisation shared by resolution, IRI keys and evaluation. Stdlib only."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


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
