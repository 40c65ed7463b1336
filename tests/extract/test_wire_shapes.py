"""More statement shapes of real copy (issue 15), on invented sentences: headline
attribution, a quote introduced by the paragraph before, a cue the parser left without a
subject, a statement followed by a participle that says more, transcripts with a moderator
the article never names, participle and relative-clause speakers, documents and polls as
sources, bare "police", and purpose clauses that are no speech."""

from __future__ import annotations

import pytest

from tests.factories import extracted

pytestmark = pytest.mark.model


def found(text: str) -> list[tuple[str, str, str, str]]:
    """(speaker label, actor type, mode, content) of every statement, in text order."""
    extraction = extracted(text)
    actors = {a.key: a for a in extraction.actors}
    return [
        (actors[s.speaker].label, actors[s.speaker].actor_type.value, s.mode.value, s.content.text if s.content else "")
        for s in extraction.statements
    ]


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Okafor: Lagos Port Strike Will End by Friday", "James Okafor"),
        ("Okafor on the Port Strike: Talks Will End It by Friday", "James Okafor"),
        ("Human Rights Watch: Lagos Port Strike Will End by Friday", "Human Rights Watch"),
    ],
)
def test_a_headline_opening_with_a_source_and_a_colon_attributes_it(headline, speaker):
    text = f"{headline}\n\nJames Okafor spoke on Tuesday at the harbour, Human Rights Watch said in a report."
    assert found(text)[0][0] == speaker and "Will End" in found(text)[0][3]


def test_a_poll_headline_is_an_anonymous_document_and_a_kicker_is_no_source():
    (poll,) = found("Poll: Most Voters Back the Port Deal\n\nA survey of 900 voters was published.")
    assert poll[1] == "AnonymousSource" and poll[3] == "Most Voters Back the Port Deal"
    assert found("Analysis: Most Voters Back the Port Deal\n\nA survey of 900 voters was published.") == []


def test_a_quote_opening_the_paragraph_after_said_colon_is_that_speakers():
    text = (
        "James Okafor spoke to the dockworkers at the gate.\n\n"
        "He said:\n\n"
        '"We will stay out until the port authority pays what it owes every one of us."\n\n'
        "The port authority did not answer."
    )
    assert found(text)[0][:3] == ("James Okafor", "Person", "DirectQuote")


def test_a_cue_after_a_quote_takes_the_name_before_it_when_the_parse_gives_none():
    text = "“I will make this promise to every family here,” Lagos port Chief James Okafor said Tuesday."
    assert [s[0] for s in found(text)] == ["James Okafor"]


def test_a_statement_then_a_participle_that_says_more_is_two_statements():
    text = "Senator Ines Carvalho said she did not think the tariffs would pass, arguing that the votes were not there."
    assert [(s[0], s[3]) for s in found(text)][-1] == ("Ines Carvalho", "that the votes were not there")
    assert len(found(text)) == 2
    quoted = "“The tariffs will not pass,” Ines Carvalho said, adding later, “The votes are not there.”"
    assert [s[3] for s in found(quoted)] == ["The tariffs will not pass,", "The votes are not there."]


def test_a_stance_explained_by_words_stays_one_statement():
    text = "The ministry announced the decision on Monday, citing a lack of progress in the talks."
    assert len(found(text)) <= 1


def test_a_moderator_in_capitals_with_turns_of_his_own_speaks_in_a_transcript():
    text = (
        "Governor John Whitaker spoke on the Sunday programme.\n\n"
        "HOLLIS: Will you sign the bill this week?\n\n"
        "WHITAKER: I will sign it on Friday, as I promised.\n\n"
        "HOLLIS: And if the assembly changes it?\n\n"
        "WHITAKER: Then we will talk again."
    )
    speakers = [s[0] for s in found(text)]
    assert speakers.count("HOLLIS") == 2 and speakers.count("John Whitaker") == 2


def test_a_participle_speaks_for_the_noun_it_modifies():
    text = "The embassy issued a statement saying that the consulate in Basra would reopen next month."
    assert found(text)[0][0] != "consulate"
    assert any("consulate in Basra would reopen" in s[3] for s in found(text))


def test_a_relative_clause_after_a_list_speaks_for_the_last_name():
    text = 'The guests included Amara Diallo, Tomas Brandt and Keiko Mori, who joked, "I came for the food."'
    assert [s[0] for s in found(text)] == ["Keiko Mori"]


@pytest.mark.parametrize("source", ["the poll", "exit polls", "federal statistics", "a new survey"])
def test_polls_and_statistics_are_anonymous_sources(source):
    (statement,) = found(f"The governor leads by six points, according to {source}.")
    assert statement[1] == "AnonymousSource" and statement[3] == "The governor leads by six points"


def test_bare_police_is_the_force_the_article_names():
    text = (
        "The officer was not wearing a camera, police said.\n\n"
        "The Lagos State Police Command released a video on Saturday."
    )
    assert found(text)[0][0] == "Lagos State Police Command"
    unnamed = found("The officer was not wearing a camera, police said.")
    assert unnamed[0][0] == "police" or unnamed[0][0] == "Police"


def test_a_purpose_clause_is_no_speech():
    assert found("The tweet was only to mock the senator, Ines Carvalho, before the vote.") == []
