"""Running the pipeline on the documents gold files point to, then scoring them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from graph.errors import ConfigError, GoldFileError
from graph.evaluation.labels import LabelReport, read_gold, score_label_gold
from graph.evaluation.spans import SpanReport, score_span_gold
from graph.ingest import read_text_file
from graph.pipeline.articles import extract_one
from graph.settings import Settings


def gold_document(gold_path: Path, relative: str, where: str) -> Path:
    """The article a gold record points to, relative to the gold file."""
    document = (gold_path.parent / relative).resolve()
    if not document.is_file():
        raise GoldFileError(f"{where}: document {relative} not found at {document}")
    return document


def evaluate_files(paths: Iterable[Path], model: str | None = None) -> LabelReport:
    """Summed label-gold report over several gold files."""
    total, settings = LabelReport(), Settings(model=model)
    for path in paths:
        gold = read_gold(path)
        document = gold_document(path, gold["document"], str(path))
        report = score_label_gold(extract_one(read_text_file(document), settings), gold)
        report.errors = [f"{path.name}: {e}" for e in report.errors]
        total.add(report)
    return total


def evaluate_span_files(paths: Iterable[Path], model: str | None = None) -> SpanReport:
    """Summed span-gold report (PolNeAR ``gold.jsonl``: one article per line)."""
    total, settings = SpanReport(), Settings(model=model)
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                relative = item["document"]
            except (ValueError, KeyError, TypeError):
                raise GoldFileError(f"{path}:{number}: not span gold (see eval/README.md §2)") from None
            document = gold_document(path, relative, f"{path}:{number}")
            total.add(score_span_gold(extract_one(read_text_file(document), settings), item.get("statements", [])))
    return total


def evaluate_gold(paths: Iterable[Path], model: str | None = None) -> LabelReport | SpanReport:
    """Score the extraction against gold files: label gold (``*.gold.json``) or span gold
    (``*.jsonl``, PolNeAR style), never both in one call.

    :raises ConfigError: when label and span gold are mixed, or no file is given.
    :raises GoldFileError: when a gold file is malformed or its document is missing.
    """
    paths = [Path(p) for p in paths]
    spans = [p for p in paths if p.suffix == ".jsonl"]
    if not paths:
        raise ConfigError("give at least one gold file (*.gold.json or *.jsonl)")
    if spans and len(spans) != len(paths):
        raise ConfigError("give either label gold (*.gold.json) or span gold (*.jsonl) files, not both")
    return evaluate_span_files(paths, model) if spans else evaluate_files(paths, model)
