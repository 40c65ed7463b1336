"""The lexicons under ``data/lexicon``, all read by one reader.

Every lexicon file is UTF-8 text: blank lines and lines starting with ``#`` are
skipped, the rest are TAB-separated fields. ``read_lexicon`` reads them with the
line number of each row, so every loader's error names ``file:line``. Each loader
turns the rows into plain records once per process. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from graph.errors import LexiconError
from graph.paths import LEXICON_DIR
from graph.records import ActorType, StatementKind

CUE_FLAGS = ("weak", "belief", "prep", "naming", "topic", "target=dobj", "target=pobj")
OFFICE_KINDS = ("Official", "Person", "Honorific", "Rank")
MAX_TITLE_WORDS = 5


@dataclass(frozen=True)
class LexiconRow:
    where: str  # "path:line"
    fields: tuple[str, ...]  # TAB-separated, each stripped


def read_lexicon(name: str, path: Path | None = None) -> tuple[LexiconRow, ...]:
    """The rows of ``data/lexicon/NAME`` (or of ``path``).

    :param name: the file name under ``data/lexicon``, e.g. ``"cues.tsv"``.
    :param path: another file in the same format (users' own lexicons).
    :returns: one ``LexiconRow`` per data line, in file order.
    :raises LexiconError: when the file cannot be read.

    >>> read_lexicon("forces.txt")[0].fields
    ('troops',)
    """
    source = path or LEXICON_DIR / name
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{source}: cannot read lexicon: {exc}") from None
    return tuple(
        LexiconRow(f"{source}:{number}", tuple(f.strip() for f in line.rstrip("\n").split("\t")))
        for number, line in enumerate(lines, start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )


# --- speech cues (cues.tsv) -------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]  # lemmas; words[0] is the head word
    kind: StatementKind
    weak: bool = False  # needs a clausal complement or a quote to count
    belief: bool = False
    prep: bool = False  # the head word is a preposition ("according to")
    target_dep: str | None = None
    naming: bool = False  # "called the charges fabricated": a cue only with an object complement
    topic: bool = False  # a weak cue that also counts with a topic as object ("questioned the need for")


def parse_cue(row: LexiconRow) -> Cue:
    """One ``cue<TAB>kind[<TAB>flags]`` row as a ``Cue``.

    :raises LexiconError: for a missing kind, an unknown kind or an unknown flag.
    """
    if len(row.fields) < 2:
        raise LexiconError(f"{row.where}: expected 'cue<TAB>kind[<TAB>flags]', got {' '.join(row.fields)!r}")
    words, kind_name = row.fields[0].split(), row.fields[1]
    try:
        kind = StatementKind(kind_name)
    except ValueError:
        valid = ", ".join(k.value for k in StatementKind)
        raise LexiconError(f"{row.where}: unknown kind {kind_name!r}; expected one of {valid}") from None
    flags = [f.strip() for f in row.fields[2].split(",")] if len(row.fields) > 2 and row.fields[2] else []
    unknown = [f for f in flags if f not in CUE_FLAGS]
    if unknown or not words:
        raise LexiconError(f"{row.where}: unknown flags {unknown}; expected some of {', '.join(CUE_FLAGS)}")
    target = next((f.split("=")[1] for f in flags if f.startswith("target=")), None)
    return Cue(
        tuple(w.lower() for w in words),
        kind,
        "weak" in flags,
        "belief" in flags,
        "prep" in flags,
        target,
        "naming" in flags,
        "topic" in flags,
    )


@lru_cache(maxsize=8)
def load_cues(path: Path | None = None) -> dict[str, tuple[Cue, ...]]:
    """Speech cues indexed by head lemma, longest first (``data/lexicon/cues.tsv``).

    >>> load_cues()["accuse"][0].kind.value
    'Accuse'
    """
    index: dict[str, list[Cue]] = {}
    for row in read_lexicon("cues.tsv", path):
        cue = parse_cue(row)
        index.setdefault(cue.words[0], []).append(cue)
    return {head: tuple(sorted(cues, key=lambda c: -len(c.words))) for head, cues in index.items()}


# --- office titles (offices.tsv) --------------------------------------------------------


class Word(Protocol):
    """Anything with a lower-cased text, such as a spaCy ``Token``."""

    @property
    def lower_(self) -> str: ...


@dataclass(frozen=True)
class Offices:
    titles: dict[tuple[str, ...], str]  # lower-cased words -> "Official" | "Person" | "Honorific"
    in_full: dict[str, str] = field(default_factory=dict)  # "sen." -> "Senator"
    ranks: frozenset[str] = frozenset()  # "deputy", "acting": part of the title they precede

    def spelled_out(self, role: str) -> str:
        """A role with its abbreviated titles written in full ("Vermont Sen." -> "Vermont Senator"),
        a hyphen the tokens were joined around closed up ("Vice - President").

        >>> load_offices().spelled_out("Lt. Gen."), load_offices().spelled_out("Vice - President")
        ('Lieutenant General', 'Vice-President')
        """
        role = role.replace(" - ", "-")
        whole = self.in_full.get(role.lower())
        return whole or " ".join(self.in_full.get(w.lower(), w) for w in role.split())

    def match_before(self, tokens: Sequence[Word]) -> int:
        """How many tokens at the end of ``tokens`` form a title (0 if none), with the ranks
        before it ("deputy foreign minister")."""
        for size in range(min(MAX_TITLE_WORDS, len(tokens)), 0, -1):
            if tuple(t.lower_ for t in tokens[-size:]) in self.titles:
                while size < len(tokens) and tokens[-size - 1].lower_ in self.ranks:
                    size += 1
                return size
        return 0

    def kind(self, words: Sequence[Word]) -> str | None:
        """What the holder of a title is ("Official", "Person", "Honorific"), or None; ranks
        before an office or role take its kind ("deputy foreign minister": "Official").

        >>> class W(str):
        ...     lower_ = property(lambda self: self.lower())
        >>> offices = load_offices()
        >>> offices.kind([W("Deputy"), W("Foreign"), W("Minister")]), offices.kind([W("deputy")])
        ('Official', None)
        """
        found = self.titles.get(tuple(t.lower_ for t in words))
        if found is None and len(words) > 1 and words[0].lower_ in self.ranks:
            rest = self.kind(words[1:])
            return rest if rest in ("Official", "Person") else None
        return found


@lru_cache(maxsize=2)
def load_offices(path: Path | None = None) -> Offices:
    """Titles and what their holders are (``data/lexicon/offices.tsv``).

    :raises LexiconError: for a row that is not ``title<TAB>Official|Person|Honorific|Rank``
        with, for an abbreviation, the title in full after another tab.
    """
    titles, in_full, ranks = {}, {}, set()
    for row in read_lexicon("offices.tsv", path):
        if len(row.fields) not in (2, 3) or row.fields[1] not in OFFICE_KINDS:
            raise LexiconError(f"{row.where}: expected 'title<TAB>Official|Person|Honorific|Rank[<TAB>title in full]'")
        if row.fields[1] == "Rank":
            ranks.add(row.fields[0].lower())
            continue
        titles[tuple(row.fields[0].lower().split())] = row.fields[1]
        if "-" in row.fields[0]:  # "Vice-President" as the tokenizer splits it: "vice", "-", "president"
            titles[tuple(row.fields[0].lower().replace("-", " - ").split())] = row.fields[1]
        if len(row.fields) == 3:
            in_full[row.fields[0].lower()] = row.fields[2]
    return Offices(titles, in_full, frozenset(ranks))


# --- word lists -------------------------------------------------------------------------


@lru_cache(maxsize=8)
def load_words(name: str, path: Path | None = None, *, lower: bool = False) -> frozenset[str]:
    """Every whitespace-separated word of a word-list lexicon.

    >>> "troops" in load_words("forces.txt")
    True
    """
    return frozenset((w.lower() if lower else w) for row in read_lexicon(name, path) for w in row.fields[0].split())


def is_generic_body(label: str) -> bool:
    """A body every state has ("the health ministry", "Ministry of Foreign Affairs"), named
    only with the words of ``generic_bodies.txt``.

    >>> is_generic_body("the Health Ministry"), is_generic_body("Pentagon")
    (True, False)
    """
    words = label.lower().replace("-", " ").replace("'s", "").split()
    return bool(words) and all(w in load_words("generic_bodies.txt") for w in words)


NOT_ACTOR_RULES = ("suffix", "head", "name")


@lru_cache(maxsize=2)
def load_not_actors(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Patterns of names that are never actors, by rule (``data/lexicon/not_actors.tsv``).

    :raises LexiconError: for a rule other than suffix, head or name.
    """
    rules: dict[str, set[str]] = {rule: set() for rule in NOT_ACTOR_RULES}
    for row in read_lexicon("not_actors.tsv", path):
        rule = row.fields[1] if len(row.fields) > 1 else ""
        if rule not in rules:
            raise LexiconError(f"{row.where}: unknown rule {rule!r}; expected one of {', '.join(NOT_ACTOR_RULES)}")
        rules[rule].add(row.fields[0].lower())
    return {rule: frozenset(words) for rule, words in rules.items()}


def is_not_actor(name: str) -> bool:
    """A law, treaty, doctrine, phobia or product, never an actor.

    >>> is_not_actor("Act of Settlement"), is_not_actor("Islamophobia"), is_not_actor("Actors Guild")
    (True, True, False)
    >>> is_not_actor("Bill of Rights"), is_not_actor("Bill de Blasio"), is_not_actor("the Patriot Act")
    (True, False, True)
    """
    words = name.lower().replace("the ", "", 1).split()
    if not words:
        return False
    rules = load_not_actors()
    opens = words[0] in rules["head"] and (len(words) == 1 or words[1] in ("of", "on", "for"))
    return (
        " ".join(words) in rules["name"]
        or opens  # "Act of Settlement", "Treaty of Rome" ("Bill de Blasio" is a person)
        or words[-1] in rules["head"]
        or any(words[-1].endswith(suffix) for suffix in rules["suffix"])
    )


@lru_cache(maxsize=2)
def load_nicknames(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Short first name -> its formal names, lower case (``data/lexicon/nicknames.tsv``).

    :raises LexiconError: for a row that is not ``short<TAB>formal[,formal…]``.

    >>> load_nicknames()["jim"], load_nicknames()["steve"]
    (('james',), ('steven', 'stephen'))
    """
    found = {}
    for row in read_lexicon("nicknames.tsv", path):
        if len(row.fields) != 2 or not row.fields[1].strip():
            raise LexiconError(f"{row.where}: expected 'short form<TAB>formal name[,formal name…]'")
        found[row.fields[0].lower()] = tuple(n.strip().lower() for n in row.fields[1].split(",") if n.strip())
    return found


@lru_cache(maxsize=2)
def load_first_names(path: Path | None = None) -> dict[str, str | None]:
    """First name (lower case) -> "m" or "f", or None for a name both carry ("u" in
    ``data/lexicon/first_names.tsv``: Robin Cook, Robin Wright).

    :raises LexiconError: for a gender other than m, f or u.

    >>> load_first_names()["hillary"], load_first_names()["donald"], load_first_names()["robin"]
    ('f', 'm', None)
    """
    names: dict[str, str | None] = {}
    for row in read_lexicon("first_names.tsv", path):
        if len(row.fields) != 2 or row.fields[1] not in ("m", "f", "u"):
            raise LexiconError(f"{row.where}: expected 'name<TAB>m|f|u'")
        names[row.fields[0].lower()] = None if row.fields[1] == "u" else row.fields[1]
    return names


@lru_cache(maxsize=1)
def load_documents() -> frozenset[str]:
    """Head nouns of documents that speak as sources (``documents.txt``: "statement", "poll")."""
    return load_words("documents.txt")


def load_agents() -> frozenset[str]:
    """Head nouns that name people or organisations (``agents.txt``): a speaker must be one."""
    return load_words("agents.txt")


def load_function_words() -> frozenset[str]:
    """English function words (``english_function_words.txt``), for telling the language."""
    return load_words("english_function_words.txt")


def is_force(label: str) -> bool:
    """Is this a state's armed or security forces ("Israeli jets", "Russian troops")?

    >>> is_force("Russian troops"), is_force("Russian diplomats")
    (True, False)
    """
    words = label.lower().split()
    return bool(words) and words[-1] in load_words("forces.txt", lower=True)


# --- organisation types (org_types.tsv) -------------------------------------------------


@lru_cache(maxsize=2)
def load_org_types(path: Path | None = None) -> tuple[tuple[str, ActorType], ...]:
    """(word, actor type) rules in file order (``data/lexicon/org_types.tsv``).

    :raises LexiconError: for an unknown actor type.
    """
    rules = []
    for row in read_lexicon("org_types.tsv", path):
        type_name = row.fields[1] if len(row.fields) > 1 else ""
        try:
            rules.append((row.fields[0].lower(), ActorType(type_name)))
        except ValueError:
            raise LexiconError(f"{row.where}: unknown actor type {type_name!r}") from None
    return tuple(rules)


def org_type(name: str) -> ActorType:
    """GovernmentBody for "Gaza Health Ministry", MediaOrganization for "Fox News", ...;
    a generic Group when no word says.

    >>> org_type("Gaza Health Ministry").value
    'GovernmentBody'
    """
    words = set(name.lower().replace("-", " ").split())
    for word, actor_type in load_org_types():
        if word in words:
            return actor_type
    return ActorType.GROUP
