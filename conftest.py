"""Names the docstring examples of the package (``pytest --doctest-modules graph``) may use:
the sample article, a store built from it once, its extraction, a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def doctest_sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    import graph

    folder = tmp_path_factory.mktemp("doctest")
    sample_dir = REPO / "data" / "samples"
    sample_file = sample_dir / "gaza-ceasefire-us-withdraws.txt"
    graph.build(sample_dir, store=folder / "sample-store")
    return {
        "graph": graph,
        "sample_dir": sample_dir,
        "sample_file": sample_file,
        "sample_store": folder / "sample-store",
        "store": graph.open_store(folder / "sample-store"),
        "extraction": graph.extract_file(sample_file),
        "gold_file": REPO / "data" / "gold" / "gaza-ceasefire-us-withdraws.gold.json",
    }


@pytest.fixture(autouse=True)
def doctest_names(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Only the API's doctests get the sample names (built on first use)."""
    if type(request.node).__name__ != "DoctestItem" or not request.node.nodeid.startswith("graph/api.py"):
        return
    namespace = request.getfixturevalue("doctest_namespace")
    namespace.update(request.getfixturevalue("doctest_sample"), tmp=tmp_path)
