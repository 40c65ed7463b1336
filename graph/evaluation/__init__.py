"""The evaluate stage: run the pipeline on the documents gold files point to and
score it: label gold (actors, statements, kinds, targets) and span gold (source,
cue and content spans).
"""
