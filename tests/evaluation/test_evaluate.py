"""The evaluator: unit tests on hand-built records, and the real dev gold when present."""

import json
from pathlib import Path

import pytest

from graph.evaluation.labels import score_label_gold
from graph.evaluation.run import evaluate_files, evaluate_span_files
from graph.ingest import make_article
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement, StatementKind, TextSpan
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]

GOLD = {
    "document": "x.txt",
    "actors": [
        {"label": "United States", "type": "State", "aliases": ["U.S."]},
        {"label": "Hamas", "type": "MilitantGroup", "aliases": []},
        {"label": "rights groups", "type": "Group", "optional": True, "aliases": []},
    ],
    "not_actors": ["Middle East"],
    "statements": [
        {"speaker": "Hamas", "evidence": "Hamas demanded an end", "kind": ["Demand"], "targets": ["United States"]}
    ],
    "affiliations": [],
}


def extraction(*actors, statements=()):
    return Extraction(make_article("Hamas demanded an end to it."), tuple(actors), tuple(statements))


def test_duplicate_actor_for_one_gold_actor_is_a_false_alarm():
    report = score_label_gold(
        extraction(Actor("a", "United States", ActorType.STATE), Actor("b", "U.S.", ActorType.STATE)), GOLD
    )
    assert report.actors.tp == 1 and report.actors.fp == 1 and report.actors.fn == 1


def test_not_actor_counts_and_optional_costs_nothing():
    report = score_label_gold(extraction(Actor("m", "the Middle East", ActorType.STATE)), GOLD)
    assert report.not_actors_found == ["the Middle East"] and report.actors.fn == 2


def test_statement_matches_on_evidence_and_speaker_with_kind_and_target():
    statement = Statement(
        "h", StatementKind.DEMAND, SpeechMode.INDIRECT, TextSpan(0, 27, "Hamas demanded an end to it"), targets=("u",)
    )
    report = score_label_gold(
        extraction(
            Actor("h", "Hamas", ActorType.MILITANT_GROUP), Actor("u", "U.S.", ActorType.STATE), statements=[statement]
        ),
        GOLD,
    )
    assert report.statements.tp == 1 and report.kinds.value == 1.0 and report.targets.value == 1.0


@pytest.mark.model
@pytest.mark.shared
def test_dev_gold_meets_the_actor_targets():
    gold = shared_path("eval", "dev", "gaza-ceasefire-us-withdraws.gold.json")
    metrics = evaluate_files([gold]).metrics()
    print(json.dumps(metrics, indent=1))
    assert metrics["actor_f1"] >= 0.95 and metrics["type_accuracy"] >= 0.95
    assert metrics["affiliation_recall"] >= 0.8 and metrics["not_actors_found"] == 0


def test_span_gold_needs_half_overlap_and_source():
    from graph.evaluation.spans import score_span_gold

    text = "Officials said the border would stay closed for a week."
    statement = Statement(
        "o",
        StatementKind.ASSERT,
        SpeechMode.INDIRECT,
        TextSpan(0, len(text), text),
        content=TextSpan(15, 55, text[15:55]),
        source=TextSpan(0, 9, "Officials"),
    )
    gold = [
        {
            "source_span": [0, 9],
            "source_text": "Officials",
            "cue_span": [10, 14],
            "cue_text": "said",
            "content_span": [15, 55],
            "direct": False,
        }
    ]
    report = score_span_gold(
        Extraction(make_article(text), (Actor("o", "Officials", ActorType.GROUP),), (statement,)), gold
    )
    assert report.content.f1 == 1.0 and report.end_to_end.f1 == 1.0
    far = [{**gold[0], "source_span": [40, 45]}]
    report = score_span_gold(Extraction(make_article(text), (), (statement,)), far)
    assert report.content.f1 == 1.0 and report.end_to_end.tp == 0
    assert any("wrong source" in e for e in report.errors)


def test_span_errors_list_misses_and_false_alarms():
    from graph.evaluation.spans import score_span_gold

    text = "Officials said the border would stay closed. Egypt denied it."
    statement = Statement(
        "o",
        StatementKind.ASSERT,
        SpeechMode.INDIRECT,
        TextSpan(0, 44, text[:44]),
        content=TextSpan(15, 43, text[15:43]),
        source=TextSpan(0, 9, "Officials"),
    )
    gold = [
        {
            "source_span": [45, 50],
            "source_text": "Egypt",
            "cue_span": [51, 57],
            "cue_text": "denied",
            "content_span": [58, 60],
            "direct": False,
        }
    ]
    report = score_span_gold(Extraction(make_article(text), (), (statement,)), gold)
    assert [e.split(": ")[1] for e in report.errors] == ["missed", "false alarm"]
    assert "[Egypt] denied" in report.errors[0] and "[Officials]" in report.errors[1]


@pytest.fixture(scope="module")
def polnear_metrics():
    return evaluate_span_files([shared_path("eval", "dev", "polnear-dev", "gold.jsonl")]).metrics()


def test_polnear_dev_does_not_fall_below_the_measured_scores(polnear_metrics):
    # Measured on the re-annotated shared gold (speakers of pronoun and description
    # sources added): content F1 0.825, end-to-end F1 0.800, direct-quote end-to-end
    # recall 0.900 (issue 15 asks 0.80 and 0.88). A regression guard a point below.
    assert polnear_metrics["end_to_end_f1"] >= 0.79 and polnear_metrics["content_f1"] >= 0.815
    assert polnear_metrics["direct_end_to_end_recall"] >= 0.885


def test_polnear_dev_meets_the_speaker_identity_target(polnear_metrics):
    # Issue 14: pronoun and description speakers resolved to the right named actor
    # (0.853 of 319 measured: issue 15 found 43 more statements, most with hard speakers).
    assert polnear_metrics["speaker_identity_accuracy"] >= 0.85


def test_polnear_dev_meets_the_issue_targets(polnear_metrics):
    assert polnear_metrics["end_to_end_f1"] >= 0.65 and polnear_metrics["content_f1"] >= 0.75


def test_dev_gold_meets_the_statement_targets():
    gold = shared_path("eval", "dev", "gaza-ceasefire-us-withdraws.gold.json")
    metrics = evaluate_files([gold]).metrics()
    assert metrics["statement_f1"] >= 0.90 and metrics["kind_accuracy"] >= 0.85
    assert metrics["target_recall"] >= 0.75


@pytest.mark.model
def test_our_allsides_gold_keeps_statements_kinds_and_targets():
    # data/gold/allsides-intl: 24 hand-annotated articles (336 statements), measured at
    # statement F1 0.879, kind accuracy 0.979, target precision 0.724. A regression guard.
    gold = sorted((ROOT / "data" / "gold" / "allsides-intl").glob("*.gold.json"))
    metrics = evaluate_files(gold).metrics()
    assert metrics["statement_f1"] >= 0.865 and metrics["kind_accuracy"] >= 0.95
    assert metrics["target_precision"] >= 0.71 and metrics["target_recall"] >= 0.85
