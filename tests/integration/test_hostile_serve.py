"""``serve`` under load and hostile HTTP, and remote stores that cap, stream or garble
their answers (issue 17, items 3 and 7). Loopback only; bounded loops."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import api
from graph.sparql.serve import make_server
from tests.integration.test_hostile_queries import fill

pytestmark = pytest.mark.integration
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    fill(path, subjects=3000)
    return path


def running(server: ThreadingHTTPServer) -> str:
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@pytest.fixture
def endpoint(store_dir):
    server = make_server(api.open_store(store_dir), port=0, max_rows=1000, socket_timeout=1.0)
    yield running(server)
    server.shutdown()
    server.server_close()


def ask(url: str, query: str) -> dict:
    with urllib.request.urlopen(f"{url}/query?query={urllib.parse.quote(query)}", timeout=30) as response:
        return json.loads(response.read())


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=300)


def test_export_through_a_row_capped_endpoint_is_complete(endpoint, store_dir, tmp_path):
    """The endpoint answers at most 1,000 rows; the export of 3,000 quads pages through."""
    remote = cli("export", "--format", "nquads", "--store", endpoint, "-o", str(tmp_path / "remote.nq"))
    local = cli("export", "--format", "nquads", "--store", str(store_dir), "-o", str(tmp_path / "local.nq"))
    assert remote.returncode == 0 and local.returncode == 0, remote.stderr
    assert (tmp_path / "remote.nq").read_bytes() == (tmp_path / "local.nq").read_bytes()
    assert len((tmp_path / "local.nq").read_text().splitlines()) == 3000


class Fake(BaseHTTPRequestHandler):
    """An endpoint that answers a count of 10 quads but gives only 3, or garbage."""

    mode = "short"

    def do_POST(self):
        query = self.rfile.read(int(self.headers["Content-Length"])).decode()
        if "ASK" in query:
            body = b'{"head": {}, "boolean": true}'
        elif self.mode == "garbage":
            body = b'{"head": {"vars": ["s", "p", "o", "g"]}, "results": {"bindings": [{"s": {"type": "uri", "val'
        elif "COUNT" in query:
            body = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "literal", "value": "10"}}]}}'
        else:
            rows = (
                []
                if "OFFSET 0" not in query
                else [{k: {"type": "uri", "value": f"http://e/{k}{i}"} for k in "spog"} for i in range(3)]
            )
            body = json.dumps({"head": {"vars": list("spog")}, "results": {"bindings": rows}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(params=["short", "garbage"])
def fake(request):
    handler = type("FakeEndpoint", (Fake,), {"mode": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    yield running(server), request.param
    server.shutdown()


def test_a_short_or_malformed_answer_is_an_error_not_a_partial_export(fake, tmp_path):
    url, mode = fake
    output = tmp_path / "out.nq"
    proc = cli("export", "--format", "nquads", "--store", url, "-o", str(output))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    assert ("3 of the 10 quads" if mode == "short" else "malformed") in proc.stderr
    assert not output.exists()
    query = cli("query", "SELECT * WHERE { ?s ?p ?o }", "-f", "csv", "--store", url)
    assert "Traceback" not in query.stderr
    assert query.returncode == (2 if mode == "garbage" else 0)


class Big(BaseHTTPRequestHandler):
    """A 200 MB answer, written as it is made."""

    def do_POST(self):
        query = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        if "ASK" in query:
            self.wfile.write(b'{"head": {}, "boolean": true}')
            return
        row = json.dumps({"x": {"type": "literal", "value": "y" * 190}}).encode()
        try:
            self.wfile.write(b'{"head": {"vars": ["x"]}, "results": {"bindings": [' + row)
            for _ in range(1_000_000):
                self.wfile.write(b"," + row)
            self.wfile.write(b"]}}")
        except OSError:
            pass  # the client has what it wanted and hung up

    def log_message(self, *args):
        pass


MEASURE = """
import re, sys
from graph import api
result = api.run_query(api.open_store(sys.argv[1]), "SELECT ?x WHERE { ?x ?y ?z }", max_rows=5)
rows = result.rows()
status = open("/proc/self/status").read()  # VmHWM: this program's peak (ru_maxrss counts the forking parent)
print(len(rows), int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) // 1024)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from Linux /proc")
def test_remote_answers_are_streamed_not_buffered():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Big)
    url = running(server)
    try:
        proc = subprocess.run([sys.executable, "-c", MEASURE, url], capture_output=True, text=True, timeout=120)
    finally:
        server.shutdown()
    rows, peak_mb = map(int, proc.stdout.split())
    assert rows == 5 and peak_mb < 180, f"the client peaked at {peak_mb} MB for 5 rows of a 200 MB answer"


def test_twenty_concurrent_clients_get_every_answer(endpoint):
    def client(number: int) -> int:
        return sum(int(ask(endpoint, COUNT)["results"]["bindings"][0]["n"]["value"]) == 3000 for _ in range(10))

    with ThreadPoolExecutor(20) as pool:
        assert sum(pool.map(client, range(20))) == 200


def raw(url: str, request: bytes, wait: float = 10.0) -> bytes:
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(request)
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
        return data


def test_hostile_http_gets_a_status_not_a_traceback(endpoint, capfd):
    bad_length = raw(endpoint, b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nASK {}")
    assert bad_length.startswith(b"HTTP/1.0 400") and b"Content-Length" in bad_length
    started = time.monotonic()
    short = raw(
        endpoint,
        b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 500\r\n\r\nASK",
    )
    assert short.startswith(b"HTTP/1.0 408") and time.monotonic() - started < 8
    assert "Traceback" not in capfd.readouterr().err


def test_serve_answers_from_the_store_as_last_committed(store_dir, tmp_path):
    copy = tmp_path / "store"
    fill(copy, subjects=10)
    server = make_server(api.open_store(copy), port=0)
    url = running(server)
    try:
        assert ask(url, COUNT)["results"]["bindings"][0]["n"]["value"] == "10"
        writer = ox.Store(str(copy))
        writer.add(
            ox.Quad(
                ox.NamedNode("http://e/new"), ox.NamedNode("http://e/p"), ox.Literal("x"), ox.NamedNode("http://e/g")
            )
        )
        writer.flush()
        del writer
        assert ask(url, COUNT)["results"]["bindings"][0]["n"]["value"] == "11"
    finally:
        server.shutdown()
        server.server_close()


def test_a_store_handle_follows_a_later_write(tmp_path):
    """A read-only handle reads the store as last committed at each API call."""
    path = tmp_path / "store"
    fill(path, subjects=10)
    handle = api.open_store(path)
    assert api.stats(handle)["quads"] == 10
    writer = ox.Store(str(path))
    writer.add(
        ox.Quad(ox.NamedNode("http://e/new"), ox.NamedNode("http://e/p"), ox.Literal("x"), ox.NamedNode("http://e/g"))
    )
    writer.flush()
    del writer
    assert api.stats(handle)["quads"] == 11
    assert api.query(handle, COUNT)["n"].tolist() == [11]
