"""The ingest stage: files, directories and JSONL records -> ``Article`` records.

``readers`` reads plain text, Markdown, HTML (trafilatura) and JSONL; ``hygiene``
refuses binary files and repairs characters that break parsers, keeping every
offset. May import records, errors, knowledge and the standard library (plus
trafilatura, lazily, for HTML); never spaCy or an RDF library.
"""

from graph.ingest.readers import (
    SUPPORTED_SUFFIXES,
    article_key,
    canonical_url,
    make_article,
    read_articles,
    read_file,
    read_text_file,
    text_sha256,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "article_key",
    "canonical_url",
    "make_article",
    "read_articles",
    "read_file",
    "read_text_file",
    "text_sha256",
]
