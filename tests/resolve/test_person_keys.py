"""Keys of people known by name only."""

from __future__ import annotations

from graph.knowledge.gazetteer import build_gazetteer
from graph.records import ActorType
from graph.resolve.book import ArticleActors
from graph.resolve.people import name_key
from tests.factories import extraction


def book() -> ArticleActors:
    return ArticleActors(extraction("Text.", [], []).article, build_gazetteer([]))


def test_spellings_of_one_full_name_share_a_key():
    keys = {name_key(book(), n, ActorType.PERSON) for n in ("Kim Jong-un", "Kim Jong Un", "Mr Kim Jong Un")}
    assert len(keys) == 1
    assert name_key(book(), "Robert S. Mueller", ActorType.PERSON) == name_key(
        book(), "Robert Mueller", ActorType.PERSON
    )


def test_a_surname_alone_stays_in_its_article_and_types_do_not_split_names():
    assert "@" in name_key(book(), "Kilroy-Silk", ActorType.PERSON)
    assert name_key(book(), "Labour", ActorType.GROUP) == name_key(book(), "Labour", ActorType.POLITICAL_PARTY)
