"""The store stage: open the embedded or a remote store, write a build into it
(one transaction per batch), export it, count it.

May import rdflib and pyoxigraph; never spaCy.
"""
