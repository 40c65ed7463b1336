"""Statement shapes of real wire copy (issue 15), on invented sentences: naming cues,
signed quotes, time phrases before a that-less clause, partial quotes that lose their
closing mark, and a quote that follows reported speech with no cue of its own."""

from __future__ import annotations

import pytest

from graph.ingest import make_article
from graph.pipeline.articles import extract_one
from graph.settings import Settings

pytestmark = pytest.mark.model


def found(text: str) -> list[tuple[str, str, str]]:
    """(speaker label, mode, content) of every statement, in text order."""
    extraction = extract_one(make_article(text, published="2024-05-01"), Settings())
    labels = {a.key: a.label for a in extraction.actors}
    for s in extraction.statements:
        for span in (s.evidence, s.content, s.cue, s.source, *s.quote):
            if span is not None:
                assert text[span.start : span.end] == span.text
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
