"""The extraction run: the user's gazetteer and identity files are part of it."""

from pathlib import Path

import pytest

from graph.errors import GazetteerError, IdentityFileError
from graph.pipeline.provenance import run_info
from graph.settings import Settings, load_settings


def test_run_changes_with_the_content_of_identity_and_gazetteer_files(tmp_path):
    identity, gazetteer = tmp_path / "identity.json", tmp_path / "mine.jsonl"
    identity.write_text('{"same": [["Tom Hargreaves", "Hargreaves"]]}', encoding="utf-8")
    gazetteer.write_text('{"key": "x:r", "label": "Ruritania", "type": "State"}\n', encoding="utf-8")
    plain = run_info(Settings())
    assert "+identity:" not in plain.model_version
    with_identity = run_info(Settings(identity=(identity,)))
    assert with_identity.model_version.startswith(plain.model_version + "+identity:")
    assert len(with_identity.model_version.rpartition(":")[2]) == 12
    assert run_info(Settings(identity=(identity,))) == with_identity  # deterministic
    both = run_info(Settings(identity=(identity,), gazetteers=(gazetteer,)))
    assert both != with_identity
    identity.write_text('{"same": [["Tom Hargreaves", "Mr Hargreaves"]]}', encoding="utf-8")
    assert run_info(Settings(identity=(identity,))) != with_identity
    assert run_info(Settings(gazetteers=(gazetteer,))).model_version.startswith(plain.model_version + "+identity:")


def test_missing_user_files_are_named(tmp_path):
    with pytest.raises(IdentityFileError, match=r"none.json: identity file not found"):
        run_info(Settings(identity=(tmp_path / "none.json",)))
    with pytest.raises(GazetteerError, match=r"none.jsonl: gazetteer file not found"):
        run_info(Settings(gazetteers=(tmp_path / "none.jsonl",)))


def test_config_file_takes_identity_files(tmp_path):
    config = tmp_path / "stancegraph.toml"
    config.write_text('[stancegraph]\nidentity = ["a.json", "b.json"]\n', encoding="utf-8")
    assert load_settings(config).identity == (Path("a.json"), Path("b.json"))
    config.write_text('identity = "corrections.json"\n', encoding="utf-8")
    assert load_settings(config).identity == (Path("corrections.json"),)
