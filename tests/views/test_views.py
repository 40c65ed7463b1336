"""Views without a browser: selection, escaping, self-containment (browser tests are separate)."""

from __future__ import annotations

import json
import os
import re

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.views.html import ViewOptions, view_html, write_view
from graph.views.html.data import ActorNode, Said, StanceEdge, ViewData
from graph.views.html.render import script_json
from graph.views.html.select import cut, select


def actor(name, kind="State", made=0):
    return ActorNode(f"urn:{name}", name, kind, made=[Said(name, "Assert", "words", "", "a", "")] * made)


def edge(a, b, kind="Accuse", n=1):
    return StanceEdge(f"urn:{a}", f"urn:{b}", kind, [Said(a, kind, "w", "2024-01-01", "a", "")] * n)


CHAIN = ViewData(
    {f"urn:{n}": actor(n) for n in "ABCDE"},
    [edge("A", "B"), edge("B", "C"), edge("C", "D"), edge("E", "A", "Support"), edge("B", "E")],
)


def test_ego_network_keeps_the_actor_its_neighbours_and_only_their_edges():
    selection = select(CHAIN, ViewOptions(actor="a"))
    assert set(selection.actors) == {"urn:A", "urn:B", "urn:E"}
    assert {(e.source, e.target) for e in selection.edges} == {("urn:A", "urn:B"), ("urn:E", "urn:A")}
    deeper = select(CHAIN, ViewOptions(actor="A", depth=2))
    assert set(deeper.actors) == {"urn:A", "urn:B", "urn:C", "urn:E"}


def test_unknown_actor_suggests_names():
    with pytest.raises(Exception, match="did you mean: A"):
        select(CHAIN, ViewOptions(actor="Aa"))


def test_max_nodes_keeps_the_most_connected_and_says_what_was_cut():
    selection = cut(select(CHAIN, ViewOptions()), 2)
    assert set(selection.actors) == {"urn:A", "urn:B"}
    assert selection.notes == ["Showing the 2 most connected of 5 actors and 1 of 5 edges (--max-nodes 2)."]


def test_large_views_get_positions_and_no_physics():
    big = ViewData({f"urn:{i}": actor(str(i)) for i in range(40)}, [edge(str(i), str(i + 1)) for i in range(39)])
    selection = select(big, ViewOptions(physics_limit=10))
    assert selection.positions is not None and len(selection.positions) == 40
    assert "positions were computed in advance" in selection.notes[-1]


@given(st.text())
def test_script_json_cannot_break_out_of_its_script_element(text):
    encoded = script_json({"label": text})
    assert not set("<>&") & set(encoded) and "\u2028" not in encoded
    assert json.loads(encoded) == {"label": text}


def test_page_is_self_contained_with_a_strict_policy(tmp_path):
    store = ox.Store()
    page, report = view_html(store, ViewOptions(title='<b>"title"</b>'))
    assert report.nodes == 0
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in policy and "unsafe-eval" not in policy
    assert "<title>&lt;b&gt;&quot;title&quot;&lt;/b&gt;</title>" in page
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        write_view(store, tmp_path / "view.html", ViewOptions())
    finally:
        os.chdir(cwd)
    assert os.listdir(tmp_path) == ["view.html"]  # no lib/ folder, nothing in the working directory


@pytest.fixture(scope="module")
def dated_store():
    from tests.factories import store_from
    from tests.sparql.test_queries import DATASET

    return store_from(DATASET)


def shown(store, **options):
    from graph.views.html import selection_for

    selection = selection_for(store, ViewOptions(**options))
    return sorted(n.label for n in selection.actors.values()), sorted(
        selection.topics.values()
    ) if selection.topic_edges else []


def test_topic_view_follows_narrower_topics_and_shows_topic_nodes(dated_store):
    actors, topics = shown(dated_store, topic="humanitarian")
    assert actors == ["Hamas", "Ismail Haniyeh", "Israel"] and topics == ["blockade"]


def test_date_range_view(dated_store):
    assert shown(dated_store, since="2024-03", asserts=True)[0] == ["Egypt", "Qatar"]
    assert shown(dated_store, until="2024-01-31", asserts=True)[0] == ["Egypt", "Hamas", "Ismail Haniyeh", "Israel"]
    assert shown(dated_store, until="2024-01-31")[0] == ["Hamas", "Israel"]  # stances only: Hamas demands of Israel


def test_query_view_takes_construct_or_select_edges(dated_store):
    construct = "CONSTRUCT { ?a sg:demandsFrom ?b } WHERE { ?a sg:demandsFrom ?b }"
    assert shown(dated_store, query=construct)[0] == ["Hamas", "Israel"]
    select_edges = "SELECT ?source ?target WHERE { ?p sg:holder ?source ; sg:target ?target }"
    assert shown(dated_store, query=select_edges)[0] == ["Hamas", "Israel"]
    with pytest.raises(Exception, match="must return \\?source and \\?target"):
        shown(dated_store, query="SELECT ?x WHERE { ?x a sg:Position }")


def test_topics_flag_adds_topic_nodes(dated_store):
    assert shown(dated_store, topics=True)[1] == ["blockade", "ceasefire", "negotiations"]


