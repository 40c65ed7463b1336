"""Identity files applied to resolved articles: same, distinct, types, aliases, not_actors.

Hand-built records (``apply_identity`` is pure), then one build through the real
pipeline and store."""

import json
from dataclasses import replace

import pytest

import graph
from graph.knowledge.gazetteer import GazetteerEntry, Term, build_gazetteer
from graph.knowledge.identity import Identity
from graph.records import ActorType, TextSpan
from graph.resolve.identity import apply_identity
from tests.factories import actor, extraction, said

NO_GAZETTEER = build_gazetteer([])
TEXT = "Mr Blair said one thing. Tony Blair said another. Blair criticised Linux and Ken Clarke."


def by_key(result):
    return {a.key: a for a in result.actors}


def spoken(text, speaker, source, **fields):
    """A statement whose source span reads ``source``."""
    return replace(said(text, speaker, **fields), source=TextSpan(0, len(source), source))


def test_same_group_is_one_actor_with_every_name_and_statements_repointed():
    tony = actor("name:person:tony blair", "Tony Blair", ActorType.OFFICIAL, role="Prime Minister")
    blair = actor("name:person:blair@1", "Blair", ActorType.PERSON, alt_labels=("Mr Blair",))
    other = actor("name:person:ken clarke", "Ken Clarke", ActorType.PERSON)
    before = extraction(
        TEXT,
        [tony, blair, other],
        [
            said("one thing", blair.key),
            said("another", tony.key, targets=(blair.key, other.key)),
            said("criticised", other.key, targets=(tony.key, blair.key)),
        ],
    )
    after = apply_identity(before, Identity(same=(("Tony Blair", "Mr Blair", "Blair"),)), NO_GAZETTEER)
    actors = by_key(after)
    assert set(actors) == {"same:tony blair", "name:person:ken clarke"}
    merged = actors["same:tony blair"]
    assert merged.label == "Tony Blair" and merged.actor_type is ActorType.OFFICIAL
    assert set(merged.alt_labels) == {"Blair", "Mr Blair"}
    assert merged.role == "Prime Minister"
    assert [s.speaker for s in after.statements] == ["same:tony blair", "same:tony blair", "name:person:ken clarke"]
    assert after.statements[1].targets == ("name:person:ken clarke",)  # no longer a target of itself
    assert after.statements[2].targets == ("same:tony blair",)  # two targets that were one actor


def test_gazetteer_key_and_label_win_for_a_group():
    entry = GazetteerEntry(
        "wd:Q9545",
        "Tony Blair",
        ActorType.OFFICIAL,
        wikidata="Q9545",
        aliases=("Blair",),
        terms=(Term("Prime Minister", "wd:Q145", "1997-05-02", "2007-06-27"),),
    )
    uk = GazetteerEntry("wd:Q145", "United Kingdom", ActorType.STATE, wikidata="Q145")
    gazetteer = build_gazetteer([entry, uk])
    anthony = actor("name:person:anthony blair", "Anthony Blair", ActorType.PERSON)
    before = extraction(TEXT, [anthony], [said("one thing", anthony.key)], published="2005-01-10")
    after = apply_identity(before, Identity(same=(("Anthony Blair", "Mr Blair"),)), gazetteer)
    actors = by_key(after)
    tony = actors["wd:Q9545"]
    assert (tony.label, tony.actor_type, tony.wikidata) == ("Tony Blair", ActorType.OFFICIAL, "Q9545")
    assert tony.alt_labels == ("Anthony Blair",)
    assert (tony.role, tony.affiliation) == ("Prime Minister", "wd:Q145")
    assert actors["wd:Q145"].label == "United Kingdom"  # the body it belongs to is described
    assert after.statements[0].speaker == "wd:Q9545"


def test_distinct_names_are_split_back_with_their_statements():
    charles = actor(
        "gz:official:charles clarke", "Charles Clarke", ActorType.OFFICIAL, alt_labels=("Clarke", "Ken Clarke")
    )
    before = extraction(
        TEXT,
        [charles],
        [spoken("one thing", charles.key, "Ken Clarke"), spoken("another", charles.key, "Clarke")],
    )
    after = apply_identity(before, Identity(distinct=(("Charles Clarke", "Ken Clarke"),)), NO_GAZETTEER)
    actors = by_key(after)
    assert actors["gz:official:charles clarke"].alt_labels == ("Clarke",)
    ken = actors["name:person:ken clarke"]
    assert ken.label == "Ken Clarke" and ken.actor_type is ActorType.OFFICIAL
    assert [s.speaker for s in after.statements] == ["name:person:ken clarke", "gz:official:charles clarke"]


