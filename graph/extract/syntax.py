"""Dependency-tree helpers for attribution: cues, subjects, speakers, content.

Pure functions over spaCy tokens; they return tokens or plain records.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from graph.extract.coref import GROUP_PRONOUNS, PERSON_PRONOUNS, resolve_pronoun
from graph.extract.mentions import mention_at, mention_covering, span_mention, text_span
from graph.knowledge.lexicons import Cue, is_generic_body, load_agents
from graph.knowledge.names import is_plural_acronym
from graph.records import Mention, TextSpan

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
INHERIT_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "dative", "oprd")
CONTENT_PREPS = {"for", "on", "about", "against", "to", "over", "of", "upon"}
ADDRESSEE_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
SKIP_IN_SUBJECT = {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj"}
AFFILIATE_DEPS = {"compound", "amod", "poss", "nmod"}
AFFILIATE_PREPS = {"for", "of", "from", "in", "by"}


def dependents(token: Token) -> set[str]:
    """Lemmas of a word's dependents and of its prepositions' objects."""
    found = set()
    for child in token.children:
        found.add(child.lemma_.lower())
        found.add(child.lower_)
        if child.dep_ in ("prep", "prt", "dobj", "agent"):
            found.update(g.lemma_.lower() for g in child.children)
    return found


def match_cue(token: Token, cues: dict[str, tuple[Cue, ...]]) -> Cue | None:
    """The longest lexicon cue headed by ``token``, if any."""
    entries = cues.get(token.lemma_.lower()) or cues.get(token.lower_)
    if not entries:
        return None
    around = None
    for cue in entries:
        if cue.prep and token.lower_ != cue.words[0]:
            continue
        if not cue.prep and token.pos_ not in ("VERB", "AUX"):
            continue
        if len(cue.words) > 1:
            around = around if around is not None else dependents(token)
            if not all(word in around for word in cue.words[1:]):
                continue
        return cue
    return None


def own_subjects(token: Token) -> list[Token]:
    """Grammatical speakers of a cue: subjects and their conjuncts, or the
    agent of a passive ("announced by the State Department")."""
    found = []
    for child in token.children:
        if child.dep_ == "agent":
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in SUBJECT_DEPS and child.dep_ != "nsubjpass":
            found.append(child)
    return [t for s in found for t in (s, *s.conjuncts)]


def governor(token: Token) -> Token | None:
    """The clause a subject-less cue borrows its subject from ("..., saying")."""
    if token.dep_ in INHERIT_DEPS and token.head is not token:
        return token.head
    return None


def subjects(token: Token) -> list[Token]:
    """Own subjects, else those of the governing clause; for a relative clause
    ("officials, who said") the noun it modifies."""
    current, seen = token, 0
    while seen < 4:
        found = own_subjects(current)
        if token.dep_ == "relcl" and found and found[0].lower_ in RELATIVE_PRONOUNS:
            return [token.head]
        if found:
            return found
        parent = governor(current)
        if parent is None:
            return []
        current, seen = parent, seen + 1
    return []


def according_sources(token: Token) -> list[Token]:
    """Sources of "according to X" (and "X and Y")."""
    found = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    found += [g for g in token.children if g.dep_ == "pobj"]
    return [t for s in found for t in (s, *s.conjuncts)]


def speakers_of(token: Token, cue: Cue) -> list[Token]:
    return according_sources(token) if cue.prep else subjects(token)


def subject_tokens(subj: Token) -> list[Token]:
    """The noun phrase of a subject without relative clauses or appositions."""
    skip: set[int] = set()
    for child in subj.children:
        if child.dep_ in SKIP_IN_SUBJECT:
            skip.update(t.i for t in child.subtree)
    return [t for t in subj.subtree if t.i not in skip]


def affiliates_of(subj: Token, mentions: list[Mention]) -> list[Mention]:
    """Named entities the noun phrase belongs to ("U.S." in "U.S. officials", "MSF"
    in "a spokesperson for MSF", both in "officials in Cairo and Doha")."""
    for child in subj.children:
        if child.dep_ in AFFILIATE_DEPS:
            found = mention_covering(mentions, child)
            if found:
                return [found]
        if child.dep_ == "prep" and child.lower_ in AFFILIATE_PREPS:
            objects = [o for obj in child.children if obj.dep_ == "pobj" for o in (obj, *obj.conjuncts)]
            found_all = [m for m in (mention_covering(mentions, o) for o in objects) if m is not None]
            if found_all:
                return found_all
    return []


VAGUE_SPEAKERS = {
    "men",
    "women",
    "people",
    "others",
    "many",
    "some",
    "most",
    "those",
    "several",
    "everyone",
    "someone",
    "anyone",
    "somebody",
    "everybody",
}
# Who speak or write for another: "a spokesperson for MSF", "a UN report" speak as that actor.
SPOKES = {
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "representative",
    "statement",
    "report",
    "study",
    "letter",
    "analysis",
    "poll",
    "survey",
    "memo",
    "filing",
    "complaint",
    "release",
    "tweet",
    "lawsuit",
    "document",
    "ad",
    "website",
    "editorial",
    "communique",
    "communiqué",
}


def is_agent(subj: Token) -> bool:
    return subj.lemma_.lower() in load_agents() or subj.lower_ in load_agents()


def speaker_mentions(doc: Doc, subj: Token, mentions: list[Mention]) -> tuple[list[Mention], TextSpan | None]:
    """The speakers a subject token stands for, and the source span as written
    (the pronoun itself for "he said", resolved to the nearest named actor). A
    group of several states' officials gives one speaker mention per state."""
    found = mention_covering(mentions, subj)
    if found is not None:
        return [found], found.span
    named = next((m for c in subj.children if c.dep_ == "appos" and (m := mention_covering(mentions, c))), None)
    if named is not None and named.label == "PERSON":
        return [named], named.span  # "Egypt's foreign minister, Samir Fawzy, said"
    if subj.lower_ in PERSON_PRONOUNS.keys() | GROUP_PRONOUNS:
        source = text_span(doc, subj.idx, subj.idx + len(subj))
        resolved = resolve_pronoun(subj, mentions) or Mention(source, "PRONOUN", anonymous=True)
        return [resolved], source  # no agreeing antecedent: kept, its speaker unresolved
    if subj.pos_ == "PRON":
        return [], None
    tokens = subject_tokens(subj)
    affiliates = affiliates_of(subj, mentions)
    if affiliates and subj.lemma_.lower() in SPOKES:
        return affiliates[:1], phrase_span(doc, tokens)  # "a spokesperson for MSF" speaks as MSF
    if subj.pos_ != "PROPN" and not is_agent(subj):
        return [], None  # "the conflict claimed ...": not a speaker
    if subj.pos_ == "PROPN" and not affiliates:
        inner = mention_at(mentions, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if inner is not None:
            return [inner], inner.span
        if 1 <= len(tokens) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens):
            named = span_mention(doc, tokens, "PERSON")  # "Romney said": a name the recogniser missed
            if named is not None:
                return [named], named.span
    body = body_phrase(subj, tokens, affiliates)
    if body:
        made_body = span_mention(doc, body, "ORG", affiliate=affiliates[0] if affiliates else None)
        if made_body is not None:
            return [made_body], phrase_span(doc, tokens)  # "the Ukrainian defence ministry said"
    if [t.lower_ for t in tokens if t.dep_ != "det"] == [subj.lower_] and subj.lower_ in VAGUE_SPEAKERS:
        return [], None  # "people said", "many believe": nobody the graph can name
    generic = (
        subj.tag_ in ("NNS", "NNPS")
        or (subj.lower_.endswith("s") and subj.lemma_.lower() != subj.lower_)
        or is_plural_acronym(subj.text)  # "MPs", "MEPs"
    )
    made = [
        span_mention(doc, tokens, "GROUP", affiliate=a, generic=generic, anonymous=not generic)
        for a in (affiliates or cast(list[Mention | None], [None]))
    ]
    made = [m for m in made if m is not None]
    return cast(list[Mention], made), cast(Mention, made[0]).span if made else None


