"""Shared positions are found at build time (``sg:SharedPosition`` in the derived graph):
the ``shared-positions`` report reads them instead of grouping every position (issue 20)."""

from __future__ import annotations

from graph.rdf.mapping import extraction_triples
from graph.rdf.terms import term_text
from graph.records import ActorType, StatementKind
from graph.sparql.library import load_query
from graph.sparql.run import run_query
from graph.store.derived import refresh_derived
from graph.store.write import clean_up
from tests.factories import MINTER, RUN, actor, extraction, said, store_from

IRAN, ISRAEL, US = actor("wd:Q794", "Iran"), actor("wd:Q801", "Israel"), actor("wd:Q30", "United States")


def criticism(number: int, speaker, target):
    body = f"{speaker.label} criticised the {target.label}."
    text = f"Story {number}\n\n{body}"
    statement = said(body, speaker.key, StatementKind.CRITICIZE, start=len(text) - len(body), targets=(target.key,))
    return extraction(text, [speaker, target], [statement], url=f"https://e.org/{number}")


def shared(store) -> list[tuple[str, str, str, str]]:
    result = run_query(store, load_query("shared-positions").text)
    return [tuple(term_text(s[n]) for n in ("kind", "about", "holders", "count")) for s in result]


def test_two_actors_criticising_one_target_share_a_position_until_one_article_goes():
    lone = criticism(2, ISRAEL, US)
    store = store_from([criticism(1, IRAN, US), lone])
    (row,) = shared(store)
    assert row[:2] == ("Criticize", "United States / -") and row[3] == "2"
    assert sorted(row[2].split("; ")) == ["Iran", "Israel"]
    assert refresh_derived(store, MINTER) == 0  # in step: nothing to rewrite
    store.update(f"DROP GRAPH <{extraction_triples(lone, RUN, MINTER).graph_iri}>")
    clean_up(store, MINTER)
    assert shared(store) == []  # one holder left: no longer shared


def test_two_targets_with_one_name_are_two_positions_not_one_shared_one():
    """Two armies both called "Army" (article-scoped groups): criticising one is not
    sharing a position with whoever criticises the other."""
    first = actor("name:group:army@1", "Army", ActorType.GROUP)
    second = actor("name:group:army@2", "Army", ActorType.GROUP)
    store = store_from([criticism(1, IRAN, first), criticism(2, ISRAEL, second)])
    assert shared(store) == []
