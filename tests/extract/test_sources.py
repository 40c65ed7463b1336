"""Sources that are no names (issue 15), on invented sentences: "it said", documents a
sentence before brought in, poll shares, quantified and unnamed groups, the writer of an
opinion piece, relative pronouns, words of an office title and judges by their title."""

from __future__ import annotations

import pytest

from tests.factories import extracted

pytestmark = pytest.mark.model


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(speaker label, actor type, source as written, content) of every statement."""
    extraction = extracted(text)
    actors = {a.key: a for a in extraction.actors}
    return [
        (
            actors[s.speaker].label,
            actors[s.speaker].actor_type.value,
            s.source.text if s.source else "",
            s.content.text if s.content else "",
        )
        for s in extraction.statements
    ]


def test_it_said_is_the_organisation_named_as_subject_before():
    text = "The Kenyan Foreign Ministry summoned the ambassador on Monday. It said the raid violated its sovereignty."
    assert found(text)[-1][:3] == ("Foreign Ministry (Kenya)", "GovernmentBody", "It")


def test_it_says_is_the_document_the_sentence_before_brought_in():
    text = "The council sent a letter to the mayor on Friday. It says the new market breaks zoning law."
    (statement,) = found(text)
    assert statement[2] == "It" and statement[3] == "the new market breaks zoning law"


def test_it_with_nothing_to_stand_for_is_no_source():
    assert found("It is clear that the talks failed, and it says a lot that nobody came.") == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("However, 63 percent said the governor was right to resign.", "63 percent"),
        ("Those close to the governor say she will not run again.", "Those close to the governor"),
        ("One said the governor would not run again.", "One"),
        ("To varying degrees, all agreed that the governor would not run again.", "all"),
    ],
)
def test_shares_and_quantified_people_are_anonymous_sources(sentence, source):
    (statement,) = found(sentence)
    assert statement[1] == "AnonymousSource" and statement[2] == source


def test_a_poll_share_is_labelled_as_respondents():
    (statement,) = found("In the survey, 41% said the governor was right to resign.")
    assert statement[0].startswith("respondents")


def test_the_writer_of_an_opinion_piece_is_named_by_its_closing_line():
    text = (
        "I grew up near the border. I should say that my father worked at the customs post for thirty years.\n\n"
        "Miriam Okonjo is a writer in Lagos and the author of two novels."
    )
    assert found(text)[0][0] == "Miriam Okonjo"
    unsigned = found("I should say that my father worked at the customs post for thirty years.")
    assert unsigned[0][:2] == ("the writer (I)", "AnonymousSource")


def test_which_is_the_source_as_written_and_that_is_not():
    which = found("The deal was first reported by Reuters, which said the talks had ended.")[-1]
    assert which[0] == "Reuters" and which[2] == "which"
    that = found("Ten nations that oppose the treaty met in Oslo.")
    assert all(s[2] != "that" for s in that)


def test_a_word_of_an_office_title_is_no_actor():
    extraction = extracted("Secretary of State John Kerry said Defense Secretary Chuck Hagel would travel to Kyiv.")
    assert not {"State", "Defense"} & {a.label for a in extraction.actors}


def test_the_judge_is_the_justice_named_before():
    text = (
        "Supreme Court Justice Maria Ortega rejected the request on Thursday.\n\n"
        "The judge agreed with the city that there was no reason to open the file."
    )
    assert found(text)[-1][0] == "Maria Ortega"
