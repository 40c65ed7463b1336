"""What counts as a speech act: a cue chain with no full quote states a position only
with a clause, a quoted phrase or an object it takes a stance on; never a belief, the
writer's question, silence ("declined to comment"), or an empty object ("said nothing").
Pure functions over spaCy tokens."""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract import syntax
from graph.extract.attribution import ASPECTUAL, Hit
from graph.extract.quotes import Quote
from graph.knowledge.lexicons import load_agents
from graph.records import TextSpan

NO_COMMENT = {"comment", "elaborate", "speculate", "discuss", "say", "answer", "respond", "confirm", "specify"}
EMPTY_CONTENT = {
    "nothing", "little", "anything", "something", "for", "to", "about", "on", "over", "as", "they", "this", "that",
    "which", "these", "those", "according",
}  # fmt: skip
NOTHING_ABOUT = {"nothing", "anything"}  # "did not say anything about the recordings"
UNANSWERED = {"request", "message", "call", "email", "inquiry", "query", "question"}  # "did not respond to requests"


def has_clause(chain: list[Hit]) -> bool:
    """A clause said: a complement clause, or an infinitive ("agreed to talk"), not the
    infinitive of an aspect verb ("continued to ignore the warnings")."""
    return any(
        c.dep_ == "ccomp" or (c.dep_ == "xcomp" and h.token.lemma_ not in ASPECTUAL)
        for h in chain
        for c in h.token.children
    )


def states_something(chain: list[Hit], content: TextSpan | None, partials: list[Quote]) -> bool:
    """Does a cue chain with no full quote state a position? Not a belief, not a weak cue
    without a clause or a quoted phrase, not the writer's question ("What does Netanyahu
    say?"), not silence ("declined to comment"), not a cue with nothing said."""
    root = chain[0]
    partial = content is not None and any(content.start <= q.start and q.end <= content.end for q in partials)
    if root.cue.belief or (root.cue.weak and not has_clause(chain) and not partial and not has_topic(root)):
        return False
    if root.token.sent.text.rstrip().endswith("?") or silence(root.token) or hypothetical(root.token):
        return False
    if content is not None and content.text.lower() in EMPTY_CONTENT:
        return False  # "the minister said nothing", "asked for", "They were backed by": no position stated
    words = content.text.lower().split() if content is not None else []
    if words[:1] and words[0] in NOTHING_ABOUT and (len(words) == 1 or words[1] in ("about", "on", "of", "regarding")):
        return False  # "said nothing about the talks", "did not say anything about the recordings"
    return content is not None


def hypothetical(cue: Token) -> bool:
    """ "there was speculation the Joint List might support …", "the party could back him":
    what someone may do, not a position stated."""
    modal = any(c.dep_ == "aux" and c.lower_ in ("might", "could", "may") for c in cue.children)
    return modal and not syntax.is_negated(cue)  # "he could not explain why …" is what he said, or did not


def has_topic(hit: Hit) -> bool:
    """A topic cue ("questioned the need for moderators", "mentioned the clot", "discussed
    the test") with a thing as its object; a person as object is no topic ("police
    questioned the suspect")."""
    if not hit.cue.topic:
        return False
    objects = [c for c in hit.token.children if c.dep_ == "dobj"]
    objects += [g for c in hit.token.children if c.lower_ in hit.cue.words[1:] for g in c.children if g.dep_ == "pobj"]
    return bool(objects) and all(
        o.pos_ == "NOUN" and not o.ent_type_ and o.lemma_.lower() not in load_agents() for o in objects
    )


def silence(cue: Token) -> bool:
    """ "declined to comment on the report", "refused to say whether …", "did not specify",
    "did not respond to requests for comment"."""
    refusing = ("decline", "refuse", "fail")
    if cue.lemma_ in NO_COMMENT and cue.lemma_ != "say" and syntax.is_negated(cue):
        return True  # "did not specify what language", "did not comment on"
    if any(c.lower_ == "on" and any(g.lemma_ == "condition" for g in c.children) for c in cue.children):
        return True  # "spoke on condition of anonymity": how, not what
    if cue.lemma_ in ("respond", "reply", "return") and any(
        g.lemma_.lower() in UNANSWERED for c in cue.children if c.dep_ in ("prep", "dobj") for g in (c, *c.children)
    ):
        return True
    if cue.dep_ == "xcomp" and cue.lemma_ in NO_COMMENT and cue.head.lemma_ in refusing:
        return True
    return cue.lemma_ in refusing and any(c.dep_ == "xcomp" and c.lemma_ in NO_COMMENT for c in cue.children)


def proposition_only(cue: Token) -> bool:
    """The cue takes a that-clause and no object or addressee ("agreed that …")."""
    deps = {c.dep_ for c in cue.children}
    about = any(c.dep_ == "prep" and c.lower_ in syntax.CONTENT_PREPS for c in cue.children)
    return "ccomp" in deps and not deps & {"dobj", "dative"} and not about
