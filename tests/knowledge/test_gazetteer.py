import json

import pytest

from graph.errors import GazetteerError
from graph.knowledge.gazetteer import build_gazetteer, load_gazetteer, read_entries


def test_bundled_gazetteer_has_states_igos_and_groups():
    gazetteer = load_gazetteer()
    assert gazetteer.lookup(None, "the Kremlin").key == "wd:Q159"
    assert gazetteer.lookup(None, "U.N.").key == "wd:Q1065"
    assert gazetteer.lookup(None, "Hezbollah").actor_type.value == "MilitantGroup"
    assert gazetteer.lookup(None, "Israeli").key == "wd:Q801"


def test_user_gazetteer_entries_win(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(
        json.dumps(
            {
                "key": "x:ruritania",
                "label": "Ruritania",
                "type": "State",
                "aliases": ["Strelsau"],
                "demonyms": ["Ruritanian"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer((path,))
    assert gazetteer.lookup(None, "Strelsau").label == "Ruritania"
    assert gazetteer.lookup(None, "ruritanian").key == "x:ruritania"


def test_bad_gazetteer_line_says_where_and_what(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"key": "k", "label": "L", "type": "Planet"}\n', encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"bad.jsonl:1: unknown type 'Planet'"):
        list(read_entries(path))


def test_first_name_wins_on_collision():
    from graph.knowledge.gazetteer import GazetteerEntry
    from graph.records import ActorType

    gazetteer = build_gazetteer(
        [
            GazetteerEntry("a", "Alpha", ActorType.NGO, aliases=("AX",)),
            GazetteerEntry("b", "Beta", ActorType.NGO, aliases=("AX",)),
        ]
    )
    assert gazetteer.lookup(None, "AX").key == "a"
