"""The views stage: the interactive HTML view (``html``), the graph as networkx
(``networks``) and the view inline in a notebook (``inline``).

May import pyvis, networkx, rdflib and pyoxigraph; never spaCy.
"""
