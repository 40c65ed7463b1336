"""Extraction: spaCy Docs -> actor mentions and statement candidates.

The only stage that imports spaCy; spaCy objects never leave it. Returns plain
records (``Mention``, ``StatementCandidate``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from graph.extract.lexicon import load_cues
from graph.extract.mentions import extract_mentions
from graph.extract.nlp import installed_model_info, load_pipeline, model_info
from graph.extract.statements import extract_statements
from graph.records import Mention, StatementCandidate

__all__ = ["DocExtraction", "extract_doc", "installed_model_info", "load_pipeline", "model_info"]


@dataclass(frozen=True)
class DocExtraction:
    mentions: tuple[Mention, ...]
    statements: tuple[StatementCandidate, ...]


def extract_doc(doc: Doc) -> DocExtraction:
    """Mentions and statement candidates of one parsed article."""
    mentions = extract_mentions(doc)
    statements = extract_statements(doc, mentions, load_cues())
    return DocExtraction(tuple(mentions), tuple(statements))
