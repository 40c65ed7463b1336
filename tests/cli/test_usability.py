"""The command line and Python API as an analyst meets them (issue 18): progress on a
terminal, refusals that protect the user's files, formats, results, parameters, dates,
SPARQL errors and empty inputs — each through a real subprocess or the public API."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

import graph
from graph.errors import ConfigError, IngestError, QueryError, StoreError, UnknownNameError
from tests.conftest import SAMPLE, sample_copies


def run(*args: str, check: bool = False) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=300)
    assert not check or proc.returncode == 0, proc.stderr
    return proc


def under_a_terminal(*args: str, timeout: float = 300) -> tuple[int, str]:
    """Run the command line with stdout and stderr on a pseudo terminal; its output and code."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm-256color"}
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", *args], stdout=follower, stderr=follower, stdin=subprocess.DEVNULL, env=env
    )
    os.close(follower)
    output, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    os.close(leader)
    return process.wait(timeout=30), output.decode("utf-8", "replace")


@pytest.mark.model
def test_a_build_on_a_terminal_shows_progress_and_a_summary_and_a_pipe_does_not(tmp_path):
    folder = sample_copies(tmp_path / "in", 3)
    (folder / "empty.txt").write_text("")
    code, output = under_a_terminal("build", str(folder), "--store", str(tmp_path / "tty"))
    assert code == 0, output
    assert "building" in output and "articles/s" in output and "ETA" in output and "4/4" in output
    assert "read 3 articles: wrote 3" in output and "1 × empty article" in output
    piped = run("build", str(folder), "--store", str(tmp_path / "pipe"), check=True)
    assert "articles/s" not in piped.stderr and "1 × empty article" in piped.stderr


def test_build_refuses_a_folder_of_other_files_as_a_store(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "labels.json").write_text("{}")
    proc = run("build", str(SAMPLE), "--store", str(gold))
    assert proc.returncode == 2 and "not a store" in proc.stderr
    assert sorted(p.name for p in gold.iterdir()) == ["labels.json"]
    with pytest.raises(StoreError, match="not a store"):
        graph.build(SAMPLE, store=gold)


def test_empty_inputs_urls_and_pdfs_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "report.pdf").write_bytes(b"%PDF-1.7")
    for folder in ("empty", "pdfs"):
        proc = run("build", str(tmp_path / folder), "--store", str(tmp_path / "s"), "--strict")
        assert proc.returncode == 2 and "no articles found" in proc.stderr, proc.stderr
    url = run("build", "https://www.bbc.co.uk/news/world-123", "--store", str(tmp_path / "s"))
    assert url.returncode == 2 and "URLs are not read" in url.stderr and "https://www.bbc" in url.stderr
    assert not (tmp_path / "s").exists()
    with pytest.raises(IngestError, match="URLs are not read"):
        graph.build("https://example.org/a", store=tmp_path / "s")


@pytest.mark.model
def test_export_formats_from_the_extension_and_aliases(sample_store_dir, tmp_path):
    store = str(sample_store_dir)
    run("export", "--store", store, "-o", str(tmp_path / "x.nq"), check=True)
    first = (tmp_path / "x.nq").read_text().splitlines()[0]
    assert first.endswith("> .") and first.count("<") == 4  # a quad per line: N-Quads, not TriG
    for alias, name in (("ttl", "turtle"), ("json-ld", "jsonld"), ("nt", "ntriples")):
        proc = run("export", "-f", alias, "--store", store, "-o", str(tmp_path / f"x.{alias}"), check=True)
        assert name in proc.stderr
    merged = run("export", "-f", "turtle", "--store", store, "-o", str(tmp_path / "y.ttl"), check=True)
    assert "no named graphs" in merged.stderr and "merged" in merged.stderr
    unknown = run("export", "--store", store, "-o", str(tmp_path / "x.xyz"))
    assert unknown.returncode == 2 and "--format" in unknown.stderr
    helped = run("stats", "--help", check=True)
    assert "table|json|csv" in helped.stdout
    assert run("stats", "-f", "xml", "--store", store).returncode == 2
    csv_stats = run("stats", "-f", "csv", "--store", store, check=True)
    assert csv_stats.stdout.startswith("what,count\n") and "\r" not in csv_stats.stdout
    as_json = run("query", "ASK { ?s ?p ?o }", "-f", "json", "--store", store, check=True)
    assert as_json.stdout.endswith("}\n")
    as_csv = run("query", "SELECT ?s WHERE { ?s a sg:Statement } LIMIT 2", "-f", "csv", "--store", store, check=True)
    assert "\r" not in as_csv.stdout


