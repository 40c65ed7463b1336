"""Where the bundled data and ontology files live.

The repository layout keeps ``data/`` and ``ontology/`` beside the package; an
installed copy can point elsewhere with ``STANCEGRAPH_HOME``. Standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = Path(os.environ.get("STANCEGRAPH_HOME", PACKAGE_DIR.parent))
DATA_DIR = HOME / "data"
ONTOLOGY_DIR = HOME / "ontology"
QUERIES_DIR = PACKAGE_DIR / "queries"
CUE_LEXICON = DATA_DIR / "lexicon" / "cues.tsv"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
SAMPLES_DIR = DATA_DIR / "samples"
DEFAULT_STORE = Path("stancegraph-store")
