"""Hostile queries and resource limits (issue 17, items 1, 2 and 6): the SERVICE guard
decides on tokens, every query stops at its deadline or memory bound, Ctrl-C ends it,
and readers wait while a writer recovers a store. Loopback only; bounded loops."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import api
from graph.errors import QueryError
from graph.sparql.guard import forbidden_operation
from graph.store.embedded import open_store

pytestmark = pytest.mark.integration


def fill(path: Path, subjects: int = 150) -> None:
    store = ox.Store(str(path))
    graph = ox.NamedNode("http://example.org/graph/article/1")
    store.extend(
        ox.Quad(
            ox.NamedNode(f"http://example.org/s{i}"),
            ox.NamedNode(f"http://example.org/p{i % 7}"),
            ox.Literal(f"o{i}"),
            graph,
        )
        for i in range(subjects)
    )
    store.flush()
    del store


@pytest.fixture(scope="module")
def quad_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "store"
    fill(path)
    return path


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=timeout)


ESCAPES = [r"ex:a\#", r"ex:a\'", r"ex:b\,\(", "'x\\'#'", '"#"', "<http://e/#x>", '"""a "#" b"""', "ex:c.d"]
SERVICES = ["SERVICE <{url}/x> {{ ?x ?y ?z }}", "service silent <{url}/y> {{ ?x ?y ?z }}", "SERVICE:z {{ ?x ?y ?z }}"]
BREAKS = [" ", "\n", "\r", "\t", " # note\n", " #\r"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ESCAPES), min_size=1, max_size=3), st.sampled_from(SERVICES), st.sampled_from(BREAKS))
def test_the_guard_refuses_every_query_that_would_reach_the_network(listener, names, service, gap):
    """Differential: whatever Oxigraph would send to the listener, the guard refuses."""
    url, hits = listener
    patterns = " . ".join(f"?s ?p {name}" for name in names)
    query = (
        f"PREFIX ex: <http://e/>{gap}PREFIX : <{url}/>{gap}SELECT * WHERE {{ {{ {patterns} }}{gap}"
        f"UNION {{ {service.format(url=url)} }} }}"
    )
    before = len(hits)
    try:
        list(ox.Store().query(query))
    except (SyntaxError, OSError, RuntimeError):
        pass
    if len(hits) > before:
        assert forbidden_operation(query) is not None, query


@pytest.mark.parametrize("name", [r"ex:a\#", r"ex:a\'", r"ex:a\#b\'c"])
def test_escaped_names_do_not_hide_service_from_any_entry_point(listener, quad_store, name):
    url, hits = listener
    query = (
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ {{ ?s ?p {name} }} UNION {{ SERVICE <{url}/x> {{ ?x ?y ?z }} }} }}"
    )
    before = len(hits)
    list(ox.Store().query(query))
    assert len(hits) == before + 1, "Oxigraph itself would call the listener: the guard has something to stop"
    before = len(hits)
    proc = cli("query", query, "--store", str(quad_store))
    assert proc.returncode == 2 and "SERVICE is disabled" in proc.stderr
    with pytest.raises(QueryError, match="SERVICE is disabled"):
        api.query(api.open_store(quad_store), query)
    assert len(hits) == before


HEAVY = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
EVERY_FORM = [
    f"SELECT (COUNT(*) AS ?n) WHERE {HEAVY}",
    f"SELECT ?a WHERE {HEAVY} ORDER BY ?l ?i",
    f"SELECT ?a (COUNT(*) AS ?n) WHERE {HEAVY} GROUP BY ?a",
    f"ASK {{ {HEAVY} FILTER(STRLEN(CONCAT(STR(?c), STR(?f), STR(?i), STR(?l))) < 0) }}",
    f"CONSTRUCT {{ ?a ?b ?l }} WHERE {HEAVY}",
]


@pytest.mark.parametrize("query", EVERY_FORM, ids=["count", "order", "group", "ask", "construct"])
def test_every_query_form_stops_at_its_deadline(quad_store, query):
    started = time.monotonic()
    proc = cli("query", query, "--timeout", "1", "-f", "csv", "--store", str(quad_store))
    assert proc.returncode == 2 and "timed out after 1 s" in proc.stderr and "Traceback" not in proc.stderr
    assert time.monotonic() - started < 20
    started = time.monotonic()
    with pytest.raises(QueryError, match="timed out"):
        api.run_query(api.open_store(quad_store), query, timeout=1).serialize("csv")
    assert time.monotonic() - started < 10
    assert not worker_processes(quad_store), "the stopped query's worker is still running"


def worker_processes(store: Path) -> list[int]:
    """PIDs of query workers on ``store`` still alive (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"graph.sparql.worker" in command and str(store).encode() in command:
            status = (entry / "status").read_text()
            if "State:\tZ" not in status:
                found.append(int(entry.name))
    return found


def test_a_query_past_its_memory_bound_is_stopped(quad_store):
    query = f"SELECT ?a ?d ?g ?l WHERE {HEAVY} ORDER BY ?l ?i ?f ?c"
    proc = cli("query", query, "--max-memory", "150", "--timeout", "120", "-f", "csv", "--store", str(quad_store))
    assert proc.returncode == 2 and "more than 150 MB" in proc.stderr


def test_ctrl_c_ends_a_running_query_at_once(quad_store):
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "query", f"SELECT (COUNT(*) AS ?n) WHERE {HEAVY}", "--store", str(quad_store)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not worker_processes(quad_store) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert process.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr
    time.sleep(0.2)
    assert not worker_processes(quad_store)


WRITER = """
import sys, pyoxigraph as ox
store = ox.Store(sys.argv[1])
for i in range(int(sys.argv[2])):
    g = ox.NamedNode(f"http://example.org/graph/article/w{i}")
    store.extend(ox.Quad(ox.NamedNode(f"http://example.org/w{i}"), ox.NamedNode("http://example.org/p"),
                         ox.Literal("x" * 300 + str(j)), g) for j in range(300))
print("done", flush=True)
"""


def test_readers_wait_while_a_writer_recovers_a_killed_store(tmp_path):
    store = tmp_path / "store"
    killed = subprocess.Popen([sys.executable, "-c", WRITER, str(store), "100000"])
    time.sleep(3)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    rerun = subprocess.Popen([sys.executable, "-c", WRITER, str(store), "60"], stdout=subprocess.PIPE)
    reads, failures = 0, []
    while rerun.poll() is None and reads < 400:
        try:
            reader = open_store(store, read_only=True)
            bool(reader.query("ASK { GRAPH ?g { ?s ?p ?o } }"))
            reads += 1
            del reader
        except Exception as exc:  # any failure to read is what this test is about
            failures.append(str(exc))
    rerun.wait(timeout=120)
    assert reads > 0 and failures == []
    assert json.loads(cli("stats", "--format", "json", "--store", str(store)).stdout)["quads"] > 0
    assert os.path.isdir(store)


def test_a_worker_that_dies_says_why(quad_store):
    """The parent reports the worker's own last error line, not just its exit code."""
    from graph.sparql.isolated import Worker

    worker = Worker(quad_store)
    assert worker.process.stdin is not None
    worker.process.stdin.write(b"not a request\n")  # the worker cannot parse it and exits
    worker.process.stdin.flush()
    with pytest.raises(QueryError, match=r"stopped unexpectedly: .*JSONDecodeError"):
        worker.ask("ASK {}", None, time.monotonic() + 30, None)
    assert not worker.alive
