"""Counts and the scores derived from them (precision, recall, F1, accuracy), and
reports that add up field by field over many gold files."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass
class Score:
    """Counts for one metric; precision/recall/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class Ratio:
    """Hits out of a total; ``value`` is 0.0 when there is nothing to count."""

    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def add(self, other: Ratio) -> None:
        self.hit, self.total = self.hit + other.hit, self.total + other.total


class Summable:
    """A report whose fields are Scores, Ratios, lists or dicts of Scores or Ratios adds
    up field by field."""

    def add(self, other: Summable) -> None:
        for item in fields(self):  # type: ignore[arg-type]
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if isinstance(mine, list):
                mine.extend(theirs)
            elif isinstance(mine, dict):
                for key, score in theirs.items():
                    mine.setdefault(key, type(score)()).add(score)
            else:
                mine.add(theirs)
