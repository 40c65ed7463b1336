"""The build stage: the pipeline (the one place that knows the stage order), the
per-article extraction shared by local and Dask runs, the writer thread,
provenance, and generated records for tests and benchmarks.
"""
