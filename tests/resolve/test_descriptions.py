"""Definite descriptions as speakers ("the president said")."""

from __future__ import annotations

from graph.records import ActorType, Mention, TextSpan
from graph.resolve.descriptions import described_actor
from tests.factories import actor

TEXT = "President Joe Biden met Prime Minister Benjamin Netanyahu. The president said talks would go on."
ACTORS = {
    "biden": actor("biden", "Joe Biden", ActorType.OFFICIAL, role="President"),
    "bibi": actor("bibi", "Benjamin Netanyahu", ActorType.OFFICIAL, role="Prime Minister"),
}
SPANS = {(10, 19): "biden", (39, 57): "bibi"}


def description(text: str, start: int) -> Mention:
    return Mention(TextSpan(start, start + len(text), text), "GROUP", anonymous=True)


def test_the_description_is_the_role_holder_named_before():
    found = described_actor(description("president", 63), TEXT, actors=ACTORS, by_span=SPANS, before=59)
    assert found == "biden"


def test_a_role_nobody_in_the_article_holds_stays_unresolved():
    text = TEXT.replace("The president", "The general  ")
    assert described_actor(description("general", 63), text, actors=ACTORS, by_span=SPANS, before=59) is None


def test_the_role_head_is_enough_for_the_only_holder_and_other_words_choose_among_holders():
    text = TEXT.replace("The president", "The GOP minister  ")
    assert described_actor(description("GOP minister", 63), text, actors=ACTORS, by_span=SPANS, before=59) == "bibi"
    two = {**ACTORS, "gallant": actor("gallant", "Yoav Gallant", ActorType.OFFICIAL, role="Defence Minister")}
    spans = {**SPANS, (0, 5): "gallant"}
    text = TEXT.replace("The president", "The defence minister")
    assert described_actor(description("defence minister", 63), text, actors=two, by_span=spans, before=59) == "gallant"
    text = TEXT.replace("The president", "The minister ")
    assert described_actor(description("minister", 63), text, actors=two, by_span=spans, before=59) == "bibi"
