"""Identity files (``build --identity``): reading, combining, checking, and the errors."""

import json

import pytest

from graph.errors import DataFileError, IdentityFileError
from graph.knowledge.identity import (
    Identity,
    combine,
    identity_paths,
    index_identity,
    load_identity,
    name_key,
    read_identity,
)
from graph.records import ActorType
from tests.conftest import shared_path


def write(tmp_path, data, name="identity.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_every_key_is_read(tmp_path):
    path = write(
        tmp_path,
        {
            "about": "corrections for my corpus",
            "same": [["Tony Blair", "Mr Blair", "Blair"]],
            "distinct": [["Charles Clarke", "Ken Clarke"]],
            "types": {"MPs": "Group"},
            "aliases": {"Labour Party": ["Labour", "the Labour"]},
            "not_actors": ["Linux"],
        },
    )
    identity = read_identity(path)
    assert identity.same == (("Tony Blair", "Mr Blair", "Blair"),)
    assert identity.distinct == (("Charles Clarke", "Ken Clarke"),)
    assert identity.types == (("MPs", ActorType.GROUP),)
    assert identity.aliases == (("Labour Party", ("Labour", "the Labour")),)
    assert identity.not_actors == ("Linux",)
    assert identity.files == (path,) and not identity.empty


def test_empty_object_is_an_empty_identity(tmp_path):
    assert read_identity(write(tmp_path, {})).empty


def test_names_compare_without_honorific_case_or_punctuation():
    assert name_key("Mr. Blair") == name_key("BLAIR") == "blair"
    assert name_key("Dr Liam Fox") == "liam fox"
    assert name_key("Lord Falconer") == "falconer"
    assert name_key("the Labour") == "labour"
    assert name_key("Mr") == "mr"  # an honorific alone stays a name


def test_the_evaluation_identity_spec_reads_as_an_identity_file():
    identity = load_identity((shared_path("eval", "dev", "identity-bbc.json"),))
    index = index_identity(identity)
    assert index.name_class("Mr Blair") == index.name_class("Tony Blair")
    assert index.kept_apart(index.name_class("Blair"), index.name_class("Cherie Blair"))
    assert index.types[index.name_class("Labour")] is ActorType.POLITICAL_PARTY
    assert index.is_not_actor("Islamophobia")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"identity.json: invalid JSON"),
        ("[]", r"identity.json: expected one JSON object with some of the keys about, aliases, corpus, distinct"),
        (
            {"same": [], "merge": [], "drop": []},
            r"identity.json: unknown keys drop, merge; valid keys: about, aliases, corpus, distinct, not_actors, "
            r"same, types",
        ),
        ({"same": ["Tony Blair", "Blair"]}, r"identity.json: same\[0\]: expected a non-empty list of names"),
        ({"same": [[]]}, r"identity.json: same\[0\]: expected a non-empty list of names .* got \[\]"),
        (
            {"distinct": [["Charles Clarke"]]},
            r"identity.json: distinct\[0\]: expected at least two names .* got \[\"Cha",
        ),
        ({"same": {"Tony Blair": "Blair"}}, r"identity.json: same: expected a list of groups of names"),
        ({"distinct": [["Charles Clarke", 7]]}, r"identity.json: distinct\[0\]\[1\]: expected a name .* got 7"),
        (
            {"types": {"MPs": "Grup"}},
            r"identity.json: types\[\"MPs\"\]: unknown type \"Grup\"; expected one of State, ",
        ),
        ({"types": [["MPs", "Group"]]}, r"identity.json: types: expected an object of names"),
        (
            {"aliases": {"Labour Party": "Labour"}},
            r"identity.json: aliases\[\"Labour Party\"\]: expected a non-empty list of names",
        ),
        ({"not_actors": "Linux"}, r"identity.json: not_actors: expected a list of names"),
        ({"not_actors": ["Linux", ""]}, r"identity.json: not_actors\[1\]: expected a name \(a non-empty string\)"),
    ],
)
def test_malformed_file_says_file_key_and_what_was_expected(tmp_path, content, message):
    path = write(tmp_path, content)
    with pytest.raises(IdentityFileError, match=message):
        load_identity((path,))


def test_unknown_type_lists_every_actor_type(tmp_path):
    with pytest.raises(IdentityFileError) as caught:
        read_identity(write(tmp_path, {"types": {"MPs": "Planet"}}))
    assert all(t.value in str(caught.value) for t in ActorType)


def test_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError, match=r"nowhere.json: identity file not found"):
        load_identity((tmp_path / "nowhere.json",))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            {"same": [["Tony Blair", "Blair"]], "not_actors": ["Mr Blair"]},
            r"not_actors: \"Mr Blair\" is also a name of the actor",
        ),
        (
            {"same": [["Tony Blair", "Blair"]], "distinct": [["Tony Blair", "Mr Blair"]]},
            r"distinct: .* names one actor more than once",
        ),
        (
            {"aliases": {"Labour Party": ["Labour"]}, "types": {"Labour": "PoliticalParty", "Labour Party": "Group"}},
            r"types: \"Labour\" is PoliticalParty but \"Labour Party\", a name of the same actor, is Group",
        ),
    ],
)
def test_contradictions_are_errors(tmp_path, content, message):
    with pytest.raises(IdentityFileError, match=message):
        load_identity((write(tmp_path, content),))


def test_files_combine_groups_sharing_a_name_join_and_the_last_type_wins(tmp_path):
    first = write(tmp_path, {"same": [["Tony Blair", "Blair"]], "types": {"MPs": "Person"}}, "a.json")
    second = write(tmp_path, {"same": [["Mr Blair", "the PM"]], "types": {"MPs": "Group"}}, "b.json")
    identity = load_identity((first, second))
    index = index_identity(identity)
    assert index.groups == (("Tony Blair", "Blair", "the PM"),)
    assert index.types == {"name:mps": ActorType.GROUP}
    assert identity.files == (first, second)


def test_aliases_are_groups_with_the_named_actor_first():
    index = index_identity(combine([Identity(aliases=(("Labour Party", ("Labour", "the Labour")),))]))
    assert index.groups == (("Labour Party", "Labour"),)


def test_settings_value_becomes_paths(tmp_path):
    assert identity_paths(()) == ()
    assert identity_paths(str(tmp_path / "a.json")) == (tmp_path / "a.json",)
    assert identity_paths([tmp_path / "a.json", "b.json"])[1].name == "b.json"
