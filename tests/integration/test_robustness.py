"""Bad input, hostile text, crashes and concurrency (issue 9), each a test."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.ingest import make_article
from graph.pipeline.articles import extract_one
from graph.pipeline.build import build
from graph.pipeline.provenance import run_info
from graph.rdf.mapping import extraction_triples
from graph.rdf.mint import Minter
from graph.rdf.shacl import validate_article, validate_store
from graph.records import Problem
from graph.settings import Settings
from graph.store.embedded import open_store
from tests.conftest import SAMPLE, sample_copies

GOOD = SAMPLE.read_text(encoding="utf-8")
GERMAN = (
    "Die Bundesregierung hat am Mittwoch angekündigt, dass die Verhandlungen über einen Waffenstillstand "
    "im Gazastreifen fortgesetzt werden sollen. Der Außenminister sagte, man werde alle Parteien an einen "
    "Tisch bringen. Die Opposition kritisierte das Vorgehen scharf und forderte eine Debatte im Bundestag "
    "über die Rolle Deutschlands im Nahen Osten und über die Lieferungen.\n"
)


def bad_inputs(folder: Path) -> dict[str, str]:
    """File name -> a word the problem report must contain."""
    files = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b" \n\t \n", "empty"),
        "nul.txt": (b"Hamas said\x00 no.", "NUL"),
        "report.txt": (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        "undecodable.txt": (bytes(range(0x80, 0x100)) * 3, "UTF-8"),
        "german.txt": (GERMAN.encode(), "English"),
        "huge.txt": (b"a " * 600_000, "limit"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    lines = [
        json.dumps({"text": GOOD.replace("Hamas", "Hamas (copy)")}),
        "{not json",
        '{"text": NaN}',
        '{"text": "x", "text": "y"}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps(
            {"text": "Israel said\ud800 that talks\x07 would resume, officials said.", "url": "https://e.org/1"}
        ),
    ]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * 20_000 + "text" + "</div>" * 20_000, encoding="utf-8"
    )
    return {name: word for name, (_, word) in files.items()} | {
        "records.jsonl:2": "invalid JSON",
        "records.jsonl:3": "NaN",
        "records.jsonl:4": "duplicate",
        "records.jsonl:5": "JSON",
        "records.jsonl:6": "replaced",
        "nested.html": "HTML",
    }


def hostile_good(folder: Path) -> None:
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "names.txt").write_text(
        "Is\u200brael and \u041damas traded charges on Monday.\n\nOfficials said that “talks {are} <over> \\ now” "
        'and Egypt said "the <script>alert(1)</script> plan" was dead. “This quote never closes, said Qatar.\n'
        "Egypt urged Qatar to act " + "<" * 1_000_000 + " quickly, officials said.\n",
        encoding="utf-8",
    )
    (folder / "entities.html").write_text(
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><article><p>"
        + "Egypt said that &lt;script&gt;alert(1)&lt;/script&gt; talks would resume on Monday. " * 10
        + "</p></article></body></html>",
        encoding="utf-8",
    )


@pytest.mark.model
def test_bad_and_hostile_inputs_never_stop_a_batch(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    expected = bad_inputs(folder)
    hostile_good(folder)
    started = time.perf_counter()
    report = build([folder], Settings(store=tmp_path / "store"))
    assert time.perf_counter() - started < 120
    problems = {p.where.rsplit("/", 1)[-1]: p.message for p in report.problems}
    for name, word in expected.items():
        assert name in problems and word.lower() in problems[name].lower(), (name, problems.get(name))
    assert report.written >= 4  # good.txt, names.txt, entities.html, records.jsonl:1 and :6
    store = open_store(tmp_path / "store", read_only=True)
    assert validate_store(store) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=400), st.sampled_from(["said", "urged", "denied", "according to"]))
@pytest.mark.model
def test_random_text_extracts_slices_and_validates(text, cue):
    body = f"{text}\n\nEgypt {cue} “{text}” on Monday, officials said.\n"
    items = list(read_articles_from_text(body))
    article = next(i for i in items if not isinstance(i, Problem))
    extraction = extract_one(article, Settings())
    for statement in extraction.statements:
        for span in (statement.evidence, statement.content, statement.cue, statement.source, *statement.quote):
            assert span is None or article.text[span.start : span.end] == span.text
    triples = extraction_triples(extraction, run_info(Settings()), Minter())
    assert validate_article(triples) == []


def read_articles_from_text(text: str):
    from graph.ingest.readers import check_article

    yield from check_article(make_article(text))


def article_quads(store_path: Path) -> dict[str, set]:
    store = open_store(store_path, read_only=True)
    graphs: dict[str, set] = {}
    for quad in store:
        if "/graph/article/" in quad.graph_name.value:
            graphs.setdefault(quad.graph_name.value, set()).add(str(quad))
    return graphs


@pytest.mark.model
def test_sigkill_during_build_leaves_whole_articles_and_a_rerun_completes(tmp_path):
    folder = sample_copies(tmp_path / "in", 40)
    config = tmp_path / "small-batches.toml"
    config.write_text("write_batch = 2\n", encoding="utf-8")
    reference = tmp_path / "reference"
    build([folder], Settings(store=reference, write_batch=2))
    expected = article_quads(reference)
    store = tmp_path / "store"
    rng = random.Random(4)
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "graph", "build", str(folder), "--store", str(store), "--config", str(config)],
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(3.0, 6.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        found = article_quads(store)
        assert all(found[g] == expected[g] for g in found), "an article graph was half written"
        assert validate_store(open_store(store, read_only=True)) == []
    build([folder], Settings(store=store))
    assert article_quads(store) == expected


def test_second_writer_gets_a_clear_lock_error(tmp_path):
    holder = open_store(tmp_path / "s")
    proc = subprocess.run(
        [sys.executable, "-m", "graph", "build", str(SAMPLE), "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2 and f"locked by PID {os.getpid()}" in proc.stderr and "Traceback" not in proc.stderr
    reader = subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--store", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert reader.returncode == 0  # reading while a writer holds the store works
    del holder


def cli(*args):
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.model
def test_hostile_queries_reach_no_network_and_change_nothing(sample_store_dir, listener):
    url, hits = listener
    store = str(sample_store_dir)
    before = cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv", "--store", store).stdout
    for query in (
        f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/x> {{ ?s ?p ?o }} }}",
        f"LOAD <{url}/data.ttl>",
        "DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
    ):
        proc = cli("query", query, "--store", store)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, (query, proc.stderr)
    from_url = cli("query", f"SELECT * FROM <{url}/graph.ttl> WHERE {{ ?s ?p ?o }} LIMIT 1", "--store", store)
    assert from_url.returncode == 0
    assert hits == []
    assert cli("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv", "--store", store).stdout == before
    quoted = cli(
        "query", 'SELECT ("SERVICE <x>" AS ?s) WHERE {}  # SERVICE in a comment', "-f", "csv", "--store", store
    )
    assert quoted.returncode == 0  # the words inside strings and comments are not keywords


@pytest.mark.model
def test_timeout_and_row_limit_bound_a_query(sample_store_dir):
    heavy = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.perf_counter()
    proc = cli("query", heavy, "--timeout", "1", "-f", "csv", "--store", str(sample_store_dir))
    assert proc.returncode == 2 and "timed out" in proc.stderr
    assert time.perf_counter() - started < 30
    limited = cli(
        "query", "SELECT * WHERE { ?s ?p ?o }", "--max-rows", "5", "-f", "csv", "--store", str(sample_store_dir)
    )
    assert limited.returncode == 0 and len(limited.stdout.strip().splitlines()) == 6
