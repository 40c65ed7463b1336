"""What the pipeline knows before it reads an article: the gazetteer of actors, the
lexicons (one reader for every ``data/lexicon`` file), the topic scheme, and the
statement-kind facts read from the ontology. Plain records only.

May import records, errors, paths and the standard library (pyoxigraph only as a
Turtle parser in ``ontology``); never spaCy or rdflib.
"""
