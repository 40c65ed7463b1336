"""Scoring extractions against label gold (``*.gold.json``; ../shared/eval/README.md §1).

Pure functions over ``Extraction`` records and the gold JSON: no store, no RDF.
Names are compared after NFKC, casefold, punctuation removal and a leading "the".

Over the matched statements, besides the eval README's kind accuracy and target recall:
per extracted kind K, the share of statements given K whose gold kind list holds K
(``kind_precision_K``, over ``kind_count_K`` statements), and target precision: of the
statements with extracted targets whose gold gives targets, the share whose targets are
all gold targets (``target_precision`` over ``target_count``). Reports add up, so
several gold files pool into one micro-averaged report.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import GoldFileError
from graph.evaluation.scores import Ratio, Score, Summable
from graph.knowledge.text import normalise
from graph.records import Actor, Extraction, Statement

NOT_COUNTED_TYPES = {"Territory"}


@dataclass
class LabelReport(Summable):
    actors: Score = field(default_factory=Score)
    actor_types: Ratio = field(default_factory=Ratio)
    affiliations: Ratio = field(default_factory=Ratio)
    statements: Score = field(default_factory=Score)
    kinds: Ratio = field(default_factory=Ratio)
    targets: Ratio = field(default_factory=Ratio)
    per_kind: dict[str, Score] = field(default_factory=dict)  # statements scored per kind
    kind_hits: dict[str, Ratio] = field(default_factory=dict)  # matched statements by extracted kind
    target_precision: Ratio = field(default_factory=Ratio)  # matched, extracted and gold targets
    not_actors_found: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int]:
        return {
            "actor_precision": self.actors.precision,
            "actor_recall": self.actors.recall,
            "actor_f1": self.actors.f1,
            "type_accuracy": self.actor_types.value,
            "affiliation_recall": self.affiliations.value,
            "statement_precision": self.statements.precision,
            "statement_recall": self.statements.recall,
            "statement_f1": self.statements.f1,
            "kind_accuracy": self.kinds.value,
            "target_recall": self.targets.value,
            "target_precision": self.target_precision.value,
            "target_count": self.target_precision.total,
            "not_actors_found": len(self.not_actors_found),
            **self.kind_precisions(),
        }

    def kind_precisions(self) -> dict[str, float | int]:
        """``kind_precision_K`` and ``kind_count_K`` for each kind K the extractor gave
        a matched statement: the share of them whose gold kind list includes K, and
        how many there were."""
        out: dict[str, float | int] = {}
        for kind, ratio in sorted(self.kind_hits.items()):
            out[f"kind_precision_{kind}"] = ratio.value
            out[f"kind_count_{kind}"] = ratio.total
        return out

    def kind_table(self) -> dict[str, dict[str, float | int]]:
        """Precision, recall and F1 of each statement kind (a statement of the right
        speaker and evidence but the wrong kind is a false alarm for its kind and a
        miss for the gold kind)."""
        table: dict[str, dict[str, float | int]] = {
            kind: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "gold": s.tp + s.fn}
            for kind, s in sorted(self.per_kind.items())
        }
        for kind, ratio in sorted(self.kind_hits.items()):
            row = table.setdefault(kind, {})
            row |= {"matched_precision": ratio.value, "matched": ratio.total}
        return table

    def count_kind(self, kind: str, outcome: str) -> None:
        score = self.per_kind.setdefault(kind, Score())
        setattr(score, outcome, getattr(score, outcome) + 1)


def names_of(actor: Actor) -> set[str]:
    return {normalise(n) for n in (actor.label, *actor.alt_labels)} - {""}


def gold_names(item: dict) -> set[str]:
    return {normalise(n) for n in (item["label"], *item.get("aliases", []))} - {""}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldFileError(f"{path}: cannot read gold file: {exc}") from None
    missing = [k for k in ("document", "actors", "statements") if k not in gold]
    if missing:
        raise GoldFileError(f"{path}: not label gold, missing {', '.join(missing)} (see eval/README.md)")
    return gold


def match_actors(extraction: Extraction, gold: dict, report: LabelReport) -> dict[str, dict]:
    """Score actors one-to-one; returns extracted key -> matched gold actor."""
    golds = gold["actors"]
    not_actors = {normalise(s) for s in gold.get("not_actors", [])}
    matched: dict[str, dict] = {}
    used: set[int] = set()
    for actor in extraction.actors:
        names = names_of(actor)
        if names & not_actors:
            report.actors.fp += 1
            report.not_actors_found.append(actor.label)
            report.errors.append(f"actor false alarm (listed in not_actors): {actor.label}")
            continue
        index = next((i for i, g in enumerate(golds) if gold_names(g) & names), None)
        if index is None or index in used:
            report.actors.fp += 1
            report.errors.append(
                f"actor false alarm{' (duplicate)' if index is not None else ''}: "
                f"{actor.label} [{actor.actor_type.value}]"
            )
            continue
        used.add(index)
        if golds[index]["type"] in NOT_COUNTED_TYPES:
            continue
        matched[actor.key] = golds[index]
        report.actors.tp += 1
        report.actor_types.total += 1
        if actor.actor_type.value == golds[index]["type"]:
            report.actor_types.hit += 1
        else:
            report.errors.append(f"actor type: {actor.label} is {actor.actor_type.value}, gold {golds[index]['type']}")
    for i, g in enumerate(golds):
        if i not in used and not g.get("optional") and g["type"] not in NOT_COUNTED_TYPES:
            report.actors.fn += 1
            report.errors.append(f"actor missed: {g['label']} [{g['type']}]")
    return matched


def score_affiliations(extraction: Extraction, gold: dict, matched: dict[str, dict], report: LabelReport) -> None:
    actors = {a.key: a for a in extraction.actors}
    by_gold = {m["label"]: key for key, m in matched.items()}
    for item in gold.get("affiliations", []):
        key = by_gold.get(item["member"])
        actor = actors.get(key) if key else None
        if actor is None:
            ok = False
        elif item.get("of") is None:
            ok = actor.affiliation is None
        else:
            target = actors.get(actor.affiliation) if actor.affiliation else None
            ok = target is not None and normalise(item["of"]) in (
                names_of(target) | (gold_names(matched[target.key]) if target.key in matched else set())
            )
        if ok or not item.get("optional"):
            report.affiliations.total += 1
            report.affiliations.hit += ok
            if not ok:
                report.errors.append(f"affiliation missed: {item['member']} -> {item.get('of')}")


def speaker_names(statement: Statement, actors: dict[str, Actor]) -> set[str]:
    keys = [statement.speaker] + ([statement.on_behalf_of] if statement.on_behalf_of else [])
    return {n for k in keys if k in actors for n in names_of(actors[k])}


def gold_speaker_names(item: dict, gold: dict) -> set[str]:
    wanted = {normalise(item["speaker"]), *(normalise(a) for a in item.get("accept", []))}
    for actor in gold["actors"]:
        if normalise(actor["label"]) in wanted:
            wanted |= gold_names(actor)
    return wanted


def evidence_matches(statement: Statement, item: dict) -> bool:
    evidence, said = squash(item["evidence"]), squash(statement.evidence.text)
    if evidence in said:
        return True
    words = [s for s in (*statement.quote, statement.content) if s is not None and len(s.text) > 10]
    return any(squash(s.text) in evidence for s in words)


def best_match(free: list[Statement], item: dict, gold: dict, actors: dict[str, Actor]) -> Statement | None:
    """The first free statement with the gold evidence whose speaker (or the actor it
    speaks for) is the gold speaker or an accepted one; a statement whose own speaker is
    the gold speaker is preferred over one matched through the actor it speaks for or
    through ``accept`` (so a nested "according to" statement does not take the place of
    the statement it reports)."""
    wanted = gold_speaker_names(item, gold)
    own = gold_speaker_names({"speaker": item["speaker"]}, gold)
    found = [s for s in free if evidence_matches(s, item) and speaker_names(s, actors) & wanted]

    def rank(statement: Statement) -> int:
        speaker = actors.get(statement.speaker)
        if speaker is not None and names_of(speaker) & own:
            return 0
        return 1 if speaker_names(statement, actors) & own else 2

    return min(found, key=rank, default=None)


def match_statements(extraction: Extraction, gold: dict, report: LabelReport) -> None:
    actors = {a.key: a for a in extraction.actors}
    free = list(extraction.statements)
    ordered = sorted(gold["statements"], key=lambda g: bool(g.get("optional")))
    for item in ordered:
        found = best_match(free, item, gold, actors)
        if found is None:
            if not item.get("optional"):
                report.statements.fn += 1
                report.count_kind(item["kind"][0], "fn")
                report.errors.append(f"statement missed: {item['speaker']}: {item['evidence'][:70]}")
            continue
        free.remove(found)
        report.statements.tp += 1
        score_kind(found, item, report)
        score_targets(found, item, actors, gold, report)
    for statement in free:
        report.statements.fp += 1
        report.count_kind(statement.kind.value, "fp")
        speaker = actors[statement.speaker].label if statement.speaker in actors else statement.speaker
        report.errors.append(f"statement false alarm: {speaker}: {statement.evidence.text[:70]}")


def score_kind(found: Statement, item: dict, report: LabelReport) -> None:
    """Kind accuracy, per-kind scores and per-kind precision of one matched statement."""
    kind, right = found.kind.value, found.kind.value in item["kind"]
    report.kinds.total += 1
    report.kinds.hit += right
    hits = report.kind_hits.setdefault(kind, Ratio())
    hits.total += 1
    hits.hit += right
    if right:
        report.count_kind(kind, "tp")
        return
    report.errors.append(f"statement kind: {item['speaker']} {kind}, gold {item['kind']}")
    report.count_kind(kind, "fp")
    report.count_kind(item["kind"][0], "fn")


def score_targets(found: Statement, item: dict, actors: dict[str, Actor], gold: dict, report: LabelReport) -> None:
    """Target recall (each gold target found; ``targets_optional`` ones only when found)
    and target precision (the extracted targets all among the gold targets) of one
    matched statement; statements whose gold gives no targets are not counted."""
    targets = item.get("targets", [])
    wanted = [gold_speaker_names({"speaker": t}, gold) for t in targets]
    have = {n for k in found.targets if k in actors for n in names_of(actors[k])}
    for target, names in zip(targets, wanted):
        ok = bool(names & have)
        if ok or not item.get("targets_optional"):
            report.targets.total += 1
            report.targets.hit += ok
            if not ok:
                report.errors.append(f"target missed: {item['speaker']} -> {target}")
    extracted = [actors[k] for k in found.targets if k in actors]
    if not targets or not extracted:
        return
    stray = [a.label for a in extracted if not any(names_of(a) & names for names in wanted)]
    report.target_precision.total += 1
    report.target_precision.hit += not stray
    if stray:
        report.errors.append(
            f"target false alarm: {item['speaker']} -> {', '.join(stray)}, gold {targets} ({item['evidence'][:50]})"
        )


def score_label_gold(extraction: Extraction, gold: dict) -> LabelReport:
    """Score one article's extraction against its label gold."""
    report = LabelReport()
    matched = match_actors(extraction, gold, report)
    score_affiliations(extraction, gold, matched, report)
    match_statements(extraction, gold, report)
    return report
