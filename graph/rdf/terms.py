"""Term conversion, in one place: rdflib <-> pyoxigraph terms, terms -> Python values
and W3C results JSON, and the package's own SPARQL texts filled with terms.

rdflib is the interchange type of the mapping (pure functions build rdflib
triples); pyoxigraph is the store's. Both meet here only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Union

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from graph.errors import StoreError
from graph.paths import sparql_text

XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OxTerm = Union[ox.NamedNode, ox.Literal, ox.BlankNode]
RdflibTerm = Union[URIRef, Literal, BNode]
NUMERIC: dict[str, Callable[[str], object]] = {
    f"{XSD_NS}integer": int,
    f"{XSD_NS}decimal": float,
    f"{XSD_NS}double": float,
    f"{XSD_NS}float": float,
    f"{XSD_NS}boolean": lambda v: v == "true",
}


def to_ox(term: RdflibTerm) -> ox.NamedNode | ox.Literal:
    """An rdflib term as a pyoxigraph term.

    :raises StoreError: for a blank node (every node the mapping makes has an IRI).

    >>> str(to_ox(Literal(3)))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"blank node {term!r} in mapped data; every node must have an IRI")


def from_ox(term: OxTerm) -> RdflibTerm:
    """A pyoxigraph term as an rdflib term.

    >>> from_ox(ox.NamedNode("http://e/x"))
    rdflib.term.URIRef('http://e/x')
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def triple_text(triple: tuple[RdflibTerm, RdflibTerm, RdflibTerm]) -> str:
    """One triple as an N-Triples line (escaped by pyoxigraph)."""
    return " ".join(str(to_ox(term)) for term in triple) + " ."


def python_value(term: OxTerm | None) -> object:
    """A term as a Python value: numbers and booleans converted, anything else its text.

    >>> python_value(ox.Literal("2", datatype=ox.NamedNode(XSD_NS + "integer"))), python_value(None)
    (2, None)
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        convert = NUMERIC.get(term.datatype.value)
        if convert is not None:
            try:
                return convert(term.value)
            except ValueError:
                return term.value
    return term.value


def term_text(term: object) -> str:
    """The lexical text of a term ("" for an unbound one)."""
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def term_json(term: OxTerm) -> dict[str, str]:
    """A term as a W3C SPARQL 1.1 results JSON binding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != f"{XSD_NS}string":
        out["datatype"] = term.datatype.value
    return out


PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
Fill = Union[OxTerm, RdflibTerm, Iterable[Union[OxTerm, RdflibTerm]], str]


def filled_sparql(name: str, **values: Fill) -> str:
    """One of the package's own SPARQL texts (``graph/sparql/queries/internal/NAME.rq``)
    with each ``{{key}}`` replaced: a term (or several, space-separated) by its escaped
    N-Triples form, a ``str`` by itself (only for text the package generated, such as
    the N-Triples lines of an ``INSERT DATA``; never for user input).

    :raises KeyError: when the text has a placeholder that ``values`` does not fill.
    """
    text = sparql_text(name)
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        raise KeyError(f"{name}.rq: no value for {', '.join(missing)}")
    # One pass over the template: a filled value is never searched for placeholders again.
    return PLACEHOLDER.sub(lambda m: serialise_fill(values[m.group(1)]), text)


def serialise_fill(value: Fill) -> str:
    if isinstance(value, str) and not isinstance(value, (URIRef, Literal, BNode)):
        return value
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return str(value)
    if isinstance(value, (URIRef, Literal, BNode)):
        return str(to_ox(value))
    return " ".join(serialise_fill(v) for v in value)  # type: ignore[union-attr]
