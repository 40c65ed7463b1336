"""Repeated text counted once: a statement syndicated to several outlets, or a boilerplate
paragraph an outlet repeats, is one statement with several reports; counts of positions
and pair stances count distinct statements and distinct outlets (issue 20)."""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.rdf.mapping import extraction_triples
from graph.rdf.terms import term_text
from graph.records import StatementKind
from graph.sparql.library import load_query
from graph.sparql.run import run_query
from graph.store.consolidate import Said, copies, words_of
from graph.store.derived import refresh_derived
from graph.store.stats import store_stats
from graph.store.write import clean_up
from tests.factories import MINTER, RUN, actor, extraction, said, store_from

IRAN, US = actor("wd:Q794", "Iran"), actor("wd:Q30", "United States")
WARNING = "Iran warned that the United States would pay a heavy price for any attack on its ships in the Gulf."


def story(body: str, outlet: str, day: str, number: int):
    text = f"Story {number}\n\n{body}"
    statement = said(body, "wd:Q794", StatementKind.WARN, start=len(text) - len(body), targets=("wd:Q30",))
    return extraction(text, [IRAN, US], [statement], source=outlet, published=day, url=f"https://e.org/{number}")


def pair_row(store):
    result = run_query(store, load_query("strongest-stances").text)
    names = [v.value for v in result.variables]
    rows = [{n: term_text(s[n]) for n in names} for s in result]
    rows = [r for r in rows if r["holder"] == "Iran" and r["kind"] == "Warn"]
    assert len(rows) == 1
    return rows[0]


def test_a_syndicated_statement_is_one_statement_reported_by_each_outlet():
    edited = WARNING.replace("any attack", "an attack")  # the same wire copy, lightly edited
    store = store_from(
        [
            story(WARNING, "Reuters", "2019-06-14", 1),
            story(WARNING, "Daily Mail", "2019-06-14", 2),
            story(edited, "The Hill", "2019-06-15", 3),
        ]
    )
    assert store_stats(store).statements == 3 and store_stats(store).copies == 2
    row = pair_row(store)
    assert (row["statements"], row["outlets"], row["first"], row["last"]) == ("1", "3", "2019-06-14", "2019-06-15")


def test_an_outlets_boilerplate_paragraph_counts_once_and_as_one_outlet():
    store = store_from([story(WARNING, "The Flip Side", f"2019-07-0{n}", n) for n in range(1, 5)])
    row = pair_row(store)
    assert (row["statements"], row["outlets"]) == ("1", "1")
    assert store_stats(store).copies == 3


def test_different_words_or_speakers_stay_apart():
    other = "Iran said the United States had no right to be in the Gulf and warned it to leave."
    store = store_from([story(WARNING, "Reuters", "2019-06-14", 1), story(other, "AP", "2019-06-14", 2)])
    assert store_stats(store).copies == 0 and pair_row(store)["statements"] == "2"
    found = copies([Said("s:1", "a", "Warn", WARNING, ""), Said("s:2", "b", "Warn", WARNING, "")])
    assert found == {}  # the same words from two speakers are two statements
    assert copies([Said("s:1", "a", "Warn", "No.", ""), Said("s:2", "a", "Warn", "no", "")]) == {"s:2": "s:1"}


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from([WARNING, WARNING.upper(), WARNING + " he said", "Iran denied it."]), min_size=1, max_size=8
    )
)
def test_copies_point_to_one_canonical_statement_of_the_same_words(texts):
    statements = [Said(f"s:{n}", "x", "Warn", text, f"2019-06-{10 + n}") for n, text in enumerate(texts)]
    found = copies(statements)
    canonical = set(found.values())
    assert not canonical & set(found)  # a canonical statement is never itself a copy
    by_iri = {s.iri: s for s in statements}
    for copy, first in found.items():
        assert by_iri[first].date <= by_iri[copy].date
        pair = {by_iri[copy].words, by_iri[first].words}
        assert len(pair) == 1 or "Iran denied it." not in pair  # never a different statement
    distinct = {words_of(t) for t in texts}
    assert len(statements) - len(found) <= len(distinct)  # identical words always merge


def derived_quads(store) -> set:
    return set(store.quads_for_pattern(None, None, None, ox.NamedNode(str(MINTER.graph("derived")))))


def test_the_derived_graph_is_rewritten_only_where_it_changed():
    """Subject by subject: a second refresh writes nothing; dropping an article's graph
    removes the counts and the pair stance only it supported, and changes the rest to
    what a store built without it holds."""
    stories = [story(WARNING, "Reuters", "2019-06-14", 1), story(WARNING, "Daily Mail", "2019-06-15", 2)]
    lone = extraction(
        "Story 3\n\nIran criticised the United States.",
        [IRAN, US],
        [said("Iran criticised the United States.", "wd:Q794", StatementKind.CRITICIZE, start=9, targets=("wd:Q30",))],
        source="AP",
        url="https://e.org/3",
    )
    store = store_from([*stories, lone])
    assert refresh_derived(store, MINTER) == 0
    without = store_from(stories)
    store.update(f"DROP GRAPH <{extraction_triples(lone, RUN, MINTER).graph_iri}>")
    clean_up(store, MINTER)
    assert derived_quads(store) == derived_quads(without)
    assert refresh_derived(store, MINTER) == 0
