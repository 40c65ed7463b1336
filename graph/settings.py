"""Settings: one frozen dataclass; CLI flags override an optional config file.

Standard library only.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import ConfigError
from graph.paths import DEFAULT_STORE

DEFAULT_BASE = "https://w3id.org/stancegraph/id/"  # where instance IRIs are minted (DESIGN §3)


@dataclass(frozen=True)
class Settings:
    store: str | Path = DEFAULT_STORE  # a directory, or an http(s) SPARQL endpoint
    model: str | None = None
    workers: int = 1
    strict: bool = False
    gazetteers: tuple[Path, ...] = ()
    topics: tuple[Path, ...] = ()  # extra SKOS topic schemes (Turtle)
    base_iri: str = DEFAULT_BASE
    with_text: bool = True
    batch_size: int = 8  # docs per nlp.pipe batch: 32 peaks ~400 MB higher on long articles, no faster
    write_batch: int = 25
    max_chars: int = 1_000_000
    lang: str = "en"  # "en": skip articles that do not look English; "any": extract everything
    dask: str | None = None  # a Dask scheduler address, or "local"
    validate: bool = False  # SHACL-check each article graph (pySHACL) before writing it
    identity: tuple[Path, ...] = ()  # identity files (JSON): same, distinct, types, aliases, not_actors

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: Path | None) -> Settings:
    """Settings from a TOML file (section [stancegraph] or top level); unknown keys are an error."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    data = data.get("stancegraph", data)
    valid = {f.name for f in dataclasses.fields(Settings)}
    unknown = sorted(set(data) - valid)
    if unknown:
        raise ConfigError(f"{path}: unknown keys {', '.join(unknown)}; valid keys: {', '.join(sorted(valid))}")
    if "store" in data and not str(data["store"]).startswith(("http://", "https://")):
        data["store"] = Path(data["store"])
    if isinstance(data.get("identity"), str):
        data["identity"] = [data["identity"]]  # identity = "corrections.json": one file
    for key in ("gazetteers", "topics", "identity"):
        if key in data:
            data[key] = tuple(Path(p) for p in data[key])
    return Settings(**data)