def body_phrase(subj: Token, tokens: list[Token], affiliates: list[Mention]) -> list[Token]:
    """The words naming a state body ("defence ministry" of "the Ukrainian defence
    ministry"), without determiners and the owner; empty when the head is not a body."""
    if not is_generic_body(subj.text) or subj.lemma_.lower() in ("government",):
        return []
    owner = {i for m in affiliates for i in range(len(tokens)) if m.span.start <= tokens[i].idx < m.span.end}
    words = [t for i, t in enumerate(tokens) if i not in owner and t.dep_ not in ("det", "poss", "case")]
    return words if words and words[-1] is subj and is_generic_body(" ".join(t.text for t in words)) else []


def phrase_span(doc: Doc, tokens: list[Token]) -> TextSpan:
    return text_span(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def subtree_bounds(token: Token, exclude: Token | None = None) -> tuple[int, int]:
    """Character bounds of a token's subtree, trimmed of edge punctuation."""
    tokens = [t for t in token.subtree if exclude is None or t.i not in {x.i for x in exclude.subtree}]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def content_head(token: Token, cue: Cue) -> Token | None:
    """What was said: the clausal complement, object or prepositional object."""
    if cue.prep:
        return token.head if token.head is not token else None
    by_dep = {child.dep_: child for child in token.children}
    if "nsubjpass" in by_dep and "agent" in by_dep and "ccomp" not in by_dep:
        return by_dep["nsubjpass"]  # "talks were announced by the ministry"
    about = next(
        (c for c in token.children if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not temporal(c)), None
    )
    for dep in CONTENT_DEPS:
        if dep in by_dep:
            if dep == "dobj" and about is not None and by_dep[dep].ent_type_ in ADDRESSEE_ENTS:
                return about  # "warned the United States against new sanctions": the object is addressed
            return by_dep[dep]
    return about


def temporal(prep: Token) -> bool:
    """A prepositional phrase of time ("on Sunday", "for weeks"): never what was said."""
    return any(child.ent_type_ in ("DATE", "TIME") for child in prep.children if child.dep_ == "pobj")


def object_tokens(token: Token) -> list[Token]:
    """Addressees and objects of a cue ("urged Washington", "called on X")."""
    found = []
    for child in token.children:
        if child.dep_ in ("dobj", "dative"):
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ in CONTENT_PREPS:
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("ccomp", "xcomp"):
            found += [g for g in child.children if g.dep_ == "nsubj" and g.pos_ == "PROPN"]
    return found


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)
