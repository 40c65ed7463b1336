"""A query worker process: ``python -m graph.sparql.worker STORE_DIR``.

Opens the store read-only and answers queries read from stdin, one JSON line each
(``{"query": text, "max_rows": n | null}``; the text is already checked and bound by
``graph.sparql.run``). Each answer is a sequence of frames on stdout — one type byte,
a 4-byte big-endian length, the payload:

- ``H`` header (JSON): ``{"kind": "select" | "ask" | "triples"}``;
- ``D`` data: W3C SPARQL results JSON (SELECT, ASK) or N-Triples (CONSTRUCT), in pieces;
- ``E`` end (JSON): ``{"cut": offset | null}`` or ``{"error": message, "syntax": bool}``.

A SELECT stops after ``max_rows + 1`` solutions; ``cut`` is the byte offset in the data
where the extra row — the sign of a truncated answer — begins, so the parent can pass
the answer on without parsing it (``serve``) or parse it whole (the Python API). The
parent (``graph.sparql.isolated``) kills the process at the query's deadline or memory
bound; nothing here needs to be interruptible.
"""

from __future__ import annotations

import io
import json
import struct
import sys
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.rdf.terms import term_json
from graph.rdf.vocab import PREFIXES

CHUNK = 1 << 16


def frame(out: BinaryIO, kind: bytes, payload: bytes) -> None:
    out.write(kind + struct.pack(">I", len(payload)) + payload)


def select_frames(out: BinaryIO, result: ox.QuerySolutions, max_rows: int | None) -> int | None:
    """Write a SELECT answer as W3C results JSON with at most ``max_rows + 1`` rows; return
    the byte offset where the extra row (the sign of a truncated answer) begins."""
    names = [v.value for v in result.variables]
    head = json.dumps({"head": {"vars": names}, "results": {"bindings": []}})[:-3].encode()
    frame(out, b"D", head)
    written, cut, piece = len(head), None, bytearray()
    for number, solution in enumerate(result):
        if max_rows is not None and number > max_rows:
            break
        if number == max_rows:
            cut = written + len(piece)
        row = {n: term_json(solution[n]) for n in names if solution[n] is not None}
        piece += (("," if number else "") + json.dumps(row)).encode("utf-8")
        if len(piece) >= CHUNK:
            frame(out, b"D", bytes(piece))
            written, piece = written + len(piece), bytearray()
    frame(out, b"D", bytes(piece) + b"]}}")
    return cut


def triple_pieces(result: ox.QueryTriples):
    batch: list[ox.Triple] = []
    for triple in result:
        batch.append(triple)
        if len(batch) >= 1000:
            yield ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
            batch = []
    yield ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)


def answer(store: ox.Store, request: dict, out: BinaryIO) -> None:
    """Run one request and write its frames."""
    cut = None
    try:
        result = store.query(request["query"], prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            frame(out, b"H", b'{"kind": "ask"}')
            frame(out, b"D", json.dumps({"head": {}, "boolean": bool(result)}).encode())
        elif isinstance(result, ox.QuerySolutions):
            frame(out, b"H", b'{"kind": "select"}')
            cut = select_frames(out, result, request.get("max_rows"))
        else:
            frame(out, b"H", b'{"kind": "triples"}')
            for data in triple_pieces(result):
                frame(out, b"D", data or b"")
    except (SyntaxError, OSError, RuntimeError, ValueError) as exc:
        frame(out, b"E", json.dumps({"error": str(exc), "syntax": isinstance(exc, SyntaxError)}).encode())
    else:
        frame(out, b"E", json.dumps({"cut": cut}).encode())
    out.flush()


def main(argv: list[str]) -> int:
    from graph.store.embedded import open_read_only

    out = sys.stdout.buffer
    try:
        store = open_read_only(Path(argv[0]))
    except Exception as exc:  # the parent shows this as the reason the worker failed
        frame(out, b"E", json.dumps({"error": str(exc), "syntax": False}).encode())
        out.flush()
        return 2
    frame(out, b"E", b"{}")  # ready
    out.flush()
    for line in io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"):
        answer(store, json.loads(line), out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