def test_distinct_keeps_a_shared_surname_off_the_other_actor():
    """The name "Blair" is Tony Blair's name (same); Cherie Blair, kept apart from him, does not
    become him through it: the name is split off to him instead."""
    cherie = actor("name:person:cherie blair", "Cherie Blair", ActorType.PERSON, alt_labels=("Blair",))
    before = extraction(
        TEXT, [cherie], [spoken("one thing", cherie.key, "Cherie Blair"), spoken("another", cherie.key, "Mr Blair")]
    )
    identity = Identity(same=(("Tony Blair", "Blair"),), distinct=(("Tony Blair", "Cherie Blair"),))
    after = apply_identity(before, identity, NO_GAZETTEER)
    actors = by_key(after)
    assert actors["name:person:cherie blair"].alt_labels == ()
    assert actors["same:tony blair"].label == "Tony Blair"
    assert [s.speaker for s in after.statements] == ["name:person:cherie blair", "same:tony blair"]


def test_type_override_retypes_and_rekeys_name_actors_only():
    mps = actor("name:person:mps", "MPs", ActorType.PERSON)
    downing = actor("gz:body:downing street", "Downing Street", ActorType.STATE)
    before = extraction(TEXT, [mps, downing], [said("one thing", mps.key, targets=(downing.key,))])
    identity = Identity(types=(("MPs", ActorType.GROUP), ("Downing Street", ActorType.GOVERNMENT_BODY)))
    after = apply_identity(before, identity, NO_GAZETTEER)
    actors = by_key(after)
    assert actors["name:person:mps#Group"].actor_type is ActorType.GROUP
    assert actors["gz:body:downing street"].actor_type is ActorType.GOVERNMENT_BODY  # a gazetteer key stays
    assert after.statements[0].speaker == "name:person:mps#Group"
    assert after.statements[0].targets == ("gz:body:downing street",)


def test_alt_label_typed_otherwise_than_its_actor_is_split_off():
    """The gazetteer makes "Downing Street" a name of the United Kingdom (a State); the
    file says it is a GovernmentBody, so it is a body of that state, with its words."""
    uk = actor("wd:Q145", "United Kingdom", ActorType.STATE, alt_labels=("UK", "Downing Street"))
    before = extraction(
        TEXT, [uk], [spoken("one thing", uk.key, "Downing Street"), spoken("another", uk.key, "The UK")]
    )
    identity = Identity(types=(("Downing Street", ActorType.GOVERNMENT_BODY), ("UK", ActorType.STATE)))
    after = apply_identity(before, identity, NO_GAZETTEER)
    actors = by_key(after)
    assert actors["wd:Q145"].alt_labels == ("UK",) and actors["wd:Q145"].actor_type is ActorType.STATE
    body = actors["name:downing street#GovernmentBody"]
    assert (body.label, body.actor_type, body.affiliation) == ("Downing Street", ActorType.GOVERNMENT_BODY, "wd:Q145")
    assert [s.speaker for s in after.statements] == ["name:downing street#GovernmentBody", "wd:Q145"]


def test_name_actor_takes_the_type_of_an_alt_label():
    blair = actor("name:person:blair@1", "Blair", ActorType.PERSON, alt_labels=("Tony Blair",))
    after = apply_identity(
        extraction(TEXT, [blair], []), Identity(types=(("Tony Blair", ActorType.OFFICIAL),)), NO_GAZETTEER
    )
    (only,) = after.actors
    assert (only.key, only.actor_type) == ("name:person:blair@1#Official", ActorType.OFFICIAL)


def test_type_override_of_a_group_applies_to_its_canonical_actor():
    labour = actor("name:labour", "Labour", ActorType.GROUP)
    before = extraction(TEXT, [labour], [said("one thing", labour.key)])
    identity = Identity(same=(("Labour Party", "Labour"),), types=(("Labour Party", ActorType.POLITICAL_PARTY),))
    after = apply_identity(before, identity, NO_GAZETTEER)
    (party,) = after.actors
    assert (party.key, party.label, party.actor_type) == (
        "same:labour party#PoliticalParty",
        "Labour Party",
        ActorType.POLITICAL_PARTY,
    )
    assert party.alt_labels == ("Labour",)


