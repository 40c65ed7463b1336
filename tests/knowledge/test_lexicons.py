"""One reader for every lexicon file, line-numbered errors, and the loaders built on it."""

from __future__ import annotations

import pytest

from graph.errors import LexiconError
from graph.knowledge.lexicons import load_cues, load_offices, load_org_types, read_lexicon
from graph.paths import LEXICON_DIR
from graph.records import ActorType, StatementKind


def test_read_lexicon_skips_comments_and_blank_lines_and_numbers_rows(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\n\nalpha\tone\n  # indented comment\nbeta\ttwo\n", encoding="utf-8")
    rows = read_lexicon("words.tsv", path)
    assert [r.fields for r in rows] == [("alpha", "one"), ("beta", "two")]
    assert rows[1].where == f"{path}:5"


def test_read_lexicon_names_an_unreadable_file(tmp_path):
    with pytest.raises(LexiconError, match=r"missing\.tsv: cannot read lexicon"):
        read_lexicon("missing.tsv", tmp_path / "missing.tsv")


def test_every_bundled_lexicon_is_read_by_the_one_reader():
    for path in sorted(LEXICON_DIR.iterdir()):
        assert read_lexicon(path.name), path


def test_cue_rows_with_an_unknown_kind_name_the_line_and_the_valid_kinds(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("say\tAssert\nshout\tYell\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues\.tsv:2: unknown kind 'Yell'; expected one of Assert"):
        load_cues(path)


def test_cues_are_indexed_by_head_lemma_longest_first():
    cues = load_cues()
    assert cues["call"][0].words[0] == "call" and len(cues["call"][0].words) >= len(cues["call"][-1].words)
    assert cues["accuse"][0].kind is StatementKind.ACCUSE


def test_office_and_org_type_rows_are_checked(tmp_path):
    offices = tmp_path / "offices.tsv"
    offices.write_text("President\tKing\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"offices\.tsv:1: expected 'title<TAB>Official\|Person\|Honorific"):
        load_offices(offices)
    offices.write_text("Sen.\tOfficial\tSenator\nAmb.\tOfficial\tAmbassador\n", encoding="utf-8")
    assert load_offices(offices).spelled_out("Vermont Sen.") == "Vermont Senator"
    types = tmp_path / "org_types.tsv"
    types.write_text("ministry\tPlanet\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"org_types\.tsv:1: unknown actor type 'Planet'"):
        load_org_types(types)
    assert ("ministry", ActorType.GOVERNMENT_BODY) in load_org_types()
