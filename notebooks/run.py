"""Execute every notebook top to bottom (``make notebooks``); executed copies go to
build/notebooks/, the ones in the repository stay without outputs."""

from __future__ import annotations

import sys
from pathlib import Path

import nbclient
import nbformat

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "build" / "notebooks"


def execute(path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(HERE)}}).execute()
    return notebook


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for path in sorted(HERE.glob("*.ipynb")):
        print(f"executing {path.name}", flush=True)
        nbformat.write(execute(path), OUT / path.name)
    print(f"executed copies in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
