"""What counts as a speech act (issue 15), on invented sentences: silence, aspect verbs,
topic cues, agreement, stance cues with a reason, asides, titles in quotes, blocks a
colon introduces, trailing sources and participles that say more."""

from __future__ import annotations

import pytest

from tests.factories import extracted

pytestmark = pytest.mark.model


def found(text: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(speaker label, kind, content, target labels) of every statement, in text order."""
    extraction = extracted(text)
    labels = {a.key: a.label for a in extraction.actors}
    return [
        (labels[s.speaker], s.kind.value, s.content.text if s.content else "", tuple(labels[t] for t in s.targets))
        for s in extraction.statements
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry did not respond to requests for comment on Tuesday.",
        "Kenya's foreign ministry did not specify which clauses it objected to.",
        "The officials spoke on condition of anonymity because they were not authorised to brief reporters.",
        "Asked about the convoy, the minister said nothing.",
        "No one immediately claimed responsibility for the bombing in Mogadishu.",
        "Protesters continued to ignore the curfew in Nairobi.",
    ],
)
def test_silence_and_actions_state_no_position(text):
    assert found(text) == []


def test_an_aspect_verb_gives_the_speech_act_it_carries():
    statements = found("Opposition leaders in Harare continued to call for an independent inquiry into the vote.")
    assert [(kind, content) for _s, kind, content, _t in statements] == [
        ("Appeal", "for an independent inquiry into the vote")
    ]


def test_agreeing_with_a_clause_is_an_assertion_and_with_a_person_support():
    (clause,) = found("Ruth Odinga agreed that Raila Mbeki had won the debate.")
    assert clause[1] == "Assert"
    (person,) = found("Ruth Odinga largely agreed with Raila Mbeki about the budget.")
    assert person[1] == "Support" and person[2].startswith("with Raila Mbeki")


def test_a_topic_cue_counts_with_a_thing_and_not_with_a_person():
    (topic,) = found("Senator Ines Carvalho has questioned the very need for a second runway.")
    assert topic[:3] == ("Ines Carvalho", "Criticize", "the very need for a second runway")
    assert found("Police in Lisbon questioned the suspect for six hours.") == []


def test_attacking_someone_for_something_is_criticism_not_an_assault():
    (words,) = found("Angela Merkel attacked Olaf Scholz for his support of the airport tax.")
    assert words[0] == "Angela Merkel" and words[1] == "Criticize" and "Olaf Scholz" in words[3]
    assert found("Gunmen attacked a convoy near the border on Sunday.") == []


def test_describing_something_as_something_is_a_statement():
    (statement,) = found("Ines Carvalho described the airport tax as a gift to the airlines.")
    assert statement[2] == "the airport tax as a gift to the airlines"


def test_an_aside_attributes_the_clause_around_it():
    (statement,) = found("The tax, as many economists have pointed out, falls hardest on the poor.")
    assert statement[2].startswith("The tax") and statement[2].endswith("falls hardest on the poor")


@pytest.mark.parametrize(
    "text",
    [
        'Ruth Odinga said on "Face the Nation," that the vote was fair.',
        "Ruth Odinga told “The Morning Show With Jane Kimani,” that the vote was fair.",
    ],
)
def test_a_title_in_quotation_marks_is_no_quotation(text):
    assert found(text)[0][2] == "that the vote was fair"


def test_a_paragraph_a_cue_introduces_with_a_colon_is_the_speakers():
    text = (
        "“The plan is dead,” Governor Ruth Odinga said.\n\n"
        "The governor added:\n\n"
        "It is typical of the opposition. They know nothing, but they talk anyway."
    )
    assert found(text)[-1][2] == "It is typical of the opposition. They know nothing, but they talk anyway."


def test_a_trailing_source_takes_the_words_before_it():
    (statement,) = found("Language unclear on whether farmers are covered, experts say.")
    assert statement[2] == "Language unclear on whether farmers are covered"


def test_a_participle_by_a_preposition_speaks_for_the_clause_subject():
    (statement,) = found("Ruth Odinga began by saying she would never negotiate with the militia.")
    assert statement[:3] == ("Ruth Odinga", "Assert", "she would never negotiate with the militia")


def test_an_appeal_targets_the_addressee_not_the_object_of_the_action():
    (statement,) = found("John Kerry urged China to pressure North Korea over its missile tests.")
    assert statement[1] == "Appeal" and statement[3] == ("China",)
    (threat,) = found("Iran threatened to strike Israel if the attacks continued.")
    assert threat[3] == ("Israel",)
