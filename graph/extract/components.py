"""stancegraph's extractors as registered, versioned spaCy components.

A spaCy user can add them to any English pipeline with a parser and NER::

    nlp.add_pipe("stancegraph_mentions_v1")
    nlp.add_pipe("stancegraph_statements_v1")
    doc = nlp(text)
    doc._.stancegraph_mentions      # tuple of graph.records.Mention
    doc._.stancegraph_statements    # tuple of graph.records.StatementCandidate

Both set plain records (offsets, strings, keys), never spaCy objects.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from graph.extract.mentions import extract_mentions
from graph.extract.statements import extract_statements
from graph.knowledge.lexicons import load_cues

MENTIONS = "stancegraph_mentions"
STATEMENTS = "stancegraph_statements"

for extension in (MENTIONS, STATEMENTS):
    if not Doc.has_extension(extension):
        Doc.set_extension(extension, default=None)


class MentionExtractor:
    """Sets ``doc._.stancegraph_mentions``: entity mentions that may be actors, in text order."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.stancegraph_mentions = tuple(extract_mentions(doc))
        return doc


class StatementExtractor:
    """Sets ``doc._.stancegraph_statements``: statement candidates (source, cue, content), in
    text order; runs the mention extractor first when it has not run."""

    def __init__(self, cues: str | None = None) -> None:
        self.cues = load_cues(Path(cues) if cues else None)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.stancegraph_mentions is None:
            MentionExtractor()(doc)
        doc._.stancegraph_statements = tuple(extract_statements(doc, list(doc._.stancegraph_mentions), self.cues))
        return doc


@Language.factory("stancegraph_mentions_v1", requires=["doc.ents", "token.dep"], assigns=[f"doc._.{MENTIONS}"])
def make_mention_extractor(nlp: Language, name: str) -> MentionExtractor:
    return MentionExtractor()


@Language.factory(
    "stancegraph_statements_v1",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=[f"doc._.{STATEMENTS}", f"doc._.{MENTIONS}"],
    default_config={"cues": None},
)
def make_statement_extractor(nlp: Language, name: str, cues: str | None) -> StatementExtractor:
    """``cues``: a cue lexicon file in the format of ``data/lexicon/cues.tsv`` (default: that file)."""
    return StatementExtractor(cues)
