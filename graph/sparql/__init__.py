"""The query stage: the stored-query library (``queries/*.rq``, which also holds, under
``queries/internal``, every SPARQL text the package runs), running queries with
guards and bounds, result formats, and the read-only SPARQL endpoint (``serve``).

May import rdflib and pyoxigraph; never spaCy.
"""
