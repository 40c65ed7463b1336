"""The command line, run as a user runs it (a real subprocess)."""

import json
import subprocess
import sys

import pytest

from graph.cli import app

COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def run(*args, check=True):
    proc = subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    proc = run(command, "--help")
    assert "Example:" in proc.stdout, f"{command} --help lacks an example"


@pytest.mark.model
def test_query_json_is_w3c_results(sample_store_dir):
    proc = run(
        "query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json", "--store", str(sample_store_dir)
    )
    data = json.loads(proc.stdout)
    assert data["head"]["vars"] == ["n"]
    (binding,) = data["results"]["bindings"]
    assert binding["n"]["type"] == "literal"
    assert binding["n"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"
    assert int(binding["n"]["value"]) > 100


@pytest.mark.model
def test_stored_statements_query_names_speakers(sample_store_dir):
    proc = run("query", "--name", "statements", "--format", "csv", "--store", str(sample_store_dir))
    assert "Leila Karam" in proc.stdout and "Jake Sullivan" in proc.stdout


def test_missing_store_is_a_usage_error(tmp_path):
    proc = run("stats", "--store", str(tmp_path / "none"), check=False)
    assert proc.returncode == 2 and "no store here" in proc.stderr


def test_bad_sparql_is_a_usage_error(sample_store_dir):
    proc = run("query", "SELECT WHERE {", "--store", str(sample_store_dir), check=False)
    assert proc.returncode == 2 and "syntax" in proc.stderr.lower()


def test_unknown_stored_query_lists_valid_names(sample_store_dir):
    proc = run("query", "--name", "nope", "--store", str(sample_store_dir), check=False)
    assert proc.returncode == 2 and "statements" in proc.stderr


@pytest.mark.model
def test_extract_json_has_offsets_that_slice(tmp_path):
    from tests.conftest import SAMPLE

    data = json.loads(run("extract", str(SAMPLE)).stdout)
    text = SAMPLE.read_text(encoding="utf-8")
    assert data["statements"]
    for statement in data["statements"]:
        span = statement["evidence"]
        assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.model
def test_validate_sample_store_conforms(sample_store_dir):
    proc = run("validate", "--store", str(sample_store_dir), "--strict")
    assert proc.stdout.strip().endswith(f"conforms: 1 article graphs in {sample_store_dir}")


def test_validate_strict_exits_1_on_a_violating_file():
    from graph.paths import ONTOLOGY_DIR

    bad = ONTOLOGY_DIR / "examples" / "StatementShape.violates.ttl"
    proc = run("validate", "--file", str(bad), "--strict", check=False)
    assert proc.returncode == 1 and "1 violations" in proc.stdout
    assert run("validate", "--file", str(bad)).returncode == 0


def test_query_needs_its_required_parameters(sample_store_dir):
    proc = run("query", "--name", "statements-by-actor", "--store", str(sample_store_dir), check=False)
    assert proc.returncode == 2 and "needs the parameter actor" in proc.stderr and "--param actor=" in proc.stderr


@pytest.mark.model
def test_query_prints_a_table_by_default(sample_store_dir):
    proc = run("query", "--name", "statements", "--store", str(sample_store_dir))
    assert "┃ speaker" in proc.stdout and "rows" in proc.stderr
