"""Definite descriptions as speakers: "the president said", "the minister told
reporters", "the Palestinian leader warned", "the commission said". The description stands for the actor of
the article who holds that role (the most recently named before the statement): one whose
role holds every word of the description, else the only holder of a role with the same
head ("the GOP nominee" for the "Republican presidential nominee"); otherwise it stays an
anonymous source of its article.
"""

from __future__ import annotations

from dataclasses import replace

from graph.records import PEOPLE, Actor, ActorType, Mention

# Words a description and a role write differently ("the GOP nominee", "Republican
# presidential nominee").
SYNONYMS = {"gop": "republican", "dem": "democratic", "democrat": "democratic", "u.s.": "us", "american": "us"}
HEAD_SYNONYMS = {
    "senator": ("legislator",),
    "congressman": ("legislator",),
    "congresswoman": ("legislator",),
    "lawmaker": ("legislator",),
    "mp": ("legislator",),
    "candidate": ("nominee",),
    "judge": ("justice",),
    "justice": ("judge",),
}
# Words an organisation's name uses for what a description calls it ("the union" for the
# Association of Flight Attendants, "the agency" for the Congressional Budget Office).
NEWSPAPER_WORDS = {"times", "post", "journal", "herald", "tribune", "telegraph", "guardian", "gazette"}
BODY_WORDS = {
    "union": {"union", "association", "federation", "guild", "brotherhood", "teamsters", "workers"},
    "agency": {"agency", "office", "administration", "bureau", "service", "investigations", "commission"},
    "group": {"group", "coalition", "alliance", "network", "front", "movement", "association"},
    "newspaper": NEWSPAPER_WORDS,
    "paper": NEWSPAPER_WORDS,
    "network": {"news", "network", "broadcasting", "television", "tv"},
    "company": {"company", "corp", "corporation", "inc", "group", "holdings", "energy"},
    "firm": {"firm", "company", "corp", "corporation", "inc", "partners", "group"},
}
RANKS_BELOW = {"deputy", "vice", "assistant", "associate", "junior", "shadow", "under"}  # not the office itself
LOOSE_WORDS = {"the", "former", "new", "outgoing", "incoming", "then", "current", "acting", "veteran", "top"}
# What a state is called once named ("Saudi Arabia rejected it. The kingdom said …"); not
# "the state", which in US news is one of the fifty.
STATE_WORDS = {"country", "kingdom", "nation", "republic", "emirate", "sultanate", "island nation"}


def described_actor(
    mention: Mention,
    text: str,
    *,
    actors: dict[str, Actor],
    by_span: dict[tuple[int, int], str],
    before: int,
    affiliation: str | None = None,
    term_roles: dict[str, tuple[str, ...]] | None = None,
) -> str | None:
    """The key of the person a definite description ("the president") means, or None.

    :param mention: the speaker mention ("president" of "the president").
    :param text: the article text (the description must be definite: "the" before it).
    :param actors: the article's actors by key; ``by_span``: mention spans -> keys.
    :param before: the statement's offset (the role holder must be named before it).
    :param affiliation: the state or organisation the description names ("Palestinian"), if any.
    :param term_roles: offices actors of an undated article may hold (their gazetteer terms).
    """
    text_words = mention.span.text.lower().replace("’s", "").replace("'s", "").split()
    words = [SYNONYMS.get(w, w) for w in text_words if w not in LOOSE_WORDS]
    definite = (
        mention.span.text.lower().startswith("the ")
        or text[: mention.span.start].lower().endswith("the ")
        or text_words == ["police"]  # "police said": the force the article named
    )
    if not definite or not words:
        return None
    if " ".join(words) in STATE_WORDS:
        return last_named(actors, by_span, before, ActorType.STATE)
    if words in (["north"], ["south"]):  # "the North" after North Korea, "the South" after South Korea
        return last_named(actors, by_span, before, ActorType.STATE, first_word=words[0])
    if affiliation in actors and actors[affiliation].actor_type is ActorType.POLITICAL_PARTY:
        affiliation = None  # "the GOP nominee": the party is a word of the role, not the affiliation
    holders: dict[str, int] = {}  # key -> where the holder was last named before the statement
    held: dict[str, Actor] = {}  # key -> the actor with the role that matched
    for (start, _end), key in by_span.items():
        actor = actors.get(key)
        if actor is None or actor.actor_type not in PEOPLE or start >= before:
            continue
        for holder in (actor, *(replace(actor, role=r) for r in (term_roles or {}).get(key, ()))):
            if holder.role and heads_match(words, holder, affiliation):
                holders[key], held[key] = max(start, holders.get(key, -1)), holder
                break
    exact = {k: at for k, at in holders.items() if fits(words, held[k], affiliation)}
    chosen = exact or (holders if len(holders) == 1 else {})
    if not chosen:  # "the commission" after "the Commission on Presidential Debates"
        bodies = {k: at for (at, _e), k in by_span.items() if named_body(words, actors.get(k))}
        earlier = {k: at for k, at in bodies.items() if at < before}
        chosen = earlier or (bodies if len(bodies) == 1 else {})  # "police said" … "the Charlotte police"
    return max(chosen, key=lambda k: chosen[k]) if chosen else None


def last_named(
    actors: dict[str, Actor], by_span: dict[tuple[int, int], str], before: int, kind: ActorType, first_word: str = ""
) -> str | None:
    """The actor of that type named last before offset ``before`` ("the kingdom" after
    "Saudi Arabia"), whose label opens with ``first_word`` if given ("the North"), or None."""
    named = [(start, key) for (start, _end), key in by_span.items() if start < before and key in actors]
    last = [
        (start, key)
        for start, key in named
        if actors[key].actor_type is kind and actors[key].label.lower().startswith(first_word)
    ]
    return max(last)[1] if last else None


def named_body(words: list[str], actor: Actor | None) -> bool:
    """An organisation whose name holds the description's head ("commission") or a word
    for it (``BODY_WORDS``: "the union" for an "Association")."""
    if actor is None or actor.actor_type in (*PEOPLE, ActorType.STATE, ActorType.ANONYMOUS_SOURCE):
        return False
    if len(words) != 1:
        return False
    label = set(actor.label.lower().replace("-", " ").split())
    return words[0] in label or bool(label & BODY_WORDS.get(words[0], set()))


def heads_match(words: list[str], actor: Actor, affiliation: str | None) -> bool:
    """The description's head is the role's head ("nominee" of "Republican presidential
    nominee"; "senator" of a "legislator"), and a named state or organisation is the actor's."""
    role = (actor.role or "").lower().split()
    role = role[: role.index("of")] if "of" in role[1:] else role  # "Chancellor of the Exchequer": a chancellor
    heads = {words[-1], *HEAD_SYNONYMS.get(words[-1], ())}
    same_rank = not RANKS_BELOW & set(role) - set(words)  # "the prime minister" is no Deputy Prime Minister
    return bool(role) and role[-1] in heads and same_rank and (affiliation is None or actor.affiliation == affiliation)


def fits(words: list[str], actor: Actor, affiliation: str | None) -> bool:
    """Every word of the description is in the role (the head matched already). A role
    holder whose role shares only the head is taken when no other holder is named."""
    role = (actor.role or "").lower().split()
    return all(w in role for w in words[:-1] if affiliation is None or w[:1].isalpha())
