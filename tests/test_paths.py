"""Bundled data is found in a checkout, in an installed wheel, or under STANCEGRAPH_HOME."""

from __future__ import annotations

import pytest

from graph import paths


def test_resource_dir_prefers_stancegraph_home(tmp_path, monkeypatch):
    monkeypatch.setenv("STANCEGRAPH_HOME", str(tmp_path))
    assert paths.resource_dir("ontology") == tmp_path / "ontology"


def test_resource_dir_finds_the_checkout_without_an_override(monkeypatch):
    monkeypatch.delenv("STANCEGRAPH_HOME", raising=False)
    assert (paths.resource_dir("data") / "lexicon" / "cues.tsv").is_file()


def test_every_internal_sparql_text_is_a_bundled_file():
    names = sorted(p.stem for p in paths.INTERNAL_QUERIES_DIR.glob("*.rq"))
    assert "store-clean-up" in names and all(paths.sparql_text(n).strip() for n in names)
    with pytest.raises(FileNotFoundError):
        paths.sparql_text("../secrets")


def sparql_like_strings(source: str) -> list[str]:
    """String constants of a module (docstrings excepted) that hold a SPARQL query or update."""
    import ast
    import re

    query = re.compile(
        r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b[^\n]*\bWHERE\b|\b(INSERT|DELETE)\s*(DATA\s*)?\{|\bDROP\s+(SILENT\s+)?GRAPH"
    )
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and query.search(node.value)
    ]


def test_the_package_holds_no_sparql_text_outside_rq_files():
    offenders = {
        str(p.relative_to(paths.PACKAGE_DIR)): found
        for p in paths.PACKAGE_DIR.rglob("*.py")
        if (found := sparql_like_strings(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_sparql_text_check_finds_an_inline_query():
    assert sparql_like_strings('Q = "SELECT ?s WHERE { ?s ?p ?o }"\n') and not sparql_like_strings(
        '"""SELECT x WHERE"""'
    )
