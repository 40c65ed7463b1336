"""Where the bundled runtime data lives: gazetteer, lexicons, ontology, shapes,
topic scheme, JSON-LD context and SPARQL texts.

In a checkout they are the top-level ``data/`` and ``ontology/`` folders; a wheel
carries the same files as package data under ``graph/data`` and ``graph/ontology``
(mapped by ``pyproject.toml``), so an installed copy needs no checkout.
``STANCEGRAPH_HOME`` (a folder holding ``data/`` and ``ontology/``) overrides both.
Standard library only.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder of bundled files called ``name`` ("data" or "ontology").

    >>> resource_dir("ontology").joinpath("stancegraph.ttl").is_file()
    True
    """
    home = os.environ.get("STANCEGRAPH_HOME")
    if home:
        return Path(home) / name
    installed = PACKAGE_DIR / name
    return installed if installed.is_dir() else PACKAGE_DIR.parent / name


DATA_DIR = resource_dir("data")
ONTOLOGY_DIR = resource_dir("ontology")
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
SAMPLES_DIR = DATA_DIR / "samples"
QUERIES_DIR = PACKAGE_DIR / "sparql" / "queries"
INTERNAL_QUERIES_DIR = QUERIES_DIR / "internal"
DEFAULT_STORE = Path("stancegraph-store")


@lru_cache(maxsize=64)
def sparql_text(name: str) -> str:
    """The text of one of the package's own SPARQL queries or updates
    (``graph/sparql/queries/internal/NAME.rq``): every SPARQL text the package runs
    lives in a ``.rq`` file.

    :raises FileNotFoundError: when no such file is bundled.

    >>> "SELECT" in sparql_text("store-known-articles")
    True
    """
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise FileNotFoundError(f"not a SPARQL file name: {name!r}")
    return (INTERNAL_QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