def test_extra_alias_resolves_to_the_actor():
    party = actor("name:labour party", "Labour Party", ActorType.POLITICAL_PARTY)
    short = actor("name:the labour", "the Labour", ActorType.GROUP, alt_labels=("Labour",))
    member = actor("name:person:jo lee", "Jo Lee", ActorType.PERSON, affiliation=short.key)
    before = extraction(TEXT, [party, short, member], [said("one thing", member.key, targets=(short.key,), start=0)])
    after = apply_identity(before, Identity(aliases=(("Labour Party", ("the Labour",)),)), NO_GAZETTEER)
    actors = by_key(after)
    assert set(actors) == {"same:labour party", "name:person:jo lee"}
    merged = actors["same:labour party"]
    assert merged.label == "Labour Party" and merged.actor_type is ActorType.POLITICAL_PARTY
    assert set(merged.alt_labels) == {"the Labour", "Labour"}
    assert actors["name:person:jo lee"].affiliation == "same:labour party"
    assert after.statements[0].targets == ("same:labour party",)


def test_not_actors_lose_their_statements_targets_and_names():
    linux = actor("name:linux", "Linux", ActorType.GROUP)
    blair = actor("wd:Q9545", "Tony Blair", ActorType.OFFICIAL, alt_labels=("Blair", "Tony"), affiliation=linux.key)
    before = extraction(
        TEXT,
        [blair, linux],
        [said("one thing", linux.key), said("another", blair.key, targets=(linux.key,))],
    )
    before = replace(
        before, statements=(*before.statements, replace(said("criticised", blair.key), on_behalf_of=linux.key))
    )
    after = apply_identity(before, Identity(not_actors=("Linux", "Tony")), NO_GAZETTEER)
    (only,) = after.actors
    assert only.key == "wd:Q9545" and only.alt_labels == ("Blair",) and only.affiliation is None
    assert [s.speaker for s in after.statements] == ["wd:Q9545", "wd:Q9545"]
    assert all(not s.targets and s.on_behalf_of is None for s in after.statements)


def test_empty_identity_changes_nothing():
    before = extraction(TEXT, [actor("name:linux", "Linux")], [said("one thing", "name:linux")])
    assert apply_identity(before, Identity(), NO_GAZETTEER) is before


# --- through the real pipeline and store ------------------------------------------------------

ACTOR_NODES = """
SELECT DISTINCT ?actor ?label WHERE {
  ?actor rdfs:label ?label .
  { ?actor rdfs:label ?name } UNION { ?actor skos:altLabel ?name }
  FILTER (CONTAINS(LCASE(STR(?name)), "hargreaves"))
}
"""


@pytest.mark.model
def test_identity_file_merges_actors_in_the_store_and_a_changed_file_re_extracts(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Mr Hargreaves said on Monday that the new budget was unfair to pensioners.\n", encoding="utf-8"
    )
    (articles / "b.txt").write_text(
        "Tom Hargreaves said on Tuesday that the council would appeal against the ruling.\n", encoding="utf-8"
    )
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps({"same": [["Tom Hargreaves", "Hargreaves"]]}), encoding="utf-8")

    graph.build(articles, store=tmp_path / "without")
    without = graph.query(graph.open_store(tmp_path / "without"), ACTOR_NODES)
    assert len(without) == 2  # "Hargreaves" alone is not known to be Tom Hargreaves

    report = graph.build(articles, store=tmp_path / "with", identity=(identity,))
    assert report.written == 2 and not report.errors
    nodes = graph.query(graph.open_store(tmp_path / "with"), ACTOR_NODES)
    assert list(nodes["label"]) == ["Tom Hargreaves"]

    assert graph.build(articles, store=tmp_path / "with", identity=(identity,)).skipped == 2
    identity.write_text(
        json.dumps({"same": [["Tom Hargreaves", "Hargreaves"]], "types": {"Tom Hargreaves": "Official"}}),
        encoding="utf-8",
    )
    report = graph.build(articles, store=tmp_path / "with", identity=(identity,))
    assert report.skipped == 0 and report.written == 2
    store = graph.open_store(tmp_path / "with")
    nodes = graph.query(store, ACTOR_NODES)
    assert list(nodes["label"]) == ["Tom Hargreaves"]
    types = graph.query(store, "SELECT ?t WHERE { ?a rdfs:label 'Tom Hargreaves' ; a ?t }")
    assert [str(t).rpartition("#")[2] for t in types["t"]] == ["Official"]


@pytest.mark.model
def test_blair_and_mr_blair_are_one_node_with_an_identity_file(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Mr Blair said on Monday that the new budget was fair.\n", encoding="utf-8")
    (articles / "b.txt").write_text("Tony Blair said on Tuesday that the ruling was wrong.\n", encoding="utf-8")
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps({"same": [["Tony Blair", "Blair"]]}), encoding="utf-8")
    graph.build(articles, store=tmp_path / "kg", identity=(identity,))
    query = ACTOR_NODES.replace("hargreaves", "blair")
    nodes = graph.query(graph.open_store(tmp_path / "kg"), query)
    assert list(nodes["label"]) == ["Tony Blair"]
