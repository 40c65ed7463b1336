"""The actors of a store as records, and the rules that pick likely duplicates."""

from __future__ import annotations

import pytest

from graph.records import ActorType
from graph.sparql.actors import ActorRecord, list_actors, name_key, suspect_pairs
from tests.factories import actor, extraction, said, store_from


def record(label: str, type_: str = "Person", *aliases: str, statements: int = 0) -> ActorRecord:
    return ActorRecord(f"http://e/{type_}/{label}", label, type_, aliases, statements)


def reasons(*records: ActorRecord) -> set[tuple[str, str, str]]:
    return {(p.a.label, p.b.label, p.reason) for p in suspect_pairs(records)}


def test_name_key_strips_honorifics_and_the():
    assert [name_key(n) for n in ("Mr. Blair", "Lady Thatcher", "The Tories", "Mr")] == [
        "blair",
        "thatcher",
        "tories",
        "mr",
    ]


def test_same_surname_unless_given_names_conflict():
    found = reasons(
        record("Chuck Hagel", "Official", statements=3),
        record("Hagel"),
        record("G. Brown", "Official"),
        record("Gordon Brown", "Official", statements=1),
        record("Tony Blair", "Official", "Blair"),
        record("Cherie Blair", "Person", "Blair"),
    )
    assert found == {("Chuck Hagel", "Hagel", "same surname"), ("Gordon Brown", "G. Brown", "same surname")}


def test_same_surname_is_for_people_only():
    assert reasons(record("Hagel", "NGO"), record("Chuck Hagel", "Official")) == set()


def test_similar_names_within_a_type_family():
    found = reasons(
        record("Ayman al-Zawahiri", "Person"),
        record("Ayman al-Zawahri", "Official"),
        record("Labour", "PoliticalParty"),
        record("Labour Party", "PoliticalParty"),
        record("Lashkar-e-Taiba", "MilitantGroup"),
        record("Lashkar-e-Tayyiba", "MilitantGroup"),
        record("Lashkar-e-Tayyiba", "State"),  # another family: only "same label, different type"
        record("Hezbollah", "MilitantGroup"),
        record("Hizbollah", "MilitantGroup"),  # token ratio 89: below the bar
    )
    assert ("Ayman al-Zawahiri", "Ayman al-Zawahri", "similar names") in found
    assert ("Labour", "Labour Party", "similar names") in found
    assert ("Lashkar-e-Taiba", "Lashkar-e-Tayyiba", "similar names") in found
    assert ("Lashkar-e-Tayyiba", "Lashkar-e-Tayyiba", "same label, different type") in found and len(found) == 4


def test_alias_shared_and_same_label():
    found = reasons(
        record("Oil & Natural Gas Corp", "NGO", "ONGC", statements=1),
        record("ONGC", "Group"),
        record("World Trade Organization", "IGO", "WTO"),
        record("World Trade Organisation", "IGO", "WTO"),
        record("Michael Howard", "Official", statements=2),
        record("Michael Howard", "Person"),
        record("Labour", "PoliticalParty", statements=1),
        record("the Labour", "PoliticalParty"),
    )
    assert ("Oil & Natural Gas Corp", "ONGC", "alias shared") in found
    assert ("World Trade Organisation", "World Trade Organization", "alias shared") in found
    assert ("Michael Howard", "Michael Howard", "same label, different type") in found
    assert ("Labour", "the Labour", "same label") in found and len(found) == 4


def test_anonymous_sources_are_never_suspects():
    assert reasons(record("officials", "AnonymousSource"), record("officials", "AnonymousSource")) == set()


def test_pairs_come_ordered_by_reason_then_weight():
    pairs = suspect_pairs(
        [
            record("Hagel"),
            record("Chuck Hagel", "Official", statements=5),
            record("Jo Cox", "Person", statements=1),
            record("Jo Cox", "Official"),
        ]
    )
    assert [p.reason for p in pairs] == ["same label, different type", "same surname"]
    a, b, reason = pairs[1]
    assert (a.label, b.label, reason) == ("Chuck Hagel", "Hagel", "same surname")


@pytest.fixture(scope="module")
def hand_store():
    text = "Blair said no. Labour agreed. Mr Blair said yes."
    actors = [
        actor("wd:Q9545", "Tony Blair", ActorType.OFFICIAL, alt_labels=("Blair",), wikidata="Q9545"),
        actor("name:governmentbody:labour", "Labour", ActorType.GOVERNMENT_BODY),
    ]
    first = extraction(
        text,
        actors,
        [said("Blair said no.", "wd:Q9545"), said("Labour agreed.", "name:governmentbody:labour", start=15)],
    )
    second = extraction("Mr Blair said yes again.", actors[:1], [said("Mr Blair said yes again.", "wd:Q9545")])
    return store_from([first, second])


def test_list_actors_counts_statements_and_articles(hand_store):
    blair, labour = list_actors(hand_store)
    assert (blair.label, blair.type, blair.aliases, blair.statements, blair.articles, blair.wikidata) == (
        "Tony Blair",
        "Official",
        ("Blair",),
        2,
        2,
        "Q9545",
    )
    assert (labour.label, labour.type, labour.statements, labour.articles, labour.wikidata) == (
        "Labour",
        "GovernmentBody",
        1,
        1,
        None,
    )
    assert blair.iri.endswith("/actor/wd/Q9545")
