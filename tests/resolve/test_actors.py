"""Actors through the real model: canonical identity, types, roles, affiliations."""

import pytest

from graph.ingest import make_article
from graph.pipeline.articles import extract_one
from graph.pipeline.build import build
from graph.rdf.mapping import actor_triples
from graph.rdf.mint import Minter
from graph.rdf.vocab import OWL, WD
from graph.records import ActorType
from graph.settings import Settings
from graph.store.embedded import open_store

pytestmark = pytest.mark.model


def actors_of(text, published=None):
    extraction = extract_one(make_article(text, published=published), Settings())
    return {a.key: a for a in extraction.actors}, extraction


def test_us_names_resolve_to_one_state_with_wikidata():
    text = (
        "The U.S. said it would act. The United States has pressed for talks. "
        "Washington urged restraint. American officials declined to comment."
    )
    actors, _ = actors_of(text)
    states = [a for a in actors.values() if a.actor_type is ActorType.STATE]
    assert [a.key for a in states] == ["wd:Q30"]
    (us,) = states
    assert {"U.S.", "Washington", "American"} <= set(us.alt_labels) | {us.label}
    assert (Minter().actor("wd:Q30"), OWL.sameAs, WD.Q30) in set(actor_triples(us, Minter()))


def test_bracketed_alias_is_one_ngo():
    actors, _ = actors_of(
        '"We are exhausted," said a spokesperson for Médecins Sans Frontières (Doctors Without Borders).'
    )
    ngos = [a for a in actors.values() if a.actor_type is ActorType.NGO]
    assert len(ngos) == 1 and ngos[0].label == "Médecins Sans Frontières"
    assert "Doctors Without Borders" in ngos[0].alt_labels


def test_title_becomes_role_and_demonym_the_affiliation():
    actors, _ = actors_of("Israeli Defense Minister Yoav Gallant defended the operations on Monday.")
    gallant = next(a for a in actors.values() if a.label == "Yoav Gallant")
    assert gallant.actor_type is ActorType.OFFICIAL
    assert gallant.role == "Defense Minister" and gallant.affiliation == "wd:Q801"


def test_unknown_official_keeps_title_as_role_not_name():
    actors, _ = actors_of("Ruritanian Foreign Minister Anna Kovac said the talks had failed.")
    person = next(a for a in actors.values() if a.actor_type in (ActorType.OFFICIAL, ActorType.PERSON))
    assert person.label == "Anna Kovac" and person.role == "Foreign Minister"
    assert person.actor_type is ActorType.OFFICIAL


def test_surname_joins_full_name_within_article():
    actors, _ = actors_of("Maria Lindqvist, a researcher, spoke first. Later Lindqvist said the data were clear.")
    people = [a for a in actors.values() if a.actor_type in (ActorType.PERSON, ActorType.OFFICIAL)]
    assert [p.label for p in people] == ["Maria Lindqvist"]


def test_capital_metonym_resolves_to_state():
    actors, _ = actors_of("The Kremlin rejected the proposal, and Beijing said it was premature.")
    assert {"wd:Q159", "wd:Q148"} <= set(actors)


def test_office_holder_role_as_of_article_date():
    actors, _ = actors_of("Mr Blair said the plan would work.", published="2005-03-01")
    blair = actors["wd:Q9545"]
    assert blair.role == "Prime Minister" and blair.affiliation == "wd:Q145"


def test_place_that_does_not_act_is_not_an_actor():
    actors, _ = actors_of("Violence spread across the Middle East and northern Gaza on Tuesday.")
    assert not actors


def test_government_body_belongs_to_its_state():
    actors, _ = actors_of("The U.S. State Department said talks had stalled.")
    body = actors["gz:governmentbody:us state department"]
    assert body.actor_type is ActorType.GOVERNMENT_BODY and body.affiliation == "wd:Q30"
    assert "wd:Q30" in actors


def test_two_articles_share_one_actor_iri(tmp_path):
    data = tmp_path / "two.jsonl"
    data.write_text(
        '{"text": "Israel said it would respond."}\n{"text": "Officials in Israel said the border stays closed."}\n',
        encoding="utf-8",
    )
    settings = Settings(store=tmp_path / "s")
    build([data], settings)
    store = open_store(settings.store, read_only=True)
    rows = list(
        store.query(
            "SELECT DISTINCT ?art WHERE { GRAPH ?g { ?art <http://schema.org/mentions> "
            "<https://w3id.org/stancegraph/id/actor/wd/Q801> } }"
        )
    )
    assert len(rows) == 2