@pytest.mark.model
def test_tables_are_short_labelled_ordered_and_say_when_cut(sample_store_dir):
    store = str(sample_store_dir)
    star = run(
        "query", "SELECT * WHERE { ?statement sg:speaker ?who ; sg:reportedIn ?article }", "--store", store, check=True
    )
    header = next(line for line in star.stdout.splitlines() if "statement" in line)
    assert header.index("statement") < header.index("who") < header.index("article")
    assert "/id/article/" not in star.stdout and "“In a major diplomatic" in star.stdout  # not the IRI
    every = run("query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", store, check=True)
    assert "showing 50 of" in every.stderr and "--all" in every.stderr
    cut = run("query", "SELECT ?s WHERE { ?s ?p ?o }", "--max-rows", "5", "-f", "csv", "--store", store, check=True)
    assert "truncated after 5 rows" in cut.stderr and len(cut.stdout.splitlines()) == 6


@pytest.mark.model
def test_parameters_are_checked_with_suggestions_in_cli_and_python(sample_store_dir):
    store = str(sample_store_dir)
    for value, word in (("abc", "not a number"), ("1e999x", "not a number")):
        proc = run("query", "-n", "weak-positions", "-p", f"threshold={value}", "--store", store)
        assert proc.returncode == 2 and word in proc.stderr
    run("query", "-n", "weak-positions", "-p", "threshold=0.8", "-f", "csv", "--store", store, check=True)
    lower = run("query", "-n", "hostility", "-p", "kindFilter=accuse", "-f", "csv", "--store", store, check=True)
    assert "Accuse" in lower.stdout
    typo = run("query", "-n", "positions-on-topic", "-p", "topic=negotation", "--store", store)
    assert typo.returncode == 2 and "did you mean" in typo.stderr and "negotiations" in typo.stderr
    opened = graph.open_store(sample_store_dir)
    with pytest.raises(UnknownNameError, match="did you mean 'Hamas'"):
        graph.query(opened, name="statements-by-actor", actor="Hamass")
    with pytest.raises(QueryError, match="did you mean Accuse"):
        graph.query(opened, name="hostility", kindFilter="acuse")
    with pytest.raises(QueryError, match="needs the parameter actor") as missing:
        graph.query(opened, name="statements-by-actor")
    assert "command line" in str(missing.value)  # says where the flag form applies


@pytest.mark.model
def test_impossible_dates_are_refused_and_undated_statements_noted(sample_store_dir, tmp_path):
    store = str(sample_store_dir)
    proc = run("view", "--since", "2024-13-45", "--store", store, "-o", str(tmp_path / "v.html"))
    assert proc.returncode == 2 and "month must be in 1..12" in proc.stderr and not (tmp_path / "v.html").exists()
    with pytest.raises(ConfigError, match="not a date"):
        graph.view(graph.open_store(sample_store_dir), until="2024-02-30")
    folder = tmp_path / "undated"
    folder.mkdir()
    (folder / "a.txt").write_text("Egypt urged Israel to allow aid into Gaza, the foreign ministry said.\n")
    graph.build(folder, store=tmp_path / "undated-store")
    view = run("view", "--since", "2020", "--store", str(tmp_path / "undated-store"), "-o", str(tmp_path / "u.html"))
    assert view.returncode == 0 and "without a date are left out" in view.stderr


def test_sparql_errors_say_what_is_wrong(sample_store_dir):
    store = str(sample_store_dir)
    prefix = run("query", "SELECT * WHERE { ?s foo:bar ?o }", "--store", store)
    assert prefix.returncode == 2 and "undefined prefix foo:" in prefix.stderr and "sg" in prefix.stderr
    assert "\\u{" not in prefix.stderr
    broken = run("query", "SELECT * WHERE { ?s ?p ?o ", "--store", store)
    assert broken.returncode == 2 and "line 1, column" in broken.stderr and "^" in broken.stderr


def test_the_inline_view_says_how_to_save_it_outside_jupyter(sample_store_dir, tmp_path):
    view = graph.view(graph.open_store(sample_store_dir))
    assert ".save(" in repr(view) and "nodes" in repr(view)
    assert view.save(tmp_path / "v.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_make_demo_installs_the_product_only():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    demo = makefile.split("\ndemo:", 1)[1].split("\n", 1)[0]
    product = makefile.split("\n$(PRODUCT):", 1)[1].split("\n\n", 1)[0]
    assert "$(PRODUCT)" in demo and "$(STAMP)" not in demo
    assert "-e ." in product and "[dev]" not in product


def test_export_help_lists_its_choices():
    text = run("export", "--help", check=True).stdout
    assert all(name in text for name in ("trig", "nquads", "turtle", "ntriples", "jsonld", "json-ld"))
