"""The resolve stage: mentions -> canonical actors, candidates -> statements, and
statements tagged with topics. Plain records in, plain records out.

May import records, errors and knowledge; never spaCy or an RDF library.
"""

from graph.resolve.actors import resolve_article
from graph.resolve.topics import tag_topics

__all__ = ["resolve_article", "tag_topics"]
