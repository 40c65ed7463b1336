"""stancegraph: who said what about whom in the news, as a queryable knowledge graph."""

__version__ = "0.1.0"

__all__ = ["__version__"]
