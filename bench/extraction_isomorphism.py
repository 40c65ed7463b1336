"""Is a corpus's extraction the same graph before and after a change?

Builds the corpus into a fresh store with the installed ``stancegraph`` command,
exports it as N-Quads, and compares two such exports by isomorphism (the graphs
have no blank nodes, so isomorphism is equality of the quad sets; rdflib's
``isomorphic`` checks it when a blank node ever appears). Uses only the command
line, so the same script runs on any revision::

    python bench/extraction_isomorphism.py snapshot ../shared/corpus/bbc-2004-2005 before.nq
    git checkout NEW && make install
    python bench/extraction_isomorphism.py snapshot ../shared/corpus/bbc-2004-2005 after.nq
    python bench/extraction_isomorphism.py compare before.nq after.nq

``compare`` checks the extraction: every graph but the ontology graph (which holds the
bundled ontology files, not anything extracted). It exits 1 and lists up to 20
differing quads on each side when the extraction differs, and reports how many
ontology quads changed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

STANCEGRAPH = Path(sys.executable).with_name("stancegraph")


def snapshot(corpus: Path, output: Path) -> int:
    """Build ``corpus`` into a temporary store and write its sorted N-Quads to ``output``."""
    store = Path(tempfile.mkdtemp(prefix="sg-iso-")) / "store"
    try:
        subprocess.run([str(STANCEGRAPH), "-q", "build", str(corpus), "--store", str(store)], check=True)
        data = subprocess.run(
            [str(STANCEGRAPH), "export", "--format", "nquads", "--store", str(store)], check=True, capture_output=True
        ).stdout.decode("utf-8")
    finally:
        shutil.rmtree(store.parent, ignore_errors=True)
    lines = sorted(set(line for line in data.splitlines() if line.strip()))
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{output}: {len(lines):,} quads")
    return 0


def read_quads(path: Path) -> set[str]:
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


ONTOLOGY_GRAPH = "/graph/ontology> ."


def compare(before: Path, after: Path) -> int:
    """0 when the two exports hold the same extraction, else 1 with the differences."""
    old_all, new_all = read_quads(before), read_quads(after)
    old = {q for q in old_all if not q.endswith(ONTOLOGY_GRAPH)}
    new = {q for q in new_all if not q.endswith(ONTOLOGY_GRAPH)}
    changed = len((old_all - old) ^ (new_all - new))
    print(f"ontology graph: {changed} quads differ (bundled ontology files, not extraction)")
    if "_:" in "".join(old | new):
        from rdflib import Dataset
        from rdflib.compare import isomorphic

        graphs = []
        for quads in (old, new):
            dataset = Dataset()
            dataset.parse(data="\n".join(quads), format="nquads")
            graphs.append(dataset)
        same = isomorphic(graphs[0], graphs[1])
    else:
        same = old == new
    if same:
        print(f"extraction isomorphic: {len(old):,} quads")
        return 0
    print(f"differ: {len(old - new):,} quads only in {before}, {len(new - old):,} only in {after}")
    for sign, quads in (("-", old - new), ("+", new - old)):
        for quad in sorted(quads)[:20]:
            print(f"{sign} {quad}")
    return 1


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "snapshot":
        return snapshot(Path(argv[1]), Path(argv[2]))
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
