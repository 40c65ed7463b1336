"""Per-kind precision, target precision, pooling and folders in label-gold scoring:
hand-built records, no spaCy model."""

import json

import pytest

from graph.errors import ConfigError
from graph.evaluation import run
from graph.evaluation.labels import LabelReport, score_label_gold
from graph.evaluation.run import evaluate_gold, expand_gold_paths
from graph.ingest import make_article
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement, StatementKind, TextSpan

TEXT = (
    "Egypt backed the plan. Jordan condemned Israel. Qatar said Israel and Hamas must talk. "
    "Iranian media said the ministry accused the White House."
)
ACTORS = (
    Actor("eg", "Egypt", ActorType.STATE),
    Actor("jo", "Jordan", ActorType.STATE),
    Actor("qa", "Qatar", ActorType.STATE),
    Actor("il", "Israel", ActorType.STATE),
    Actor("ha", "Hamas", ActorType.MILITANT_GROUP),
    Actor("ir", "Iran", ActorType.STATE),
    Actor("im", "Iranian media", ActorType.GROUP),
    Actor("fm", "Foreign Ministry", ActorType.GOVERNMENT_BODY),
    Actor("wh", "White House", ActorType.GOVERNMENT_BODY),
)
GOLD = {
    "document": "x.txt",
    "actors": [
        {"label": "Egypt", "type": "State", "aliases": []},
        {"label": "Jordan", "type": "State", "aliases": []},
        {"label": "Qatar", "type": "State", "aliases": []},
        {"label": "Israel", "type": "State", "aliases": ["Israeli"]},
        {"label": "Hamas", "type": "MilitantGroup", "aliases": []},
        {"label": "Iran", "type": "State", "aliases": []},
        {"label": "Iranian media", "type": "Group", "optional": True, "aliases": []},
        {"label": "Iranian Foreign Ministry", "type": "GovernmentBody", "aliases": ["Foreign Ministry"]},
        {"label": "White House", "type": "GovernmentBody", "aliases": []},
    ],
    "statements": [
        {"speaker": "Egypt", "evidence": "Egypt backed the plan", "kind": ["Support"]},
        {"speaker": "Jordan", "evidence": "Jordan condemned Israel", "kind": ["Criticize"], "targets": ["Israel"]},
        {"speaker": "Qatar", "evidence": "Israel and Hamas must talk", "kind": ["Appeal", "Demand"]},
        {
            "speaker": "Iranian Foreign Ministry",
            "accept": ["Iran"],
            "evidence": "the ministry accused the White House",
            "kind": ["Accuse"],
            "targets": ["White House"],
        },
        {
            "speaker": "Iranian media",
            "evidence": "the ministry accused the White House",
            "kind": ["Assert"],
            "optional": True,
        },
    ],
}


def said(speaker, kind, start, end, targets=(), on_behalf_of=None):
    span = TextSpan(start, end, TEXT[start:end])
    return Statement(speaker, kind, SpeechMode.INDIRECT, span, targets=targets, on_behalf_of=on_behalf_of)


def span_of(words):
    start = TEXT.index(words)
    return start, start + len(words)


def report_for(*statements):
    return score_label_gold(Extraction(make_article(TEXT), ACTORS, statements), GOLD)


def test_kind_precision_counts_the_extracted_kind_over_matched_statements():
    report = report_for(
        said("eg", StatementKind.SUPPORT, *span_of("Egypt backed the plan.")),
        said("jo", StatementKind.SUPPORT, *span_of("Jordan condemned Israel.")),  # gold Criticize
        said("qa", StatementKind.DEMAND, *span_of("Qatar said Israel and Hamas must talk.")),
    )
    metrics = report.metrics()
    assert metrics["kind_precision_Support"] == 0.5 and metrics["kind_count_Support"] == 2
    assert metrics["kind_precision_Demand"] == 1.0 and metrics["kind_count_Demand"] == 1
    assert "kind_count_Assert" not in metrics  # kinds the extractor never gave are left out
    assert report.kind_table()["Support"]["matched"] == 2


def test_an_unmatched_statement_does_not_count_for_kind_precision():
    report = report_for(said("qa", StatementKind.SUPPORT, *span_of("Egypt backed the plan.")))  # wrong speaker
    assert report.statements.fp == 1 and "kind_count_Support" not in report.metrics()


