"""Scoring against span gold (``gold.jsonl``, PolNeAR; eval README §2).

A statement matches a gold attribution when its content span overlaps the gold
content by at least half of the shorter span; end-to-end also needs the source
span to overlap (or, with no source span, the speaker's label to occur in the
gold source text). One-to-one, greedy by overlap. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.evaluate import Score, Summable
from graph.records import Actor, Extraction, SpeechMode, Statement


@dataclass
class SpanReport(Summable):
    content: Score = field(default_factory=Score)
    end_to_end: Score = field(default_factory=Score)
    direct_content: Score = field(default_factory=Score)
    direct_end_to_end: Score = field(default_factory=Score)
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        out = {}
        for name in ("content", "end_to_end", "direct_content", "direct_end_to_end"):
            score = getattr(self, name)
            out |= {f"{name}_precision": score.precision, f"{name}_recall": score.recall, f"{name}_f1": score.f1}
        return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def content_overlap(statement: Statement, item: dict) -> int:
    """Overlap in characters when it reaches half of the shorter span, else 0."""
    if statement.content is None:
        return 0
    mine, theirs = (statement.content.start, statement.content.end), tuple(item["content_span"])
    shared = overlap(mine, theirs)
    shorter = min(mine[1] - mine[0], theirs[1] - theirs[0])
    return shared if shorter > 0 and shared * 2 >= shorter else 0


def source_matches(statement: Statement, item: dict, actors: dict[str, Actor]) -> bool:
    if statement.source is not None:
        return overlap((statement.source.start, statement.source.end), tuple(item["source_span"])) > 0
    actor = actors.get(statement.speaker)
    text = item.get("source_text", "").casefold()
    names = (actor.label, *actor.alt_labels) if actor else ()
    return any(len(n) > 2 and n.casefold() in text for n in names)


def match(statements: list[Statement], gold: list[dict], actors: dict[str, Actor], speaker: bool) -> int:
    """Greedy one-to-one matching by overlap; returns the number of matches."""
    pairs = sorted(((content_overlap(s, g), i, j) for i, s in enumerate(statements) for j, g in enumerate(gold)),
                   reverse=True)
    used_s, used_g, hits = set(), set(), 0
    for shared, i, j in pairs:
        if shared == 0:
            break
        if i in used_s or j in used_g or (speaker and not source_matches(statements[i], gold[j], actors)):
            continue
        used_s.add(i)
        used_g.add(j)
        hits += 1
    return hits


def scored(hits: int, found: int, wanted: int) -> Score:
    return Score(tp=hits, fp=found - hits, fn=wanted - hits)


def score_span_gold(extraction: Extraction, gold_statements: list[dict]) -> SpanReport:
    actors = {a.key: a for a in extraction.actors}
    statements = list(extraction.statements)
    direct = [s for s in statements if s.mode is SpeechMode.DIRECT]
    gold_direct = [g for g in gold_statements if g.get("direct")]
    report = SpanReport()
    for name, mine, theirs in (("content", statements, gold_statements), ("direct_content", direct, gold_direct)):
        setattr(report, name, scored(match(mine, theirs, actors, False), len(mine), len(theirs)))
    for name, mine, theirs in (("end_to_end", statements, gold_statements),
                               ("direct_end_to_end", direct, gold_direct)):
        setattr(report, name, scored(match(mine, theirs, actors, True), len(mine), len(theirs)))
    return report
