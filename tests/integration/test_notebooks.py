"""The notebooks run top to bottom with a real kernel, their figures render to PNG,
and the copies in the repository carry no outputs."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

import pytest

from notebooks.run import execute

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
FIGURES = {"01-quickstart.ipynb": 0, "02-who-stands-where.ipynb": 4, "03-evaluation.ipynb": 1}


def test_the_three_notebooks_are_there_without_outputs():
    assert [p.name for p in NOTEBOOKS] == sorted(FIGURES)
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


def test_notebooks_use_only_the_public_api():
    for path in NOTEBOOKS:
        source = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"])
        assert "from graph." not in source and "import graph." not in source, path.name


@pytest.mark.model
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_and_its_figures_render_to_png(path, tmp_path):
    before = set(Path(tempfile.gettempdir()).glob("stancegraph-*"))
    notebook = execute(path)  # raises CellExecutionError on any error
    assert set(Path(tempfile.gettempdir()).glob("stancegraph-*")) <= before, "the notebook left its store behind"
    images = [
        o["data"]["image/png"]
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert len(images) == FIGURES[path.name]
    for number, image in enumerate(images):
        data = base64.b64decode(image)
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5_000
        (tmp_path / f"{path.stem}-{number}.png").write_bytes(data)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
