"""``stancegraph actors``, run as a user runs it, on a hand-built store."""

from __future__ import annotations

import csv
import io
import json

import pytest

from graph.records import ActorType
from tests.cli.test_cli import run
from tests.factories import actor, extraction, said, store_from

TEXT = "Mr Hagel said no. Chuck Hagel said it again. Hamas agreed."
ACTORS = [
    actor("name:person:hagel", "Hagel", ActorType.PERSON),
    actor("name:official:chuck hagel", "Chuck Hagel", ActorType.OFFICIAL, alt_labels=("Senator Hagel",)),
    actor("wd:Q38799", "Hamas", ActorType.MILITANT_GROUP, wikidata="Q38799", alt_labels=("Harakat al-Muqawama",)),
]
STATEMENTS = [
    said("Mr Hagel said no.", "name:person:hagel"),
    said("Chuck Hagel said it again.", "name:official:chuck hagel", start=18),
    said("Hamas agreed.", "wd:Q38799", start=45),
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "store"
    second = extraction("Hamas agreed again.", ACTORS[2:], [said("Hamas agreed again.", "wd:Q38799")])
    store = store_from([extraction(TEXT, ACTORS, STATEMENTS), second], path)
    del store  # release the write lock for the command line
    return path


def test_actors_json_lists_records_most_statements_first(store_dir):
    found = json.loads(run("actors", "--store", str(store_dir), "--format", "json").stdout)
    assert found[0]["label"] == "Hamas" and len(found) == 3
    hamas = found[0]
    assert hamas == {
        "label": "Hamas",
        "type": "MilitantGroup",
        "statements": 2,
        "articles": 2,
        "aliases": ["Harakat al-Muqawama"],
        "wikidata": "Q38799",
        "iri": "https://w3id.org/stancegraph/id/actor/wd/Q38799",
    }
    assert len(json.loads(run("actors", "-s", str(store_dir), "-f", "json", "--limit", "1").stdout)) == 1


def test_actors_csv_has_a_header_and_lf_line_ends(store_dir):
    text = run("actors", "--store", str(store_dir), "--format", "csv").stdout
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["label", "type", "statements", "articles", "aliases", "wikidata", "iri"]
    chuck = next(r for r in rows if r["label"] == "Chuck Hagel")
    assert [chuck[k] for k in ("type", "statements", "aliases", "wikidata")] == ["Official", "1", "Senator Hagel", ""]


def test_actors_table_by_default(store_dir):
    proc = run("actors", "--store", str(store_dir))
    assert "Chuck Hagel" in proc.stdout and "MilitantGroup" in proc.stdout and "3 actors" in proc.stderr


def test_suspects_in_every_format(store_dir):
    (pair,) = json.loads(run("actors", "--store", str(store_dir), "--suspects", "--format", "json").stdout)
    assert (pair["a"]["label"], pair["b"]["label"], pair["reason"]) == ("Chuck Hagel", "Hagel", "same surname")
    rows = list(csv.reader(io.StringIO(run("actors", "-s", str(store_dir), "--suspects", "-f", "csv").stdout)))
    assert rows[0][:2] == ["reason", "a_label"] and rows[1][:2] == ["same surname", "Chuck Hagel"]
    table = run("actors", "--store", str(store_dir), "--suspects").stdout
    assert "same surname" in table and "Chuck Hagel" in table


def test_unknown_format_is_a_usage_error(store_dir):
    proc = run("actors", "--store", str(store_dir), "--format", "xml", check=False)
    assert proc.returncode == 2 and "'table', 'json', 'csv'" in proc.stderr
