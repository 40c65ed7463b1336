"""A speaker's name, type, role and affiliation as a demanding reader gives them: titles
and names the recogniser cut or misread, in sentences of our own (each row the kind of input
that went wrong on real or variant articles, with what it gave before)."""

from __future__ import annotations

import pytest

from tests.factories import speaker_facts

pytestmark = pytest.mark.model


FACTS = [
    # "Ambassador to the U.N." was no title ("U.N." has full stops): an anonymous "U.S.
    # Ambassador to the U.N. Samantha Power"; Nikki Haley, read as an organisation, a Person of the UN.
    pytest.param(
        "“Only the regime could have done this,” U.S. Ambassador to the U.N. Samantha Power said on Friday.",
        ("Samantha Power", "Official", "Ambassador to the U.N.", "United States"),
        id="title-with-abbreviated-complement",
    ),
    pytest.param(
        "US ambassador to the UN Nikki Haley said the vote was a disgrace.",
        ("Nikki Haley", "Official", "ambassador to the UN", "United States"),
        id="title-complement-before-a-name-read-as-organisation",
    ),
    # "Abbas" (a person) + "Kadhim" (an organisation): a Group "Kadhim".
    pytest.param(
        "“Sistani is on the side of tolerance,” says Abbas Kadhim, an analyst at the Atlantic Council.",
        ("Abbas Kadhim", "Person", "analyst", "Atlantic Council"),
        id="first-name-and-surname-read-apart",
    ),
    # "CNN Pentagon Correspondent Barbara Starr" made her the Pentagon's, and the Pentagon CNN's.
    pytest.param(
        "CNN Pentagon correspondent Barbara Starr said the strike had hit the base.",
        ("Barbara Starr", "Person", "Pentagon correspondent", "CNN"),
        id="journalists-beat",
    ),
    pytest.param(
        "NBC White House correspondent Peter Alexander said the president was angry.",
        ("Peter Alexander", "Person", "White House correspondent", "NBC News"),
        id="journalists-beat-variant",
    ),
    # The recogniser's organisation "Minister of Information" spoke (a Group of Nigeria).
    pytest.param(
        "Nigeria's Minister of Information, Bayo Alade, said the strike was illegal.",
        ("Bayo Alade", "Official", "Minister of Information", "Nigeria"),
        id="capitalised-title-with-complement",
    ),
    pytest.param(
        "Kenya's Cabinet Secretary for Health, Mary Wanjiru, said the strike was illegal.",
        ("Mary Wanjiru", "Official", "Secretary", "Kenya"),
        id="capitalised-title-with-complement-variant",
    ),
    # "TD" was no title and the recogniser kept only "Breathnach".
    pytest.param(
        "Sinn Féin TD Ciarán Breathnach said the bill was unfair.",
        ("Ciarán Breathnach", "Official", "TD", "Sinn Fein"),
        id="first-name-between-title-and-surname",
    ),
    # A secretary with a portfolio was a Person of no state.
    pytest.param(
        "Bangladesh's disaster management secretary Anisur Haque said the floods were receding.",
        ("Anisur Haque", "Official", "disaster management secretary", "Bangladesh"),
        id="secretary-with-portfolio",
    ),
    # "Democratic Rep." was affiliated to a Group "Democratic".
    pytest.param(
        "Democratic Rep. Alicia Moreno said the bill was cruel.",
        ("Alicia Moreno", "Official", "Representative", "Democratic Party"),
        id="democratic-is-the-party",
    ),
    # An expert on Russian operations spoke for Russia.
    pytest.param(
        "Oleksandr Danylyuk, an expert on Russian information operations, said the campaign would go on.",
        ("Oleksandr Danylyuk", "Person", "expert", None),
        id="expert-on-a-state",
    ),
    # Kenya's electoral commission was an anonymous source.
    pytest.param(
        "Kenya's electoral commission said the vote would go ahead.",
        ("electoral commission (Kenya)", "GovernmentBody", None, "Kenya"),
        id="electoral-commission",
    ),
    # "head" was no title: no role and no organisation.
    pytest.param(
        "Samuel Oduya, head of the World Health Organization's office in Juba, said the outbreak was spreading.",
        ("Samuel Oduya", "Official", "head", "World Health Organization"),
        id="head-of-an-office",
    ),
    # "the interior ministry of Libya's Tripoli-based government said" had Libya speak.
    pytest.param(
        "The interior ministry of Libya's Tripoli-based government said that three people had been killed.",
        ("interior ministry (Libya)", "GovernmentBody", None, "Libya"),
        id="ministry-of-a-states-government",
    ),
    # "Assad Omar, Afghanistan's envoy" spoke for Bashar al-Assad (the recogniser saw only
    # "Assad"), or, where it saw both words, merged with Ilhan Omar across articles.
    pytest.param(
        "Talks in Geneva stall\n\nAssad Omar, Afghanistan's envoy to the United Nations, said the talks had failed.",
        ("Assad Omar", "Official", "envoy", "Afghanistan"),
        id="name-holding-a-gazetteer-surname",
    ),
    pytest.param(
        "Talks\n\nOn Monday, Assad Omar, Afghanistan's envoy, said the talks on the dam had failed.",
        ("Assad Omar", "Official", "envoy", "Afghanistan"),
        id="name-holding-a-gazetteer-surname-variant",
    ),
    # "Pakistan's Foreign Office" was the UK's Foreign Office, affiliated to Pakistan too.
    pytest.param(
        "Pakistan's Foreign Office said the claim about the dam was baseless.",
        ("Foreign Office (Pakistan)", "GovernmentBody", None, "Pakistan"),
        id="another-states-body-of-a-gazetteer-name",
    ),
    pytest.param(
        "Britain's Foreign Office said the claim about the dam was baseless.",
        ("Foreign Office", "GovernmentBody", None, "United Kingdom"),
        id="the-gazetteer-body-its-own-state-owns",
    ),
    # "Hong Kong's Liberal Party" was the Liberal Party of Canada.
    pytest.param(
        "Hong Kong's Liberal Party said the law on the dam was needed.",
        ("Liberal Party", "PoliticalParty", None, "Hong Kong"),
        id="another-states-party-of-a-gazetteer-name",
    ),
    # A hyphenated title, split by the tokenizer, was its last word: "President", "General".
    pytest.param(
        "Yemeni Vice-President Khaled Bahah said the talks on the dam had failed.",
        ("Khaled Bahah", "Official", "Vice-President", "Yemen"),
        id="hyphenated-title",
    ),
    # "The Trump administration said" was anonymous (18 statements in 250 AllSides articles).
    pytest.param(
        "Talks\n\nThe Trump administration said the sanctions on the dam builders would stay.",
        ("Trump administration", "GovernmentBody", None, "Donald Trump"),
        id="administration-named-after-its-leader",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FACTS)
def test_a_speakers_name_type_role_and_affiliation(text, expected):
    assert speaker_facts(text) == [expected]
