"""The cue lexicon: speech cues -> statement kinds, read from ``data/lexicon``.

Plain data, no spaCy: the statement component matches these entries against
lemmas and dependents.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import ConfigError
from graph.paths import CUE_LEXICON
from graph.records import StatementKind

VALID_FLAGS = ("weak", "belief", "prep", "target=dobj", "target=pobj")


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]  # lemmas; words[0] is the head word
    kind: StatementKind
    weak: bool = False  # needs a clausal complement or a quote to count
    belief: bool = False
    prep: bool = False  # the head word is a preposition ("according to")
    target_dep: str | None = None


def parse_cue_line(line: str, where: str) -> Cue:
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 2:
        raise ConfigError(f"{where}: expected 'cue<TAB>kind[<TAB>flags]', got {line.strip()!r}")
    words, kind_name = parts[0].split(), parts[1].strip()
    try:
        kind = StatementKind(kind_name)
    except ValueError:
        valid = ", ".join(k.value for k in StatementKind)
        raise ConfigError(f"{where}: unknown kind {kind_name!r}; expected one of {valid}") from None
    flags = [f.strip() for f in parts[2].split(",")] if len(parts) > 2 and parts[2].strip() else []
    unknown = [f for f in flags if f not in VALID_FLAGS]
    if unknown or not words:
        raise ConfigError(f"{where}: unknown flags {unknown}; expected some of {', '.join(VALID_FLAGS)}")
    target = next((f.split("=")[1] for f in flags if f.startswith("target=")), None)
    return Cue(tuple(w.lower() for w in words), kind, "weak" in flags, "belief" in flags,
               "prep" in flags, target)


@lru_cache(maxsize=8)
def load_cues(path: Path = CUE_LEXICON) -> dict[str, tuple[Cue, ...]]:
    """Cues indexed by head lemma, longest first."""
    index: dict[str, list[Cue]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cue = parse_cue_line(line, f"{path}:{number}")
        index.setdefault(cue.words[0], []).append(cue)
    return {head: tuple(sorted(cues, key=lambda c: -len(c.words))) for head, cues in index.items()}
