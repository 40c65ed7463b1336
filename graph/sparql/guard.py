"""The operation guard: may this SPARQL text reach the network or the file system?

A query is refused when its token stream holds the ``SERVICE`` keyword (a federated
call to another endpoint) or ``LOAD`` (an update that fetches a document). pyoxigraph
does not expose the query algebra it parses, and rdflib's parser rejects legal
queries Oxigraph accepts (a prefixed name with an escaped ``#``: ``ex:a\\#``), so the
decision is made on the output of a SPARQL 1.1 lexer — the first stage of any parser:
a ``SERVICE`` node cannot exist in the algebra without its keyword token.

The lexer is conservative where Oxigraph's own scanner could read more of the text
as code than it does: comments end at any line break, strings and prefixed names
follow the terminals of the grammar (``ECHAR``, ``PN_LOCAL_ESC``), and a prefixed
name holding a forbidden word between separators is refused too (``SERVICE:x`` may
be read as the keyword followed by ``:x``; ``ex:downloads`` is fine).

>>> check_query('SELECT ("SERVICE" AS ?s) WHERE {}  # SERVICE in a comment')
>>> check_query(r'PREFIX ex: <http://e/> SELECT * { ?s ?p ex:a\\# . SERVICE <http://h/> {} }')
Traceback (most recent call last):
graph.errors.QueryError: SERVICE is disabled: a query may not reach the network or the file system (line 1, column 50); pass --allow-service to permit SERVICE
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from graph.errors import QueryError

FORBIDDEN = ("SERVICE", "LOAD")
WORD_IN_NAME = re.compile(r"(?<!\w)(?:SERVICE|LOAD)(?!\w)", re.IGNORECASE)
ESCAPE = r"\\[_~.\-!$&'()*+,;=/?#@%]"
PN_LOCAL = rf"(?:[\w\-.:%\u00b7\u0300-\u036f\u203f\u2040]|{ESCAPE})*"
TOKENS = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r\v\f\x85\u2028\u2029]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<variable>[?$]\w+)
  | (?P<pname>[^\W\d](?:[\w\-.\u00b7]*[\w\-\u00b7])?:"""
    + PN_LOCAL
    + r"""|:"""
    + PN_LOCAL
    + r""")
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


class Token(NamedTuple):
    kind: str
    text: str
    start: int


def tokens(sparql: str) -> Iterator[Token]:
    """The tokens of ``sparql`` with their kinds (``word``, ``pname``, ``string``,
    ``iri``, ``comment``, ``variable``, ``space``, ``other``) and character offsets.

    >>> [t.text for t in tokens("ASK { ?s ex:p 'a#b' }") if t.kind != "space"]
    ['ASK', '{', '?s', 'ex:p', "'a#b'", '}']
    """
    for found in TOKENS.finditer(sparql):
        yield Token(found.lastgroup or "other", found.group(), found.start())


def forbidden_operation(sparql: str) -> tuple[str, int] | None:
    """The first forbidden keyword and its offset, or ``None``.

    >>> forbidden_operation("SELECT * { service silent <http://h/> {} }")
    ('SERVICE', 11)
    >>> forbidden_operation("SELECT ?payload { ?payload ?p '''LOAD''' }") is None
    True
    """
    for token in tokens(sparql):
        if token.kind == "word" and token.text.upper() in FORBIDDEN:
            return token.text.upper(), token.start
        if token.kind == "pname":
            inside = WORD_IN_NAME.search(token.text)
            if inside:
                return inside.group().upper(), token.start
    return None


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse SERVICE (unless ``allow_service``) and LOAD, in a query or an update.

    :raises QueryError: naming the keyword and its line and column.
    """
    found = forbidden_operation(sparql)
    if found is None or (allow_service and found[0] == "SERVICE"):
        return
    word, offset = found
    line, column = place(sparql, offset)
    hint = "; pass --allow-service to permit SERVICE" if word == "SERVICE" else ""
    raise QueryError(
        f"{word} is disabled: a query may not reach the network or the file system (line {line}, column {column}){hint}"
    )


def select_star_order(sparql: str) -> list[str] | None:
    """For ``SELECT *``, the variables in the order they first appear after it (what a
    reader expects as column order); ``None`` for any other query.

    >>> select_star_order("SELECT * WHERE { ?speaker sg:said ?quote ; sg:at ?at }")
    ['speaker', 'quote', 'at']
    >>> select_star_order("SELECT ?b ?a WHERE { ?a ?p ?b }") is None
    True
    """
    words = [t for t in tokens(sparql) if t.kind not in ("space", "comment")]
    for number, token in enumerate(words):
        if token.kind == "word" and token.text.upper() == "SELECT":
            rest = words[number + 1 :]
            while rest and rest[0].text.upper() in ("DISTINCT", "REDUCED"):
                rest = rest[1:]
            if not rest or rest[0].text != "*":
                return None
            seen: dict[str, None] = {}
            for later in rest:
                if later.kind == "variable":
                    seen.setdefault(later.text[1:], None)
            return list(seen)
    return None


def syntax_message(sparql: str, error: str, bound: Iterable[str] = ()) -> str:
    """Oxigraph's parser error said for a person: an undefined prefix by name with the
    prefixes that are bound, otherwise the place (line, column, the line with a caret)
    and the tokens expected there, without the character-class ranges.

    >>> print(syntax_message("SELECT * { ?s foo:p ?o }", "error at 1:18: expected one of ...", ["sg", "rdfs"]))
    undefined prefix foo: (line 1, column 15); bound prefixes: rdfs, sg — or declare it: PREFIX foo: <...>
    """
    declared = {t.text.split(":", 1)[0] for t in prefix_declarations(sparql)} | set(bound)
    for token in tokens(sparql):
        if token.kind == "pname" and token.text.split(":", 1)[0] not in declared:
            prefix = token.text.split(":", 1)[0]
            line, column = place(sparql, token.start)
            return (
                f"undefined prefix {prefix}: (line {line}, column {column}); bound prefixes: "
                f"{', '.join(sorted(set(bound)))} — or declare it: PREFIX {prefix}: <...>"
            )
    found = re.search(r"error at (\d+):(\d+): expected (?:one of )?(.*)", error, re.DOTALL)
    if not found:
        return f"SPARQL syntax error: {error}"
    line, column = int(found.group(1)), int(found.group(2))
    expected = [e for e in re.findall(r'"[^"]*"|[A-Z][A-Za-z ]+', found.group(3)) if "..=" not in e]
    text = sparql.splitlines()[line - 1] if 0 < line <= len(sparql.splitlines()) else ""
    caret = f"\n    {text}\n    {' ' * max(column - 1, 0)}^" if text else ""
    wanted = f": expected {', '.join(expected[:12])}" if expected else ""
    return f"SPARQL syntax error at line {line}, column {column}{wanted}{caret}"


def prefix_declarations(sparql: str) -> list[Token]:
    """The prefixed-name tokens right after a ``PREFIX`` keyword."""
    meaningful = [t for t in tokens(sparql) if t.kind not in ("space", "comment")]
    return [b for a, b in itertools.pairwise(meaningful) if a.text.upper() == "PREFIX" and b.kind == "pname"]


def place(sparql: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    return sparql.count("\n", 0, offset) + 1, offset - (sparql.rfind("\n", 0, offset) + 1) + 1
