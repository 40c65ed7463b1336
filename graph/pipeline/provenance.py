"""Provenance of a build: which tool and model versions made the extraction."""

from __future__ import annotations

from graph import __version__
from graph.extract import installed_model_info
from graph.records import RunInfo
from graph.settings import Settings


def run_info(settings: Settings) -> RunInfo:
    """The extraction run of these settings: stancegraph's version and the spaCy model's
    name and version (read from its package, without loading it).

    :raises ModelNotFoundError: when the model is not installed.
    """
    name, version = installed_model_info(settings.model)
    return RunInfo(__version__, name, version)
