"""Input hygiene for ingest: binary files, characters that break parsers and
serialisers, other languages, and strict JSON. Standard library only.

Every repair keeps the text's length, so offsets still index the stored text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from graph.errors import IngestError
from graph.knowledge.lexicons import load_function_words, read_lexicon

SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x1f\x8b": "a gzip file",
    b"\x7fELF": "an executable",
}
# Lone surrogates and C0/C1 controls other than tab, newline and carriage return crash
# spaCy and RDF serialisers; each becomes one replacement character (same length).
BAD_CHARS = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MIN_WORDS_FOR_LANGUAGE = 40
MIN_FUNCTION_WORD_SHARE = 0.12


def sniff_binary(data: bytes) -> str | None:
    """What a binary input is, or None for text."""
    for signature, name in SIGNATURES.items():
        if data.startswith(signature):
            return f"binary file ({name}); expected text, HTML or JSONL"
    if b"\x00" in data[:65536]:
        return "binary file (NUL bytes); expected text, HTML or JSONL"
    return None


def sanitize(text: str) -> tuple[str, int]:
    """Replace characters that break parsers and serialisers; returns the text and how
    many were replaced. Length and offsets are unchanged."""
    replaced = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal replaced
        replaced += 1
        return "\ufffd" if "\ud800" <= match.group(0) <= "\udfff" else " "

    return BAD_CHARS.sub(swap, text), replaced


def looks_english(text: str) -> bool:
    """Enough English function words ("the", "of", "said") among the words; short texts pass."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return True
    function_words = load_function_words()
    share = sum(w in function_words for w in words) / len(words)
    return share >= MIN_FUNCTION_WORD_SHARE


def strict_json(line: str) -> object:
    """json.loads that refuses NaN/Infinity and duplicate keys (they silently lose data)."""

    def pairs(items: list[tuple[str, object]]) -> dict:
        keys = [k for k, _ in items]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise IngestError(f"duplicate keys {', '.join(duplicates)}")
        return dict(items)

    def constant(name: str) -> object:
        raise IngestError(f"{name} is not valid JSON")

    return json.loads(line, object_pairs_hook=pairs, parse_constant=constant)


@lru_cache(maxsize=1)
def photo_credit_pattern() -> re.Pattern[str]:
    """A picture credit with a slash: a photographer's name, then agencies
    (``data/lexicon/photo_credits.txt``), perhaps bracketed or after "Photo:"."""
    services = sorted((row.fields[0] for row in read_lexicon("photo_credits.txt")), key=len, reverse=True)
    service = "|".join(re.escape(s) for s in services)
    name = r"[A-Z][\w.'’-]*(?: (?:(?:al|el|bin|van|de|der|da)[ -])?[A-Z][\w.'’-]*){1,3}"  # two to four words
    return re.compile(
        rf"[(\[]?(?:(?:Photo|Image|File|Credit)s?: ?)?{name} ?(?:/ ?|, )(?:{service})"
        rf"(?: ?/ ?(?:{service})| via (?:{service}))*(?: Photo)?\b[)\]]?"
    )


def blank_photo_credits(text: str) -> str:
    """The text for the parser: picture credits ("Saul Loeb/AFP/Getty Images Trump could
    impose …", "(Kacper Pempel/Reuters)") become spaces of the same length, so no
    photographer is an actor and no agency an affiliation. A credit needs a slash ("Max
    Boot, Washington Post" under an excerpt is a byline).

    >>> blank_photo_credits("Saul Loeb/AFP/Getty Images Trump said no.")
    '                           Trump said no.'
    >>> blank_photo_credits("Max Boot, Washington Post")
    'Max Boot, Washington Post'
    """
    return photo_credit_pattern().sub(lambda m: " " * len(m.group(0)) if "/" in m.group(0) else m.group(0), text)


def blank_long_runs(text: str, limit: int = 1000) -> str:
    """The text for the parser: any run of more than ``limit`` characters without a space
    becomes spaces of the same length (spaCy's tokenizer is quadratic on such runs;
    16,000 "<" took 19 s). Offsets are unchanged; nothing in such a run is prose."""
    return re.sub(r"\S{%d,}" % (limit + 1), lambda m: " " * len(m.group(0)), text)
