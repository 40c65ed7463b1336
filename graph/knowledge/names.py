"""Person names: parsed with nameparser into title, first, middle, last and suffix, and
the keys two mentions of one person share.

"Robert S. Mueller III", "Mr Mueller" and "Mueller" share the surname key ``mueller``;
"Hamdi al-Rashed", "Al-Rashed" and "Rashed" share ``rashed`` (the particle is dropped
for matching, kept in the label). Uses nameparser and the office lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName

from graph.knowledge.lexicons import load_first_names, load_offices
from graph.knowledge.text import normalise

# Particles that start a surname in Arabic, Dutch, French, German, Spanish... names.
PARTICLES = (
    "al",
    "el",
    "ul",
    "bin",
    "ben",
    "ibn",
    "abu",
    "de",
    "da",
    "di",
    "du",
    "del",
    "della",
    "van",
    "von",
    "der",
    "le",
    "la",
)
PARTICLE_PREFIX = re.compile(rf"^(?:(?:{'|'.join(PARTICLES)})[\s'’-]+)+", re.IGNORECASE)


@dataclass(frozen=True)
class PersonName:
    """A parsed person name (parts as written, without title)."""

    title: str
    first: str
    middle: str
    last: str
    suffix: str

    @property
    def full(self) -> str:
        """The name without title or suffix ("Robert S. Mueller")."""
        return " ".join(p for p in (self.first, self.middle, self.last) if p)

    @property
    def surname_key(self) -> str:
        """The surname for matching: particles dropped, accents folded, normalised."""
        return surname_key(self.last or self.first)


@lru_cache(maxsize=65536)
def parse_name(text: str) -> PersonName:
    """Parse a person name.

    >>> parse_name("Mr Tony Blair").full, parse_name("Robert S. Mueller III").surname_key
    ('Tony Blair', 'mueller')
    >>> parse_name("Ayman al-Zawahiri").surname_key, parse_name("Al-Zawahiri").surname_key
    ('zawahiri', 'zawahiri')
    >>> parse_name("Ben Rhodes").first, parse_name("Bin Laden").first
    ('Ben', '')
    """
    human = HumanName(text.strip())
    title = human.title
    first, middle, last = human.first, human.middle, human.last
    if not last and first and not middle:  # "Blair", "Al-Rashed": a surname alone
        first, last = "", first
    elif (
        first.lower() in PARTICLES and not middle and first.lower() not in load_first_names()
    ):  # "Bin Laden", not "Ben Rhodes"
        first, last = "", f"{first} {last}"
    return PersonName(title, first, middle, last, human.suffix)


def looks_like_person(label: str) -> bool:
    """Two or three capitalised words opening with a common first name ("Nikki Haley").

    >>> looks_like_person("Nikki Haley"), looks_like_person("Human Rights Watch")
    (True, False)
    """
    words = label.split()
    return 2 <= len(words) <= 3 and words[0].lower() in load_first_names() and all(w[:1].isupper() for w in words)


def middle_initials(name: str) -> str:
    """The initials of a person name's middle names, lower case ("George H. W. Bush" -> "hw").

    >>> middle_initials("George H. W. Bush"), middle_initials("George Herbert Walker Bush"), middle_initials("Tony Blair")
    ('hw', 'hw', '')
    """
    return "".join(w[0].lower() for w in parse_name(name).middle.replace(".", " ").split())


def other_middle(name: str, known: Iterable[str]) -> bool:
    """Do middle names tell ``name`` from the person known by the names ``known``? Only
    when both give middle names and no initials agree: "George H. W. Bush" is not "George
    W. Bush", while "John F. Kerry" is "John Kerry" and "Robert S. Mueller III".

    >>> other_middle("George H.W. Bush", ["George W. Bush", "George Bush"]), other_middle("John F. Kerry", ["John Kerry"])
    (True, False)
    """
    wanted = middle_initials(name)
    theirs = {middle_initials(n) for n in known} - {""}
    return bool(wanted and theirs) and wanted not in theirs


# The family name that ends a chain of patronymics ("bin Mubarak al-Awlaki").
FAMILY_AFTER_PATRONYMIC = re.compile(r"^(?:bin|ben|ibn)\s.*?\s(?=(?:al|el)[\s'’-])", re.IGNORECASE)


def surname_key(last: str) -> str:
    """``al-Rashed`` -> ``rashed``; ``de Gaulle`` -> ``gaulle``; ``Sissi`` -> ``sissi``; the
    family name after patronymics: ``bin Mubarak al-Awlaki`` -> ``awlaki``.

    >>> surname_key("bin Mubarak al-Awlaki"), surname_key("bin Salman"), surname_key("van der Leyen")
    ('awlaki', 'salman', 'leyen')
    """
    last = FAMILY_AFTER_PATRONYMIC.sub("", last.strip())
    folded = "".join(c for c in unicodedata.normalize("NFKD", last) if not unicodedata.combining(c))
    return normalise(PARTICLE_PREFIX.sub("", folded.strip()) or folded)


def is_single_name(text: str) -> bool:
    """A surname (or one name) alone, titles aside: "Mr Blair", "Al-Rashed".

    >>> is_single_name("Mr Blair"), is_single_name("Tony Blair"), is_single_name("al-Rashed")
    (True, False, True)
    """
    name = parse_name(text)
    return not name.first and not name.middle and bool(name.last)


# Titles that make one name with a single given name after them ("Pope Francis", "King
# Charles"): the name is the person's across articles, not a surname left in its article.
REGNAL_TITLES = frozenset(
    ("pope", "king", "queen", "prince", "princess", "patriarch", "emperor", "empress", "bishop", "archbishop", "mullah")
)

# Stripped even though offices.tsv files "Lord" as an office (a peer's title): names are
# compared without them everywhere (resolution, identity files, evaluation, suspects).
EXTRA_HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame")


@lru_cache(maxsize=1)
def honorifics() -> tuple[tuple[str, ...], ...]:
    """The normalised words of every ``Honorific`` title of ``offices.tsv`` (and
    ``EXTRA_HONORIFICS``), longest first."""
    titles = {tuple(normalise(" ".join(w)).split()) for w, kind in load_offices().titles.items() if kind == "Honorific"}
    titles |= {(title,) for title in EXTRA_HONORIFICS}
    return tuple(sorted((t for t in titles if t), key=len, reverse=True))


def name_key(name: str) -> str:
    """How names are compared: ``normalise`` without a leading honorific (unless it is all
    there is).

    >>> name_key("Mr. Blair"), name_key("the Labour"), name_key("Mr"), name_key("Dr Liam Fox")
    ('blair', 'labour', 'mr', 'liam fox')
    """
    key = normalise(name)
    words = key.split()
    for title in honorifics():
        if len(words) > len(title) and tuple(words[: len(title)]) == title:
            return normalise(" ".join(words[len(title) :]))
    return key


def strip_honorific(name: str) -> str:
    """The name as written without a leading honorific (unless it is all there is).

    >>> strip_honorific("Mr. Tony Blair"), strip_honorific("Dr Fox"), strip_honorific("Sir")
    ('Tony Blair', 'Fox', 'Sir')
    """
    words = name.split()
    for title in honorifics():
        if len(words) > len(title) and tuple(normalise(w) for w in words[: len(title)]) == title:
            return " ".join(words[len(title) :])
    return name


PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
# Gender a word before or in a name tells: honorifics, and gendered titles.
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f"}
TITLE_GENDER = {
    **HONORIFIC_GENDER,
    **dict.fromkeys(
        ("spokesman", "chairman", "congressman", "businessman", "king", "prince", "widower", "husband", "father")
        + ("son", "brother", "grandfather", "uncle", "nephew", "actor", "boyfriend"),
        "m",
    ),
    **dict.fromkeys(
        ("spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "princess", "widow", "wife")
        + ("mother", "daughter", "sister", "grandmother", "aunt", "niece", "actress", "girlfriend"),
        "f",
    ),
}


def is_plural_acronym(text: str) -> bool:
    """ "MPs", "MEPs": a group of people, never one person.

    >>> is_plural_acronym("MPs"), is_plural_acronym("Mps"), is_plural_acronym("NATO")
    (True, False, False)
    """
    return bool(PLURAL_ACRONYM.fullmatch(text))


def honorific_gender(before: str) -> str | None:
    """ "m" when ``before`` ends with "Mr", "Sir" or "Lord"; "f" with "Mrs", "Ms", "Miss",
    "Lady" or "Dame"; else None.

    >>> honorific_gender("said Mrs."), honorific_gender("said")
    ('f', None)
    """
    words = before.lower().replace(".", "").split()
    return HONORIFIC_GENDER.get(words[-1]) if words else None
