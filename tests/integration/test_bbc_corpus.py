"""Every BBC article of ../shared through the real pipeline: no junk actors, no crash."""

import re

import pytest

from graph.extract.layout import heading_bounds
from graph.ingest.readers import read_articles
from graph.pipeline.articles import extract_articles
from graph.records import Problem
from graph.settings import Settings
from tests.conftest import shared_path

pytestmark = [pytest.mark.model, pytest.mark.shared]
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "their"}
DATEISH = re.compile(
    r"^(?:(?:on |last |next |this )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?: \d{1,4})*|\d[\d.,]*\w*(?: \w+)?)$",
    re.I,
)


@pytest.fixture(scope="module")
def bbc_extractions():
    corpus = shared_path("corpus", "bbc-2004-2005")
    articles = [a for a in read_articles([corpus]) if not isinstance(a, Problem)]
    assert len(articles) >= 400
    results = list(extract_articles(articles, Settings()))
    assert not [r for r in results if isinstance(r, Problem)]
    return results


def test_no_actor_is_a_heading_date_number_or_pronoun(bbc_extractions):
    bad = []
    for extraction in bbc_extractions:
        text = extraction.article.text
        headings = {text[s:e].strip().lower() for s, e in heading_bounds(text)}
        for actor in extraction.actors:
            label = actor.label.strip()
            if (
                label.lower() in headings
                or DATEISH.match(label)
                or label.lower() in PRONOUNS
                or not any(c.isalpha() for c in label)
            ):
                bad.append((extraction.article.path, label))
    assert not bad, bad[:20]


def test_bbc_yields_statements(bbc_extractions):
    total = sum(len(e.statements) for e in bbc_extractions)
    assert total > 2 * len(bbc_extractions)
