"""A surname alone links to the one gazetteer person active on the date in the article's states."""

from __future__ import annotations

from graph.knowledge.gazetteer import GazetteerEntry, Term, build_gazetteer
from graph.knowledge.people import person_by_surname
from graph.records import ActorType

UK, US = "wd:Q145", "wd:Q30"
GAZETTEER = build_gazetteer(
    [
        GazetteerEntry(UK, "United Kingdom", ActorType.STATE),
        GazetteerEntry(US, "United States", ActorType.STATE),
        GazetteerEntry(
            "p:tony", "Tony Blair", ActorType.OFFICIAL, terms=(Term("Prime Minister", UK, "1997-05-02", "2007-06-27"),)
        ),
        GazetteerEntry(
            "p:dennis",
            "Dennis C. Blair",
            ActorType.OFFICIAL,
            terms=(Term("intelligence", US, "2009-01-29", "2010-05-28"),),
        ),
        GazetteerEntry(
            "p:ken", "Ken Clarke", ActorType.OFFICIAL, terms=(Term("government", UK, "2003-01-01", "2012-01-01"),)
        ),
        GazetteerEntry(
            "p:charles",
            "Charles Clarke",
            ActorType.OFFICIAL,
            terms=(Term("government", UK, "2003-01-01", "2006-05-05"),),
        ),
    ]
)


def test_the_one_person_active_on_the_date_in_the_articles_states():
    assert person_by_surname(GAZETTEER, "Blair", "2005-03-01", {UK}).key == "p:tony"
    assert person_by_surname(GAZETTEER, "Mr Blair".split()[-1], "2009-06-01", {US}).key == "p:dennis"


def test_no_link_when_two_fit_or_nothing_tells():
    assert person_by_surname(GAZETTEER, "Clarke", "2005-03-01", {UK}) is None
    assert person_by_surname(GAZETTEER, "Blair", None, {UK}) is None
    assert person_by_surname(GAZETTEER, "Blair", "2005-03-01", set()) is None
    assert person_by_surname(GAZETTEER, "Blair", "2015-03-01", {UK}) is None


def test_another_spelling_links_only_with_a_similar_first_name_and_the_context():
    from graph.knowledge.people import similar_person

    iraq = "wd:Q796"
    gazetteer = build_gazetteer(
        [
            GazetteerEntry(iraq, "Iraq", ActorType.STATE),
            GazetteerEntry(
                "p:maliki",
                "Nuri al-Maliki",
                ActorType.OFFICIAL,
                terms=(Term("Prime Minister", iraq, "2006-05-20", "2014-09-08"),),
            ),
        ]
    )
    assert similar_person(gazetteer, "Nouri al-Maliki", "2014-06-10", {iraq}).key == "p:maliki"
    assert similar_person(gazetteer, "Ahmed al-Maliki", "2014-06-10", {iraq}) is None  # another first name
    assert similar_person(gazetteer, "Nouri al-Maliki", "2020-06-10", {iraq}) is None  # not in office then
