"""Statement shapes of real wire copy (issue 15), on invented sentences: naming cues,
signed quotes, time phrases before a that-less clause, partial quotes that lose their
closing mark, and a quote that follows reported speech with no cue of its own."""

from __future__ import annotations

import pytest

from tests.factories import extracted

pytestmark = pytest.mark.model


def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker label, mode, content) of every statement, in text order."""
    extraction = extracted(text)
    labels = {a.key: a.label for a in extraction.actors}
    return [(labels[s.speaker], s.mode.value, s.content.text if s.content else "") for s in extraction.statements]


def test_calling_something_a_name_is_a_statement_and_summoning_is_not():
    assert found("Mariela Quintanar called the ceasefire proposal a dangerous illusion.") == [
        ("Mariela Quintanar", "IndirectSpeech", "the ceasefire proposal a dangerous illusion")
    ]
    assert found("The governor Mariela Quintanar called National Guard members to the capital.") == []


@pytest.mark.parametrize(
    "line",
    [
        "Ana Ruiz ― “The border must stay open for the convoys.”",
        "Ana Ruiz — “The border must stay open for the convoys.”",
        "“The border must stay open for the convoys.” — Ana Ruiz",
    ],
)
def test_a_quote_signed_with_a_name_is_that_persons(line):
    text = f"Readers respond\n\nWe asked readers what they think.\n\n{line}"
    assert found(text) == [("Ana Ruiz", "DirectQuote", "The border must stay open for the convoys.")]


def test_a_time_phrase_between_cue_and_clause_is_not_content():
    text = "Sudan's army said on Thursday night its troops had retaken the bridge over the Nile."
    assert [content for _s, _m, content in found(text)] == ["its troops had retaken the bridge over the Nile"]


def test_a_partial_quote_that_lost_its_closing_mark_ends_with_its_paragraph():
    text = (
        "The Turkish foreign minister Hakan Demir described the offer as “a first step.\n\n"
        "“Nobody here will sign it,” the Greek prime minister Nikos Andreou told reporters."
    )
    assert found(text) == [
        ("Hakan Demir", "MixedQuote", "the offer as “a first step."),
        ("Nikos Andreou", "DirectQuote", "Nobody here will sign it,"),
    ]


def test_a_cueless_quote_after_reported_speech_is_a_second_statement_of_its_speaker():
    text = "Dana Whitcombe, a Green MP, said she feared the clinic would close. “Families have nowhere to go.”"
    assert found(text) == [
        ("Dana Whitcombe", "IndirectSpeech", "she feared the clinic would close"),
        ("Dana Whitcombe", "DirectQuote", "Families have nowhere to go."),
    ]


def targets_of(text: str) -> list[tuple[str, tuple[str, ...]]]:
    extraction = extracted(text, "2024-05-01")
    labels = {a.key: a.label for a in extraction.actors}
    return [(s.kind.value, tuple(labels[t] for t in s.targets)) for s in extraction.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support of an action against X: the words are stated about X, X is not supported
        (
            'Defence minister Avi Kedem defended the strikes, saying: "We will not stop until Hezbollah is disarmed."',
            [("Assert", ("Hezbollah",))],
        ),
        ("The European Union criticised Israel's settlement policy on Monday.", [("Criticize", ("Israel",))]),
        ("Egypt urged Hamas to accept the truce proposal.", [("Appeal", ("Hamas",))]),
        ("Qatar demanded that Israel withdraw its troops from Rafah.", [("Demand", ("Israel",))]),
        ("Iran threatened Israel with a harsh response.", [("Threaten", ("Israel",))]),
        ("Hamas said Israel had violated the ceasefire.", [("Assert", ("Israel",))]),
    ],
)
def test_a_stance_targets_what_it_is_for_or_against_not_every_actor_it_names(text, expected):
    assert targets_of(text) == expected


def test_transcript_turns_are_their_speakers_words_and_cues_inside_are_not_statements():
    text = (
        "Debate preview\n\n"
        "Senator Ruth Okafor spoke to the host Dan Mercer on Sunday.\n\n"
        "MERCER: Will the governor attend the debate tomorrow night?\n\n"
        "OKAFOR: Well, look, the governor said she would come. We will focus on jobs.\n\n"
        "MERCER: Do you really see those two as equivalent?"
    )
    assert [(speaker, mode) for speaker, mode, _c in found(text)] == [
        ("Dan Mercer", "DirectQuote"),
        ("Ruth Okafor", "DirectQuote"),
        ("Dan Mercer", "DirectQuote"),
    ]


def test_a_document_with_no_named_owner_speaks_as_an_anonymous_source():
    text = "The ruling said the state could not purge voters so close to an election."
    extraction = extracted(text, "2024-05-01")
    speakers = {a.key: a for a in extraction.actors}
    assert [speakers[s.speaker].actor_type.value for s in extraction.statements] == ["AnonymousSource"]


def test_a_press_round_up_byline_signs_the_excerpt_above_it():
    text = (
        "Leaders react to the summit\n\nFrom the Left\n\n"
        "“It will be a different kind of war, one the country is not ready for.”\n\n"
        "Miriam Castell and Owen Brandt, Daily Courier\n\n"
        "“The deal was a bad one and the president was right to end it.”\n\n"
        "Editorial Board, New York Post"
    )
    assert [speaker for speaker, _mode, _content in found(text)] == [
        "Miriam Castell",
        "Owen Brandt",
        "The New York Post",
    ]


def test_a_round_up_byline_signs_the_excerpt_whatever_few_words_introduce_it():
    """AllSides' "The Flip Side": "Many note that “…” German Lopez, Vox" gave the excerpt to
    "Many" (45 of 84 excerpts in 7 such articles went to "Many", "Others" or "Some")."""
    text = (
        "Views on the summit\n\nFrom the Left\n\n"
        "Many note that “The summit showed how little the allies now agree on. Nothing said in London suggested a "
        "change.” Tamsin Hale, Daily Courier\n\n"
        "Others note, “The alliance has survived worse than this.”\n\n"
        "Rupert Okafor, Evening Ledger"
    )
    assert [speaker for speaker, _mode, _content in found(text)] == ["Tamsin Hale", "Rupert Okafor"]


def test_a_person_in_brackets_after_an_organisation_is_not_its_other_name():
    text = 'The New York Times (Peter Baker): "It will be a different kind of war," he wrote.'
    extraction = extracted(text, "2019-05-01")
    assert all("Peter Baker" not in a.alt_labels for a in extraction.actors)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The rule removes the Federal Atomic Power of Russia (Rusatom) from the list, officials said.", "Russia"),
        ("The nuclear agency of Iran (Sazman) said the talks would go on.", "Iran"),
    ],
)
def test_a_bracketed_name_after_the_end_of_a_longer_name_does_not_rename_the_end(text, state):
    extraction = extracted(text, "2019-05-01")
    aliases = {n for a in extraction.actors if a.label == state for n in a.alt_labels}
    assert not aliases & {"Rusatom", "Sazman"}, aliases


def test_an_organisation_after_of_keeps_its_bracketed_acronym():
    text = "The commander of the Islamic Revolutionary Guard Corps (IRGC) said the talks would fail."
    extraction = extracted(text, "2019-05-01")
    assert any("IRGC" in a.alt_labels for a in extraction.actors), [(a.label, a.alt_labels) for a in extraction.actors]


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed on Monday, officials said. “We are hopeful,” Jane Smith said.",
        "The strike killed 12 people, the report said. “This is a massacre,” Omar Haddad told reporters.",
    ],
)
def test_a_quote_belongs_to_the_cue_of_its_own_sentence_not_the_nearer_one_before(text):
    speaker, mode, _content = found(text)[-1]
    assert len(found(text)) == 2 and mode == "DirectQuote" and speaker in ("Jane Smith", "Omar Haddad"), found(text)


@pytest.mark.parametrize(
    ("text", "speaker", "absent"),
    [
        ("Trade across North America will fall, the minister said.", "minister", "United States"),
        ("Bank of America said the sanctions on Iran would cost it little.", "Bank of America", "United States"),
        ("The governor of New Mexico said the border was calm.", "governor of New Mexico", "Mexico"),
        ("The Central Bank of Cyprus said deposits were safe.", "Central Bank of Cyprus", "Cyprus"),
    ],
)
def test_a_name_holding_a_states_name_is_not_that_state(text, speaker, absent):
    extraction = extracted(text, "2018-04-09")
    assert [speaker] == [s for s, _m, _c in found(text)]
    assert absent not in {a.label for a in extraction.actors}


@pytest.mark.parametrize(
    ("text", "speaker", "words"),
    [
        (
            "“This is a great day,” Trump declared after a press conference where Pence and Pompeo discussed "
            "the deal. “Millions of lives will be saved.”",
            "Donald Trump",
            "Millions of lives",
        ),
        (
            "“The talks are over,” Ahmed Saleh said after a meeting at which the envoys discussed the truce. "
            "“We will not return.”",
            "Ahmed Saleh",
            "We will not return",
        ),
    ],
)
def test_a_quote_after_an_interrupted_one_is_not_given_to_a_relative_clauses_speaker(text, speaker, words):
    extraction = extracted(text, "2019-10-17")
    labels = {a.key: a.label for a in extraction.actors}
    holders = [labels[s.speaker] for s in extraction.statements if any(words in q.text for q in s.quote)]
    assert holders == [speaker]


def test_capitalised_labels_with_a_colon_are_no_transcript_speakers():
    text = (
        "Benghazi hearing\n\n"
        "SPECIAL COVERAGE: Benghazi Attack Under Microscope\n\n"
        "UPDATE: The committee will meet again on Friday.\n\n"
        "FILE PHOTO: The logo of ZTE is seen on its building in Beijing."
    )
    assert found(text) == []


def test_they_after_unnamed_officials_is_those_officials_not_a_group_they_named():
    text = (
        "Current and former U.S. officials said the disclosure risked cooperation from an ally "
        "that fights the Islamic State. They said that senior White House officials took steps to contain the damage."
    )
    assert [speaker for speaker, _m, _c in found(text)] == ["Current and former U.S. officials"] * 2


def test_two_coordinated_cues_that_each_say_something_are_two_statements():
    text = "The minister Hakan Demir praised the agreement and said talks would resume on Monday."
    assert found(text) == [
        ("Hakan Demir", "IndirectSpeech", "the agreement"),
        ("Hakan Demir", "IndirectSpeech", "talks would resume on Monday"),
    ]


def test_the_writers_question_is_no_statement():
    assert found("Trial opens\n\nWhat does the defence minister Hakan Demir say?\n\nThe hearing starts today.") == []


def test_a_document_speaks_for_whoever_issued_it_earlier():
    text = (
        "Russia's Foreign Ministry issued a statement on Monday. "
        '"The sanctions are illegal and will be answered," the statement said.'
    )
    assert [speaker for speaker, _m, _c in found(text)] == ["Foreign Ministry (Russia)"]


def test_an_excerpt_over_two_paragraphs_is_signed_by_the_byline_after_it():
    text = (
        "Round-up\n\nFrom the Left\n\n"
        "“The administration seems to be trying to thread an impossible needle.\n\n"
        "“It will fail, and the region will pay for it.”\n\n"
        "Miriam Castell, Daily Courier"
    )
    assert [speaker for speaker, _m, _c in found(text)] == ["Miriam Castell"]


def test_naming_something_with_a_preposition_in_its_object_is_no_appeal():
    extraction = extracted("Sen. Dale Horvath called the plan on the table a terrible deal.", "2018-05-01")
    assert [s.kind.value for s in extraction.statements] == ["Assert"]


@pytest.mark.parametrize(
    "text",
    ["The White House declined to comment on the report.", "A spokesman refused to say whether talks would resume."],
)
def test_declining_to_comment_is_no_statement(text):
    assert found(text) == []


def test_a_relative_pronoun_is_the_source_as_written_and_its_noun_the_speaker():
    extraction = extracted("The plan was opposed by Hakan Demir, who argued that it would fail.", "2018-05-01")
    labels = {a.key: a.label for a in extraction.actors}
    argued = [s for s in extraction.statements if s.content and "would fail" in s.content.text]
    assert [(labels[s.speaker], s.source.text if s.source else None) for s in argued] == [("Hakan Demir", "who")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Turkey accused Greece on Tuesday of militarising islands in the Aegean Sea.", "of militarising islands"),
        ("Turkey accused Greece of militarising islands in the Aegean Sea.", "of militarising islands"),
        ("Pakistan blamed India on Sunday for the attack on the convoy.", "for the attack on the convoy"),
        ("The senator criticized him for the deal with Iran.", "for the deal"),
        ("Iran condemned the killing of its general.", "the killing of its general"),
        ("Ankara warned the Kurdish YPG militia on Monday against any attack on its troops.", "against any attack"),
    ],
)
def test_an_accusation_is_its_charge_not_the_accused(text, content):
    """ "accused Greece on Tuesday of …" had the content "Greece" (the parser hangs "of" on
    "Tuesday"), "accused Greece of …" had "Greece of …"; a charge of a thing stays whole."""
    (statement,) = found(text)
    assert statement[2].startswith(content), statement


@pytest.mark.parametrize(
    "text",
    [
        "Pompeo did not say anything about the recordings.",
        "The minister said nothing about the talks.",
    ],
)
def test_saying_nothing_about_something_is_no_position(text):
    assert found(text) == []
