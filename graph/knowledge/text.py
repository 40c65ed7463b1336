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


# Speech verbs the recogniser glues onto the name after them: "Said Trump: “…”", "Wrote Putin:".
GLUED_CUES = frozenset({"said", "says", "continued", "added", "asked", "told", "wrote", "tweeted"})
_LEADING_MARKS, _TRAILING_MARKS = "@#", "-–—'’,;:"


def alias_form(text: str, label: str) -> str | None:
    """The alternative label a mention's text gives an actor labelled ``label``, or None
    when it names nothing the label does not: the mention cleaned of editorial brackets
    ("State] Department"), handles and dangling marks ("@White House", "Iranian-"), a
    speech verb glued before it ("Wrote Putin", unless the label's first name begins as
    the verb does), and dropped when it is the label in other case or its possessive
    without apostrophe ("Hillary Clintons"); other punctuation is kept ("JP Morgan").

    >>> alias_form("State] Department", "U.S. State Department"), alias_form("@White House", "United States")
    ('State Department', 'White House')
    >>> alias_form("Wrote Putin", "Vladimir Putin"), alias_form("Said Jalili", "Saeed Jalili")
    ('Putin', 'Said Jalili')
    >>> alias_form("DONALD TRUMP", "Donald Trump"), alias_form("Hillary Clintons", "Hillary Clinton")
    (None, None)
    >>> alias_form("JP Morgan Chase", "J.P. Morgan Chase"), alias_form("-2.2%", "respondents (-2.2%)")
    ('JP Morgan Chase', '-2.2%')
    """
    alias = clean_label(text.replace("[", "").replace("]", "")).lstrip(_LEADING_MARKS).rstrip(_TRAILING_MARKS).strip()
    words = alias.split()
    if len(words) > 1 and words[0].lower() in GLUED_CUES and normalise(label)[:1] != words[0][:1].lower():
        alias = " ".join(words[1:])  # not a first name spelt another way ("Said" for "Saeed")
    if not normalise(alias) or alias.casefold() == label.casefold() or normalise(alias) == f"{normalise(label)}s":
        return None
    return alias
