"""Running the pipeline on the documents gold files point to, then scoring them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from graph.errors import ConfigError
from graph.evaluate import LabelReport, read_gold, score_label_gold
from graph.ingest import read_text_file
from graph.pipeline import extract_one
from graph.settings import Settings


def evaluate_files(paths: Iterable[Path], model: str | None = None) -> LabelReport:
    """Summed label-gold report over several gold files."""
    total, settings = LabelReport(), Settings(model=model)
    for path in paths:
        gold = read_gold(path)
        document = (path.parent / gold["document"]).resolve()
        if not document.is_file():
            raise ConfigError(f"{path}: document {gold['document']} not found at {document}")
        report = score_label_gold(extract_one(read_text_file(document), settings), gold)
        report.errors = [f"{path.name}: {e}" for e in report.errors]
        total.add(report)
    return total


def evaluate_span_files(paths: Iterable[Path], model: str | None = None):
    """Summed span-gold report (PolNeAR ``gold.jsonl``: one article per line)."""
    import json

    from graph.evaluate_spans import SpanReport, score_span_gold

    total, settings = SpanReport(), Settings(model=model)
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                document = path.parent / item["document"]
            except (ValueError, KeyError, TypeError):
                raise ConfigError(f"{path}:{number}: not span gold (see eval/README.md §2)") from None
            if not document.is_file():
                raise ConfigError(f"{path}:{number}: document {item['document']} not found")
            total.add(score_span_gold(extract_one(read_text_file(document), settings), item.get("statements", [])))
    return total
