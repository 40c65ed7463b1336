"""Definite descriptions as speakers: "the president said", "the minister told
reporters", "the Palestinian leader warned". The description stands for the actor of
the article who holds that role (the most recently named before the statement): one whose
role holds every word of the description, else the only holder of a role with the same
head ("the GOP nominee" for the "Republican presidential nominee"); otherwise it stays an
anonymous source of its article.
"""

from __future__ import annotations

from graph.records import Actor, ActorType, Mention

PEOPLE = (ActorType.PERSON, ActorType.OFFICIAL)
LOOSE_WORDS = {"the", "former", "new", "outgoing", "incoming", "then", "current", "acting", "veteran", "top"}


def described_actor(
    mention: Mention,
    text: str,
    *,
    actors: dict[str, Actor],
    by_span: dict[tuple[int, int], str],
    before: int,
    affiliation: str | None = None,
) -> str | None:
    """The key of the person a definite description ("the president") means, or None.

    :param mention: the speaker mention ("president" of "the president").
    :param text: the article text (the description must be definite: "the" before it).
    :param actors: the article's actors by key; ``by_span``: mention spans -> keys.
    :param before: the statement's offset (the role holder must be named before it).
    :param affiliation: the state or organisation the description names ("Palestinian"), if any.
    """
    words = [w for w in mention.span.text.lower().replace("’s", "").replace("'s", "").split() if w not in LOOSE_WORDS]
    definite = mention.span.text.lower().startswith("the ") or text[: mention.span.start].lower().endswith("the ")
    if not definite or not words:
        return None
    holders: dict[str, int] = {}  # key -> where the holder was last named before the statement
    for (start, _end), key in by_span.items():
        actor = actors.get(key)
        if actor is not None and actor.actor_type in PEOPLE and actor.role and start < before:
            if heads_match(words, actor, affiliation):
                holders[key] = max(start, holders.get(key, -1))
    exact = {k: at for k, at in holders.items() if fits(words, actors[k], affiliation)}
    chosen = exact or (holders if len(holders) == 1 else {})
    return max(chosen, key=lambda k: chosen[k]) if chosen else None


def heads_match(words: list[str], actor: Actor, affiliation: str | None) -> bool:
    """The description's head is the role's head ("nominee" of "Republican presidential
    nominee"), and a named state or organisation is the actor's."""
    role = (actor.role or "").lower().split()
    return bool(role) and role[-1] == words[-1] and (affiliation is None or actor.affiliation == affiliation)


def fits(words: list[str], actor: Actor, affiliation: str | None) -> bool:
    """Every word of the description is in the role (the head matched already). A role
    holder whose role shares only the head is taken when no other holder is named."""
    role = (actor.role or "").lower().split()
    return all(w in role for w in words[:-1] if affiliation is None or w[:1].isalpha())
