"""Scoring against span gold (``gold.jsonl``, PolNeAR; eval README §2).

A statement matches a gold attribution when its content span overlaps the gold
content by at least half of the shorter span; end-to-end also needs the source
span to overlap (or, with no source span, the speaker's label to occur in the
gold source text). One-to-one, greedy by overlap. Pure functions.

Speaker identity (gold statements with a ``speaker`` key, eval README §2), over the
statements matched by content: with a named gold speaker, the statement's speaker
(or, for an anonymous one, the actor it speaks for) must have it as label or alt label
(``speaker_identity_accuracy``); with ``speaker: null``, the speaker must not be a
named actor: an AnonymousSource, a Group, or unresolved (``null_speaker_accuracy``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.evaluation.scores import Ratio, Score, Summable
from graph.knowledge.text import normalise
from graph.records import Actor, ActorType, Extraction, SpeechMode, Statement

# Speakers that do not identify one actor: right for gold ``speaker: null``.
UNNAMED_TYPES = (ActorType.ANONYMOUS_SOURCE, ActorType.GROUP)


@dataclass
class SpanReport(Summable):
    content: Score = field(default_factory=Score)
    end_to_end: Score = field(default_factory=Score)
    direct_content: Score = field(default_factory=Score)
    direct_end_to_end: Score = field(default_factory=Score)
    speaker_identity: Ratio = field(default_factory=Ratio)  # named gold speaker, matched statements
    null_speaker: Ratio = field(default_factory=Ratio)  # gold speaker null, matched statements
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name in ("content", "end_to_end", "direct_content", "direct_end_to_end"):
            score = getattr(self, name)
            out |= {f"{name}_precision": score.precision, f"{name}_recall": score.recall, f"{name}_f1": score.f1}
        out |= {
            "speaker_identity_accuracy": self.speaker_identity.value,
            "speaker_identity_count": self.speaker_identity.total,
            "null_speaker_accuracy": self.null_speaker.value,
            "null_speaker_count": self.null_speaker.total,
        }
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


def match(statements: list[Statement], gold: list[dict], actors: dict[str, Actor], speaker: bool) -> dict[int, int]:
    """Greedy one-to-one matching by overlap: statement index -> gold index."""
    pairs = sorted(
        ((content_overlap(s, g), i, j) for i, s in enumerate(statements) for j, g in enumerate(gold)), reverse=True
    )
    matched: dict[int, int] = {}
    for shared, i, j in pairs:
        if shared == 0:
            break
        if i in matched or j in matched.values() or (speaker and not source_matches(statements[i], gold[j], actors)):
            continue
        matched[i] = j
    return matched


def scored(hits: int, found: int, wanted: int) -> Score:
    return Score(tp=hits, fp=found - hits, fn=wanted - hits)


def snippet(text: str, start: int, end: int, width: int = 90) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= width else piece[: width // 2 - 2] + " … " + piece[-(width // 2 - 2) :]


def describe_gold(text: str, item: dict) -> str:
    mode = "direct" if item.get("direct") else "indirect"
    return (
        f"[{item.get('source_text', '?')}] {item.get('cue_text', '?')} ({mode}) "
        f"«{snippet(text, *item['content_span'])}»"
    )


def describe_statement(statement: Statement, actors: dict[str, Actor]) -> str:
    actor = actors.get(statement.speaker)
    source = statement.source.text if statement.source else f"~{actor.label if actor else statement.speaker}"
    cue = statement.cue.text if statement.cue else "-"
    content = " ".join(statement.content.text.split()) if statement.content else ""
    content = content if len(content) <= 90 else content[:43] + " … " + content[-43:]
    return f"[{source}] {cue} ({statement.mode}) «{content}»"


def span_errors(
    extraction: Extraction, statements: list[Statement], gold: list[dict], actors: dict[str, Actor]
) -> list[str]:
    """Misses, false alarms and wrong speakers, for --show-errors."""
    text, name = extraction.article.text, extraction.article.path or extraction.article.article_id
    loose, strict = match(statements, gold, actors, False), match(statements, gold, actors, True)
    errors = []
    for i, j in loose.items():
        if i not in strict and j not in strict.values():
            errors.append(
                f"{name}: wrong source: {describe_statement(statements[i], actors)} gold {describe_gold(text, gold[j])}"
            )
    found = set(loose.values()) | set(strict.values())
    errors += [f"{name}: missed: {describe_gold(text, g)}" for j, g in enumerate(gold) if j not in found]
    errors += [
        f"{name}: false alarm: {describe_statement(s, actors)}"
        for i, s in enumerate(statements)
        if i not in loose and i not in strict
    ]
    return errors


def speaker_names(statement: Statement, actors: dict[str, Actor]) -> set[str]:
    """Normalised labels and alt labels of the speaker, and, for an anonymous speaker
    (a spokesperson), of the actor it speaks for."""
    speaker = actors.get(statement.speaker)
    found = [speaker]
    if speaker is None or speaker.actor_type is ActorType.ANONYMOUS_SOURCE:
        found.append(actors.get(statement.on_behalf_of or ""))
    return {normalise(n) for actor in found if actor for n in (actor.label, *actor.alt_labels)}


def speaker_text(statement: Statement, actors: dict[str, Actor]) -> str:
    actor = actors.get(statement.speaker)
    text = f"{actor.label!r} ({actor.actor_type})" if actor else f"unresolved {statement.speaker!r}"
    behalf = actors.get(statement.on_behalf_of or "")
    return f"{text} for {behalf.label!r}" if behalf else text


def score_speakers(
    extraction: Extraction,
    statements: list[Statement],
    gold: list[dict],
    actors: dict[str, Actor],
    report: SpanReport,
) -> None:
    """Speaker identity over the statements matched by content to gold that has ``speaker``."""
    text, name = extraction.article.text, extraction.article.path or extraction.article.article_id
    for i, j in sorted(match(statements, gold, actors, False).items()):
        if "speaker" not in gold[j]:
            continue
        statement, wanted = statements[i], gold[j]["speaker"]
        if wanted is None:
            actor = actors.get(statement.speaker)
            right = actor is None or actor.actor_type in UNNAMED_TYPES
            report.null_speaker.add(Ratio(int(right), 1))
            if not right:
                report.errors.append(
                    f"{name}: speaker should be unnamed: extracted {speaker_text(statement, actors)} "
                    f"gold {describe_gold(text, gold[j])}"
                )
            continue
        right = normalise(wanted) in speaker_names(statement, actors)
        report.speaker_identity.add(Ratio(int(right), 1))
        if not right:
            report.errors.append(
                f"{name}: wrong speaker identity: gold {wanted!r} extracted {speaker_text(statement, actors)} "
                f"gold {describe_gold(text, gold[j])}"
            )


def score_span_gold(extraction: Extraction, gold_statements: list[dict]) -> SpanReport:
    actors = {a.key: a for a in extraction.actors}
    statements = list(extraction.statements)
    direct = [s for s in statements if s.mode is SpeechMode.DIRECT]
    gold_direct = [g for g in gold_statements if g.get("direct")]
    report = SpanReport()
    for name, mine, theirs in (("content", statements, gold_statements), ("direct_content", direct, gold_direct)):
        setattr(report, name, scored(len(match(mine, theirs, actors, False)), len(mine), len(theirs)))
    for name, mine, theirs in (("end_to_end", statements, gold_statements), ("direct_end_to_end", direct, gold_direct)):
        setattr(report, name, scored(len(match(mine, theirs, actors, True)), len(mine), len(theirs)))
    report.errors = span_errors(extraction, statements, gold_statements, actors)
    score_speakers(extraction, statements, gold_statements, actors, report)
    return report
