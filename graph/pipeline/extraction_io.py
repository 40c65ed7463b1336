"""One article's extraction as JSON or Turtle (the ``extract`` command)."""

from __future__ import annotations

import json
from dataclasses import asdict

from rdflib import Graph

from graph.pipeline.provenance import run_info
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.rdf.vocab import PREFIXES
from graph.records import Extraction, RunInfo
from graph.settings import Settings


def extraction_dict(extraction: Extraction) -> dict:
    """Plain JSON-ready dict: article metadata (no body), actors, statements, problems."""
    article = asdict(extraction.article)
    article.pop("text")
    return {
        "article": article,
        "actors": [asdict(a) for a in extraction.actors],
        "statements": [asdict(s) for s in extraction.statements],
        "problems": [asdict(p) for p in extraction.problems],
    }


def extraction_json(extraction: Extraction) -> str:
    return json.dumps(extraction_dict(extraction), ensure_ascii=False, indent=2)


def extraction_turtle(extraction: Extraction, settings: Settings, run: RunInfo | None = None) -> str:
    """All triples of the extraction (article, actors, positions) as one Turtle graph."""
    triples = extraction_triples(
        extraction, run or run_info(settings), Minter(settings.base_iri), with_text=settings.with_text
    )
    kg = Graph()
    for prefix, namespace in PREFIXES.items():
        kg.bind(prefix, namespace)
    for triple in (*triples.article, *triples.actors, *triples.positions):
        kg.add(triple)
    return kg.serialize(format="turtle")