def test_target_precision_needs_every_extracted_target_among_the_gold_targets():
    jordan = span_of("Jordan condemned Israel.")
    right = report_for(said("jo", StatementKind.CRITICIZE, *jordan, targets=("il",)))
    stray = report_for(said("jo", StatementKind.CRITICIZE, *jordan, targets=("il", "ha")))
    assert right.metrics()["target_precision"] == 1.0 and right.metrics()["target_count"] == 1
    assert stray.metrics()["target_precision"] == 0.0 and stray.metrics()["target_count"] == 1
    assert stray.metrics()["target_recall"] == 1.0
    assert any(e.startswith("target false alarm: Jordan -> Hamas") for e in stray.errors)


def test_target_precision_skips_statements_without_gold_or_extracted_targets():
    report = report_for(
        said("qa", StatementKind.APPEAL, *span_of("Qatar said Israel and Hamas must talk."), targets=("il",)),
        said("jo", StatementKind.CRITICIZE, *span_of("Jordan condemned Israel.")),
    )
    assert report.target_precision.total == 0 and report.metrics()["target_precision"] == 0.0


def test_the_statement_of_the_gold_speaker_wins_over_one_through_accept():
    sentence = span_of("Iranian media said the ministry accused the White House.")
    report = report_for(
        said("im", StatementKind.ASSERT, *sentence, on_behalf_of="ir"),  # accepted through "Iran"
        said("fm", StatementKind.ACCUSE, *sentence, targets=("wh",)),
    )
    assert report.statements.fp == 0 and report.statements.tp == 2
    assert report.metrics()["kind_precision_Accuse"] == 1.0 and report.metrics()["target_precision"] == 1.0


def test_reports_pool_by_adding_counts():
    total = LabelReport()
    total.add(report_for(said("eg", StatementKind.SUPPORT, *span_of("Egypt backed the plan."))))
    total.add(report_for(said("jo", StatementKind.SUPPORT, *span_of("Jordan condemned Israel."), targets=("ha",))))
    metrics = total.metrics()
    assert metrics["kind_precision_Support"] == 0.5 and metrics["kind_count_Support"] == 2
    assert metrics["target_count"] == 1 and metrics["target_precision"] == 0.0
    assert total.statements.tp == 2 and total.statements.fn == 6


def write_gold(folder, name, evidence):
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    statements = [s for s in GOLD["statements"] if s["evidence"] == evidence]
    gold = {**GOLD, "document": f"{name}.txt", "statements": statements}
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def test_a_folder_of_gold_files_is_scored_as_one_pooled_report(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    write_gold(tmp_path, "a", "Egypt backed the plan")
    write_gold(tmp_path / "sub", "b", "Jordan condemned Israel")
    extracted = (
        said("eg", StatementKind.SUPPORT, *span_of("Egypt backed the plan.")),
        said("jo", StatementKind.ACCUSE, *span_of("Jordan condemned Israel."), targets=("il",)),
    )
    monkeypatch.setattr(run, "extract_one", lambda article, settings: Extraction(article, ACTORS, extracted))
    report = evaluate_gold([tmp_path])
    assert isinstance(report, LabelReport)
    metrics = report.metrics()
    # each file matches one statement and calls the other a false alarm
    assert (report.statements.tp, report.statements.fp, report.statements.fn) == (2, 2, 0)
    assert metrics["kind_precision_Support"] == 1.0 and metrics["kind_precision_Accuse"] == 0.0
    assert metrics["target_precision"] == 1.0 and metrics["target_recall"] == 1.0


def test_folders_expand_to_label_gold_then_span_gold(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.gold.json").write_text("{}", encoding="utf-8")
    assert expand_gold_paths([tmp_path]) == [tmp_path / "b.gold.json", tmp_path / "sub" / "a.gold.json"]
    spans = tmp_path / "spans"
    spans.mkdir()
    (spans / "gold.jsonl").write_text("", encoding="utf-8")
    assert expand_gold_paths([spans, tmp_path / "b.gold.json"]) == [spans / "gold.jsonl", tmp_path / "b.gold.json"]
    with pytest.raises(ConfigError, match="no gold files"):
        expand_gold_paths([tmp_path / "texts"])
