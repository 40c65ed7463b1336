"""A real Oxigraph server on loopback as the store, and ``stancegraph serve`` over HTTP."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graph.paths import SAMPLES_DIR

pytestmark = pytest.mark.model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=300)
    assert not check or proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def oxigraph_server(tmp_path):
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/query?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def nquads_set(path: Path) -> set[str]:
    return {line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def test_build_query_view_export_against_an_oxigraph_server(oxigraph_server, tmp_path):
    cli("build", str(SAMPLES_DIR), "--store", oxigraph_server)
    cli("build", str(SAMPLES_DIR), "--store", str(tmp_path / "embedded"))
    cli("export", "--format", "nquads", "--store", oxigraph_server, "-o", str(tmp_path / "remote.nq"))
    cli("export", "--format", "nquads", "--store", str(tmp_path / "embedded"), "-o", str(tmp_path / "local.nq"))
    assert nquads_set(tmp_path / "remote.nq") == nquads_set(tmp_path / "local.nq")
    again = cli("build", str(SAMPLES_DIR), "--store", oxigraph_server)
    assert "skipped 1 unchanged" in again.stderr
    rows = json.loads(
        cli(
            "query",
            "--name",
            "hostility",
            "--param",
            "kindFilter=Accuse",
            "--format",
            "json",
            "--store",
            oxigraph_server,
        ).stdout
    )["results"]["bindings"]
    assert sorted(r["who"]["value"] for r in rows) == ["China", "Russia"]
    cli("view", "--store", oxigraph_server, "--actor", "United States", "-o", str(tmp_path / "us.html"))
    assert "United States" in (tmp_path / "us.html").read_text()
    assert "conforms" in cli("validate", "--store", oxigraph_server).stdout


def test_unreachable_endpoint_is_a_clear_error():
    proc = cli("stats", "--store", f"http://127.0.0.1:{free_port()}", check=False)
    assert proc.returncode == 2 and "cannot reach the SPARQL endpoint" in proc.stderr


def test_serve_answers_sparql_over_http_and_refuses_writes(sample_store_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--store", str(sample_store_dir), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/query"
    try:
        wait_for(f"{base}?query=" + urllib.parse.quote("ASK { ?s ?p ?o }"), process)
        query = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <https://w3id.org/stancegraph/ns#Statement> }"
        request = urllib.request.Request(
            base,
            data=query.encode(),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        data = json.loads(urllib.request.urlopen(request, timeout=10).read())
        assert int(data["results"]["bindings"][0]["n"]["value"]) >= 20
        csv = urllib.request.urlopen(
            urllib.request.Request(f"{base}?query=" + urllib.parse.quote(query), headers={"Accept": "text/csv"}),
            timeout=10,
        ).read()
        assert csv.decode().splitlines()[0] == "n"
        for path, body in (("/update", "DROP ALL"), ("/query", "DROP ALL")):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(
                    urllib.request.Request(
                        f"http://127.0.0.1:{port}{path}",
                        data=body.encode(),
                        headers={"Content-Type": "application/sparql-query"},
                    ),
                    timeout=10,
                )
            assert refused.value.code in (400, 405)
        with pytest.raises(urllib.error.HTTPError) as service:
            urllib.request.urlopen(
                f"{base}?query=" + urllib.parse.quote("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
                timeout=10,
            )
        assert service.value.code == 400 and b"SERVICE is disabled" in service.value.read()
    finally:
        process.terminate()
        process.wait(timeout=30)
