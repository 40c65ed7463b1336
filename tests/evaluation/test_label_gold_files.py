"""The bundled label gold (data/gold) is well formed: every evidence string occurs verbatim
in the article it points to, and speakers, targets and affiliations name gold actors."""

import json
from pathlib import Path

import pytest

from graph.evaluation.labels import read_gold
from graph.records import ActorType, StatementKind

GOLD_DIR = Path(__file__).resolve().parents[2] / "data" / "gold"
GOLD_FILES = sorted(GOLD_DIR.rglob("*.gold.json"))
KINDS = {kind.value for kind in StatementKind}
TYPES = {kind.value for kind in ActorType} | {"Territory"}


def test_there_is_bundled_label_gold():
    assert len(GOLD_FILES) >= 20


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_consistent_with_its_article(path):
    gold = read_gold(path)
    text = (path.parent / gold["document"]).read_text(encoding="utf-8")
    labels = {a["label"] for a in gold["actors"]}
    assert len(labels) == len(gold["actors"]), "an actor label is used twice"
    assert {a["type"] for a in gold["actors"]} <= TYPES
    for item in gold["statements"]:
        where = json.dumps(item, ensure_ascii=False)[:120]
        assert item["evidence"] in text, f"evidence not in the article: {where}"
        assert item["kind"] and set(item["kind"]) <= KINDS, where
        assert item["speaker"] in labels, where
        assert set(item.get("targets", [])) <= labels, where
    for item in gold.get("affiliations", []):
        assert item["member"] in labels and item["of"] in labels | {None}, item
