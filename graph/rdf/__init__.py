"""The RDF stage: vocabulary, IRI minting, the mapping of records to triples (pure
functions), term conversion between rdflib and pyoxigraph, and SHACL validation.

May import rdflib and pyoxigraph; never spaCy.
"""
