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

import re
from collections.abc import Iterator
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
    line = sparql.count("\n", 0, offset) + 1
    column = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
    hint = "; pass --allow-service to permit SERVICE" if word == "SERVICE" else ""
    raise QueryError(
        f"{word} is disabled: a query may not reach the network or the file system (line {line}, column {column}){hint}"
    )
