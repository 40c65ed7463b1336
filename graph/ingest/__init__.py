"""The ingest stage: files, directories and JSONL records -> ``Article`` records.

``readers`` reads plain text, Markdown, HTML (trafilatura) and JSONL; ``decoding`` turns
bytes into text (UTF-8, or a legacy encoding charset-normalizer detects); ``dates`` reads
publication dates (python-dateutil); ``teasers`` blanks teaser, related-link and caption
lines; ``hygiene`` refuses binary files and repairs characters that break parsers. Every
repair keeps every offset. May import records, errors, knowledge and the standard library
(plus trafilatura, lazily, for HTML, charset-normalizer and python-dateutil); never spaCy
or an RDF library.
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
