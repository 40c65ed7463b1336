"""IRI minting: every instance IRI is a hash of a versioned, normalised key.

Deterministic (the same thing always gets the same IRI, so re-ingesting changes
nothing and merging stores is a set union) and injective in practice (128 bits).
No blank nodes are ever minted.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from rdflib import URIRef

from graph.rdf.vocab import DEFAULT_BASE
from graph.records import RunInfo, Statement

IRI_VERSION = "v1"


def key_hash(kind: str, key: str) -> str:
    """128-bit hash of a versioned key: deterministic, and injective in practice."""
    return hashlib.sha256(f"{IRI_VERSION}\x1f{kind}\x1f{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Minter:
    """Mints every instance IRI under one base."""

    base: str = DEFAULT_BASE

    def iri(self, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{key_hash(kind, key)}")

    def article(self, article_id: str) -> URIRef:
        return self.iri("article", article_id)

    def article_graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/article/{key_hash('article', article_id)}")

    def graph(self, name: str) -> URIRef:
        return URIRef(f"{self.base}graph/{name}")

    def actor(self, key: str) -> URIRef:
        if key.startswith("wd:"):
            return URIRef(f"{self.base}actor/wd/{key[3:]}")
        return self.iri("actor", key)

    def statement(self, article_id: str, statement: Statement) -> URIRef:
        content = statement.content or statement.evidence
        key = "|".join(
            map(
                str,
                (
                    article_id,
                    statement.speaker,
                    statement.on_behalf_of or "",
                    statement.kind,
                    statement.cue.start if statement.cue else -1,
                    content.start,
                    content.end,
                    statement.evidence.start,
                ),
            )
        )
        return self.iri("statement", key)

    def position(self, holder: str, kind: str, target: str | None, topic: str | None) -> URIRef:
        return self.iri("position", f"{holder}|{kind}|{target or ''}|{topic or ''}")

    def membership(self, actor: str, role: str) -> URIRef:
        """An actor's membership in a role (``org:Membership``), one per actor and role."""
        return self.iri("membership", f"{actor}|{role.casefold()}")

    def role(self, role: str) -> URIRef:
        """A role (``org:Role``) by its title, case-insensitive ("Foreign Secretary")."""
        return self.iri("role", role.casefold())

    def run(self, run: RunInfo) -> URIRef:
        return self.iri("run", f"{run.tool_version}|{run.model_name}|{run.model_version}")
