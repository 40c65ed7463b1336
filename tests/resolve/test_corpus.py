"""Corpus-level linking of surnames used alone."""

from __future__ import annotations

from graph.records import ActorType
from graph.resolve.corpus import CorpusPeople, link_surnames
from tests.factories import actor, extraction, said

SCOPED = "name:person:howard@0001"


def corpus(*full_names: str) -> CorpusPeople:
    people = CorpusPeople()
    for number, name in enumerate(full_names):
        key = f"name:person:{name.lower()}"
        people.add(extraction(f"{name} spoke {number}.", [actor(key, name, ActorType.OFFICIAL)], []))
    return people


def lone_howard():
    return extraction(
        "Mr Howard said the plan would fail.",
        [actor(SCOPED, "Howard", ActorType.PERSON)],
        [said("Mr Howard said the plan would fail.", SCOPED)],
    )


def test_a_lone_surname_joins_the_person_the_corpus_clearly_means():
    linked = link_surnames(lone_howard(), corpus("Michael Howard", "Michael Howard", "Michael Howard"))
    assert [a.key for a in linked.actors] == ["name:person:michael howard"]
    assert linked.actors[0].alt_labels == () and linked.actors[0].actor_type is ActorType.OFFICIAL
    assert linked.statements[0].speaker == "name:person:michael howard"


def test_an_ambiguous_surname_stays_in_its_article():
    linked = link_surnames(lone_howard(), corpus("Michael Howard", "John Howard", "Michael Howard", "John Howard"))
    assert [a.key for a in linked.actors] == [SCOPED]


def test_one_article_is_not_evidence_enough():
    assert [a.key for a in link_surnames(lone_howard(), corpus("Michael Howard")).actors] == [SCOPED]


def test_a_full_name_spelt_otherwise_joins_the_usual_spelling():
    people = corpus("Ayman al-Zawahiri", "Ayman al-Zawahiri", "Ahmed al-Zawahri")
    odd = actor("name:person:ayman alzawahri", "Ayman al-Zawahri", ActorType.PERSON)
    linked = link_surnames(extraction("Ayman al-Zawahri said so.", [odd], [said("x", odd.key)]), people)
    assert [a.key for a in linked.actors] == ["name:person:ayman al-zawahiri"]
    assert linked.actors[0].alt_labels == ("Ayman al-Zawahri",)
    other = actor("name:person:omar alzawahri", "Omar al-Zawahri", ActorType.PERSON)
    assert link_surnames(extraction("Omar al-Zawahri said so.", [other], []), people).actors == (other,)


def test_a_person_name_the_recogniser_took_for_an_organisation_joins_the_person():
    people = corpus("Rand Paul")
    group = actor("name:rand paul", "Rand Paul", ActorType.GROUP)
    linked = link_surnames(extraction("Rand Paul said so.", [group], [said("Rand Paul said so.", group.key)]), people)
    assert [a.key for a in linked.actors] == ["name:person:rand paul"]
    assert linked.statements[0].speaker == "name:person:rand paul"
    unrelated = actor("name:acme", "Acme", ActorType.GROUP)
    assert link_surnames(extraction("Acme said so.", [unrelated], []), people).actors == (unrelated,)


def test_a_full_name_kept_by_name_joins_the_gazetteer_person_of_that_name():
    people = CorpusPeople()
    pelosi = actor("gz:person:nancy pelosi", "Nancy Pelosi", ActorType.OFFICIAL)
    people.add(extraction("Nancy Pelosi spoke.", [pelosi], []))
    by_name = actor("name:person:nancy pelosi", "Nancy Pelosi", ActorType.PERSON)
    people.add(extraction("Nancy Pelosi spoke again.", [by_name], []))
    linked = link_surnames(extraction("Nancy Pelosi said so.", [by_name], [said("x", by_name.key)]), people)
    assert [a.key for a in linked.actors] == ["gz:person:nancy pelosi"]


def test_a_first_name_spelt_otherwise_joins_the_usual_spelling_but_not_a_short_other_name():
    """ "Lindsay Graham" was a node apart from Lindsey Graham; "Ed Cruz" is no Ted Cruz."""
    people = corpus("Lindsey Graham", "Lindsey Graham", "Lindsay Graham", "Ted Cruz", "Ted Cruz")
    odd = actor("name:person:lindsay graham", "Lindsay Graham", ActorType.OFFICIAL)
    linked = link_surnames(extraction("Lindsay Graham said so.", [odd], [said("x", odd.key)]), people)
    assert [a.key for a in linked.actors] == ["name:person:lindsey graham"]
    ed = actor("name:person:ed cruz", "Ed Cruz", ActorType.PERSON)
    assert link_surnames(extraction("Ed Cruz said so.", [ed], []), people).actors == (ed,)
