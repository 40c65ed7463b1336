"""stancegraph: who said what about whom in the news, as a queryable knowledge graph.

The public API (see ``graph.api``; imported on first use, so ``import graph`` is cheap)::

    import graph
    report = graph.build("data/samples", store="demo-store")
    store = graph.open_store("demo-store")
    graph.query(store, name="hostility", kindFilter="Accuse")      # pandas DataFrame
    graph.to_networkx(store)                                      # networkx MultiDiGraph
    graph.to_rdflib(store)                                        # rdflib Dataset
    graph.view(store, actor="United States")                      # inline in Jupyter
"""

__version__ = "0.1.0"

API = (
    "open_store",
    "build",
    "count_inputs",
    "problem_kinds",
    "extract_file",
    "format_extraction",
    "query",
    "run_query",
    "list_queries",
    "stored_queries",
    "export",
    "export_format",
    "export_to",
    "to_rdflib",
    "to_networkx",
    "view",
    "write_view",
    "serve",
    "stats",
    "actors",
    "evaluate",
    "validate",
)

__all__ = ["__version__", *API]


def __getattr__(name: str) -> object:
    if name in API:
        from graph import api

        return getattr(api, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(API))