MIXED = ViewData(
    {f"urn:{n}": actor(n) for n in "ABCDEF"},
    [edge("A", "B", "Assert", 3), edge("B", "C", "Accuse", 2), edge("D", "E", "Assert"), edge("C", "A", "Support")],
)


def test_the_default_view_draws_stances_only_and_no_isolated_actor():
    selection = select(MIXED, ViewOptions())
    assert {e.kind for e in selection.edges} == {"Accuse", "Support"}
    assert set(selection.actors) == {"urn:A", "urn:B", "urn:C"}  # D, E had assertions only; F nothing
    assert "4 plain assertions are not drawn" in selection.notes[0]
    everything = select(MIXED, ViewOptions(asserts=True))
    assert "Assert" in {e.kind for e in everything.edges} and len(everything.actors) == 6


def test_cutting_to_the_most_connected_leaves_no_isolated_actor():
    star = ViewData(
        {f"urn:{n}": actor(n, made=10 if n in "XY" else 0) for n in "XYZW"},
        [edge("X", "Z", "Accuse", 5), edge("Y", "W", "Accuse", 1)],
    )
    selection = cut(select(star, ViewOptions()), 3)
    linked = {e.source for e in selection.edges} | {e.target for e in selection.edges}
    assert set(selection.actors) == linked and selection.actors


def test_the_page_carries_the_strongest_stances_ranked():
    from graph.views.html.render import page_data

    data = page_data(select(MIXED, ViewOptions()), ViewOptions())
    assert [(r["holder"], r["kind"], r["target"], r["statements"]) for r in data["ranking"]] == [
        ("B", "Accuse", "C", 2),
        ("C", "Support", "A", 1),
    ]
    assert all(r["id"] and r["id"].startswith("e") for r in data["ranking"])
    everything = page_data(select(MIXED, ViewOptions(asserts=True)), ViewOptions())
    assert "Assert" not in {r["kind"] for r in everything["ranking"]}  # the ranking is of stances
    assert data["ranking"][0]["first"] == "2024-01-01"


def test_edges_are_wider_for_more_outlets_than_for_more_copies_and_say_why():
    from graph.views.html.render import edge_info, edge_width, page_data

    def said(outlet, article):
        return Said("A", "Accuse", "w", "2024-01-1" + article[-1], article, "", outlet=outlet)

    one_outlet = StanceEdge("urn:A", "urn:B", "Accuse", [said("Wire", f"a{i}") for i in range(4)])
    four_outlets = StanceEdge("urn:A", "urn:B", "Accuse", [said(o, f"a{i}") for i, o in enumerate("WXYZ")])
    assert (one_outlet.outlets, four_outlets.outlets) == (1, 4)
    assert edge_width(four_outlets) > edge_width(one_outlet) > edge_width(edge("A", "B"))
    assert edge_info(four_outlets, "A", "B")["lines"] == ["4 statements in 4 articles from 4 outlets"]
    assert edge_info(edge("A", "B"), "A", "B")["lines"] == ["1 statement in 1 article"]  # no publisher known
    data = ViewData({f"urn:{n}": actor(n) for n in "AB"}, [one_outlet])
    page = page_data(select(data, ViewOptions()), ViewOptions())
    assert page["ranking"][0]["outlets"] == 1
    assert page["edges"][0]["dates"] == ["2024-01-10", "2024-01-11", "2024-01-12", "2024-01-13"]


def test_the_matrix_counts_stances_by_holder_and_target_and_escapes_names():
    from graph.views.html.matrix import matrix_html

    hostile = ViewData(
        {**MIXED.actors, "urn:<script>x</script>": actor("<script>x</script>")},
        [*MIXED.edges, edge("<script>x</script>", "A", "Accuse", 3)],
    )
    page, actors = matrix_html(hostile, title="t")
    assert actors == 4  # A, B, C and X: the actors of stances, assertions left out
    assert "<script>x</script>" not in page.split("<script>")[0] and "&lt;script&gt;x&lt;/script&gt;" in page
    assert 'title="&lt;script&gt;x&lt;/script&gt; → A: 3 hostile, 0 neutral, 1 friendly"' not in page
    assert 'title="&lt;script&gt;x&lt;/script&gt; → A: 3 hostile, 0 neutral, 0 friendly"' in page
    assert page.count("<script>") == 1 and "script-src &#x27;sha256-" in page


def test_the_timeline_lists_an_actors_statements_by_month_and_escapes_them():
    from graph.views.html.timeline import timeline_html

    dated = ViewData(
        {"urn:A": actor("A"), "urn:B": actor("B")},
        [
            StanceEdge("urn:A", "urn:B", "Accuse", [Said("A", "Accuse", "<b>liars</b>", "2024-01-05", "Head 1", "")]),
            StanceEdge("urn:A", "urn:B", "Support", [Said("A", "Support", "good", "2024-03-01", "Head 2", "")] * 2),
        ],
    )
    page, count = timeline_html(dated, "a", {"Accuse": -1, "Support": 1})
    assert count == 2  # the same words, date and article once
    assert page.index("2024-01") < page.index("2024-03") and "&lt;b&gt;liars&lt;/b&gt;" in page
    assert "<b>liars" not in page and "<script" not in page and "Head 1" in page
    with pytest.raises(Exception, match="did you mean"):
        timeline_html(dated, "Aa", {})
