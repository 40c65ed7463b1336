"""What a cue says: its clausal complement, object or prepositional object, with the
parser's usual misattachments undone ("accused Greece on Tuesday of …", "warned importers
against …", "told the weekly briefing that …")."""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.syntax import ADDRESSEE_ENTS, CONTENT_DEPS, CONTENT_PREPS, is_agent, temporal
from graph.knowledge.lexicons import Cue
from graph.records import StatementKind


def content_head(token: Token, cue: Cue) -> Token | None:
    """What was said: the clausal complement, object or prepositional object."""
    if cue.prep:
        return token.head if token.head is not token else None
    by_dep = {child.dep_: child for child in token.children if child.ent_type_ not in ("DATE", "TIME")}
    if "nsubjpass" in by_dep and "agent" in by_dep and "ccomp" not in by_dep:
        return by_dep["nsubjpass"]  # "talks were announced by the ministry"
    # "accused Greece on Tuesday of militarising …": the parser hangs "of" on "Tuesday"
    inside_time = [p for c in token.children if temporal(c) for o in c.children for p in o.children if p.dep_ == "prep"]
    about = next(
        (
            c
            for c in [*token.children, *inside_time]
            if c.dep_ == "prep"
            and c.i > token.i  # not a fronted phrase: "On the morning show, Clinton criticized …"
            and (c.lower_ in CONTENT_PREPS or c.lower_ in cue.words[1:])
            and not temporal(c)
        ),
        None,
    )
    for dep in CONTENT_DEPS:
        if dep in by_dep:
            whom = by_dep[dep]
            if dep == "dobj" and about is not None and (cue.kind in ADDRESSING or addressed(whom)):
                return about  # "warned the United States (the Kurdish YPG militia, fuel importers) against …"
            told = [c for c in whom.children if c.dep_ in ("relcl", "acl", "ccomp") and that_clause(c)]
            if dep == "dobj" and token.lemma_ in TELLING and told:
                return told[0]  # "told the weekly briefing that Pakistan remained …": the parser hung it on "briefing"
            charge = [c for c in whom.children if c.dep_ == "prep" and c.lower_ in ("of", "for")]
            named = whom.ent_type_ in ADDRESSEE_ENTS or whom.pos_ in ("PROPN", "PRON")
            if dep == "dobj" and cue.target_dep == "dobj" and charge and named:
                return charge[0]  # "accused Greece of militarising …" parsed with "of" on "Greece"
            return by_dep[dep]
    return about or reported_advcl(token)


TELLING = {"tell", "inform", "assure", "remind", "brief", "warn"}


def that_clause(clause: Token) -> bool:
    """A clause opening with "that" with a subject of its own: what was told, not a
    relative clause of the object ("that Pakistan remained …", not "that followed")."""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ == "that" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children
    )


# Kinds whose object is always whom the words are addressed to ("warned importers against …").
ADDRESSING = {StatementKind.WARN, StatementKind.ACCUSE}


def addressed(whom: Token) -> bool:
    """An object that is someone spoken to or of, not a thing: a pronoun, a name, or a
    noun for someone with a name in it ("the Kurdish YPG militia"; not "new U.S. tariffs")."""
    named = any(t.ent_type_ in ADDRESSEE_ENTS for t in whom.subtree if t.i <= whom.i)
    return whom.pos_ == "PRON" or whom.ent_type_ in ADDRESSEE_ENTS or (named and is_agent(whom))


def reported_advcl(token: Token) -> Token | None:
    """ "said on Sunday they had fired ...": the parser made the reported clause an
    adverbial one; a clause with its own subject and no "because"/"when" is what was said."""
    for child in token.rights:
        subject = any(c.dep_ == "nsubj" for c in child.children)
        if child.dep_ == "advcl" and subject and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in child.children):
            return child
    return None
