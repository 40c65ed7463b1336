"""Running the pipeline on the documents gold files point to, then scoring them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph.errors import ConfigError, GoldFileError
from graph.evaluation.identity import IdentityReport, evaluate_identity_files, is_identity_spec
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


def expand_gold_paths(paths: Iterable[Path]) -> list[Path]:
    """Gold files named, with each folder replaced by the label gold (``*.gold.json``) in
    it and its subfolders, or, when it holds none, its span gold (``*.jsonl``); sorted.

    :raises ConfigError: for a folder that holds no gold file.
    """
    expanded: list[Path] = []
    for path in paths:
        if not path.is_dir():
            expanded.append(path)
            continue
        found = sorted(path.rglob("*.gold.json")) or sorted(path.rglob("*.jsonl"))
        if not found:
            raise ConfigError(f"{path}: no gold files (*.gold.json or *.jsonl) in this folder")
        expanded.extend(found)
    return expanded


def evaluate_gold(
    paths: Iterable[Path], model: str | None = None, store: Any = None
) -> LabelReport | SpanReport | IdentityReport:
    """Score against gold files of one kind: label gold (``*.gold.json``), span gold
    (``*.jsonl``, PolNeAR style), or identity specs (``.json`` with "same" or
    "distinct"; scored against ``store``, an open store, not against fresh extraction).
    A folder stands for the gold files in it (``expand_gold_paths``); several files are
    pooled into one report (counts added, then the scores computed).

    :raises ConfigError: when kinds are mixed, no file is given, or an identity spec
        comes without a store.
    :raises GoldFileError: when a gold file is malformed or its document is missing.
    """
    paths = expand_gold_paths(Path(p) for p in paths)
    if not paths:
        raise ConfigError("give at least one gold file (*.gold.json, *.jsonl or an identity spec)")
    spans = [p for p in paths if p.suffix == ".jsonl"]
    identity = [p for p in paths if is_identity_spec(p)]
    if sum(bool(kind) for kind in (spans, identity, len(spans) + len(identity) < len(paths))) > 1:
        raise ConfigError(
            "give one kind of gold: label gold (*.gold.json), span gold (*.jsonl) or identity specs, not a mix"
        )
    if identity:
        if store is None:
            raise ConfigError("an identity spec is scored against a store: give --store")
        return evaluate_identity_files(paths, store)
    return evaluate_span_files(paths, model) if spans else evaluate_files(paths, model)
