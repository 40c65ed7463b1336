"""The public Python API (``import graph``) on the sample store."""

from __future__ import annotations

import inspect

import pandas as pd
import pytest

import graph
from graph import api

pytestmark = pytest.mark.model


def test_all_lists_exactly_the_public_api():
    public = {
        n
        for n, f in inspect.getmembers(api, inspect.isfunction)
        if f.__module__ == "graph.api" and not n.startswith("_")
    }
    assert set(graph.__all__) == {"__version__", *public}
    for name in graph.__all__:
        assert getattr(graph, name) is not None and (name == "__version__" or getattr(graph, name).__doc__)


def test_api_names_are_not_shadowed_by_submodules():
    import graph.rdf.shacl
    import graph.sparql.run

    assert callable(graph.query) and callable(graph.validate) and callable(graph.evaluate) and callable(graph.build)


def test_networkx_graph_has_one_edge_per_statement_with_a_target(sample_store_dir):
    store = graph.open_store(sample_store_dir)
    g = graph.to_networkx(store)
    with_target = graph.query(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:Statement ; sg:target ?t }")
    assert g.number_of_edges() == with_target["n"][0] > 5
    u, v, key, data = next(iter(g.edges(keys=True, data=True)))
    assert key.startswith("https://w3id.org/stancegraph/id/statement/") and data["kind"] and data["evidence"]
    body = graph.query(store, "SELECT ?b WHERE { ?a schema:articleBody ?b }")["b"][0]
    assert all(body[d["start"] : d["end"]] == d["evidence"] for _, _, d in g.edges(data=True))
    assert g.nodes[u]["label"] and g.nodes[v]["type"]


def test_query_returns_a_typed_dataframe(sample_store_dir):
    store = graph.open_store(sample_store_dir)
    frame = graph.query(store, name="hostility", kindFilter="Accuse")
    assert isinstance(frame, pd.DataFrame) and sorted(frame["who"]) == ["China", "Russia"]
    assert frame["statements"].tolist() == [1, 1]
    with pytest.raises(ValueError):
        graph.query(store)


def test_rdflib_view_and_stats_agree_with_the_store(sample_store_dir):
    store = graph.open_store(sample_store_dir)
    assert len(graph.to_rdflib(store)) == graph.stats(store)["quads"] == len(store)
    html = graph.view(store, actor="Hamas")._repr_html_()
    assert html.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in html
    report = graph.validate(store)
    assert report.conforms and report.lines() == [] and report.checked == "1 article graphs in the store"


def test_extract_file_of_several_articles_says_so_without_their_texts(tmp_path):
    path = tmp_path / "two.jsonl"
    body = "The minister said the talks would resume. " * 20
    path.write_text("\n".join(f'{{"id": "a{i}", "text": "{body}"}}' for i in range(2)), encoding="utf-8")
    from graph.errors import IngestError

    with pytest.raises(IngestError) as error:
        graph.extract_file(path)
    message = str(error.value)
    assert "2 articles" in message and "expected exactly one" in message and body not in message
