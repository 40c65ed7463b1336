"""Dependency-tree helpers for attribution: cues, subjects, speakers, content.

Pure functions over spaCy tokens; they return tokens or plain records.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.extract.glued import glued_date, one_phrase, swallowed_subject, time_glued_subject
from graph.knowledge.lexicons import Cue, load_agents
from graph.records import Mention

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
INHERIT_DEPS = {"advcl", "xcomp", "conj", "pcomp", "acl"}
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "attr", "dative", "oprd")
CONTENT_PREPS = {"for", "on", "about", "against", "to", "over", "of", "upon"}
ADDRESSEE_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
CLOSING_MARKS = {"”", '"', "’", "'", "»", "''"}
SKIP_IN_SUBJECT = {"relcl", "appos", "acl", "advcl", "punct", "cc", "conj"}


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
        if cue.naming and naming_bounds(token, cue.words[1:]) is None:
            continue  # "called National Guard members to the city" names nothing
        if len(cue.words) > 1:
            around = around if around is not None else dependents(token)
            if not all(word in around for word in cue.words[1:]):
                continue
            if any(c.naming for c in entries) and naming_bounds(token) is not None:
                continue  # "called the plan on the table a terrible deal" names; it calls on nobody
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
    return [t for s in one_phrase(found) for t in (s, *s.conjuncts)]


def governor(token: Token) -> Token | None:
    """The clause a subject-less cue borrows its subject from ("..., saying"; "began by
    saying", where the preposition's head is the clause)."""
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head is not token.head:
        return token.head.head
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
            return [antecedent(token)]
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN") and not found:
            return [current.head]  # "protesters chanting …", "a statement saying …"
        if found and not (current is not token and current.dep_ == "ccomp" and says_more_of(token, found)):
            return found
        if found:  # "analysts said geopolitical factors have contributed …, citing …": the analysts cite
            current, seen = current.head, seen + 1
            continue
        parent = governor(current)
        if parent is None:
            return after_quote_subject(token) or time_glued_subject(token) or swallowed_subject(token)
        if parent.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return []  # "the tweet was only to mock X", "the aim is to end it": no one speaks
        current, seen = parent, seen + 1
    return []


def says_more_of(token: Token, found: list[Token]) -> bool:
    """A participle ("…, citing …") whose clause's subject is no one who could speak, or a
    pronoun for the speaker: it says more for the speaker of the clause around it."""
    participle = token.tag_ == "VBG" and token.dep_ == "advcl"
    pronouns = all(t.lower_ in ("he", "she", "they") for t in found)  # "X told … that she believes …, saying"
    after = token.i > max(t.i for t in found) and token.nbor(-1).is_punct  # "…, insisting": the reporter's
    return participle and (
        pronouns or after or not any(t.pos_ in ("PROPN", "PRON") or t.lemma_.lower() in load_agents() for t in found)
    )


def after_quote_subject(token: Token) -> list[Token]:
    """The subject of a cue that the parser left without one after a quote ("“…,” Tulsa
    police Chief Chuck Jordan said Monday." parsed with "Tulsa" as a verb): the last word
    of the words between the closing mark and the cue, when they are a name or a noun
    phrase and the quote ends with a comma, "?" or "!"."""
    doc, end = token.doc, token.i - 1
    while end >= 0 and doc[end].lower_ in ("also", "later", "then", "again", "further"):
        end -= 1
    start = end
    while start >= 0 and token.i - start <= 9 and doc[start].text not in CLOSING_MARKS:
        if doc[start].is_punct and doc[start].text not in (".", "-", "'s", "’s"):
            return []
        start -= 1
    if start < 1 or start == end or doc[start].text not in CLOSING_MARKS or doc[start - 1].text not in (",", "?", "!"):
        return []
    last = doc[end]
    return [last] if last.pos_ in ("PROPN", "NOUN") or last.text[:1].isupper() else []


def antecedent(relcl: Token) -> Token:
    """The noun a relative clause is about: the conjunct nearest before it ("Will Smith and
    Stevie Wonder, who joked" is about Stevie Wonder)."""
    before = [t for t in (relcl.head, *relcl.head.conjuncts) if t.i < relcl.i]
    return max(before, key=lambda t: t.i) if before else relcl.head


def according_sources(token: Token) -> list[Token]:
    """Sources of "according to X" (and "X and Y")."""
    found = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    found += [g for g in token.children if g.dep_ == "pobj"]
    return [t for s in found for t in (s, *s.conjuncts)]


def speakers_of(token: Token, cue: Cue) -> list[Token]:
    return according_sources(token) if cue.prep else subjects(token)


def is_agent(token: Token) -> bool:
    """A noun for someone who can speak (``data/lexicon/agents.txt``: "official", "army")."""
    return token.lemma_.lower() in load_agents() or token.lower_ in load_agents()


def subject_tokens(subj: Token) -> list[Token]:
    """The noun phrase of a subject without relative clauses or appositions."""
    skip: set[int] = set()
    for child in subj.children:
        if child.dep_ in SKIP_IN_SUBJECT and not named_purpose(subj, child):
            skip.update(t.i for t in child.subtree)
    tokens = [t for t in subj.subtree if t.i not in skip]
    while len(tokens) > 1 and tokens[0].dep_ == "compound" and tokens[0].ent_type_ in ("DATE", "TIME"):
        tokens = tokens[1:]  # "On Tuesday Maria Lopez said": "Tuesday" parsed into the name
    return tokens


def named_purpose(subj: Token, clause: Token) -> bool:
    """The rest of a name ("Campaign" + "to Protect Rural England", "Committee" + "to
    Protect Journalists"): a capitalised subject with an infinitive of capitalised words."""
    words = list(clause.subtree)
    return (
        subj.text[:1].isupper()
        and clause.dep_ in ("acl", "relcl")
        and words[0].lower_ == "to"
        and len(words) >= 3
        and all(t.text[:1].isupper() or t.lower_ in ("to", "the", "of", "and") for t in words[1:])
    )


def subtree_bounds(token: Token, exclude: tuple[Token, ...] = ()) -> tuple[int, int]:
    """Character bounds of a token's subtree without the subtrees of ``exclude``, trimmed
    of edge punctuation and of a time phrase opening it ("said on Monday it would ...":
    the content starts at "it")."""
    left_out = {x.i for t in exclude for x in t.subtree}
    for child in token.lefts:
        if is_time_phrase(child):
            left_out.update(x.i for x in child.subtree)
        else:
            break
    tokens = [t for t in token.subtree if t.i not in left_out]
    while tokens and (tokens[0].is_punct or tokens[0].is_space or glued_date(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return token.idx, token.idx + len(token)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def before_trailing_source(token: Token) -> tuple[int, int] | None:
    """The words before a source and cue that close their sentence with nothing said after
    them ("Language unclear on single mothers, experts say."): the content."""
    found = own_subjects(token)
    sent = token.sent
    if not found or any(not (t.is_punct or t.is_space) for t in token.doc[token.i + 1 : sent.end]):
        return None
    left = min(t.left_edge.i for t in found)
    if left <= sent.start + 1 or token.doc[left - 1].text != ",":
        return None
    words = [t for t in token.doc[sent.start : left - 1] if not (t.is_punct or t.is_space)]
    return (words[0].idx, words[-1].idx + len(words[-1])) if words else None


def naming_bounds(token: Token, preps: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """ "called her vote a mistake", "described the plan as a trap" (``preps``: the cue's
    preposition, "as"): from the object to the end of its complement."""
    parts = [c for c in token.children if c.dep_ in ("dobj", "oprd") or (c.dep_ == "prep" and c.lower_ in preps)]
    if not parts or parts[0].dep_ != "dobj":
        return None
    if len(parts) == 1:  # the parser may hang the complement on the object ("proposal" -> "illusion")
        inner = [g for g in parts[0].rights if g.dep_ in ("dobj", "oprd")]
        return subtree_bounds(parts[0]) if inner else None
    first, last = subtree_bounds(parts[0]), subtree_bounds(parts[-1])
    return first[0], last[1]


def is_time_phrase(token: Token) -> bool:
    """ "on Monday", "Friday", "last week": a time phrase modifying a clause."""
    if token.dep_ == "prep":
        return temporal(token)
    return token.dep_ in ("npadvmod", "tmod") and token.ent_type_ in ("DATE", "TIME")


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
            addressed = any(c.dep_ in ("dobj", "dative") for c in token.children)
            if child.dep_ == "xcomp" and not addressed:  # "threatened to strike Israel", not "urged China to press X"
                found += [g for g in child.children if g.dep_ == "dobj"]
    return found


def is_negated(token: Token) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


LOCATIVE = {"in", "at", "from", "across", "into", "near", "inside", "throughout", "around", "within", "outside"}


def is_location(doc: Doc, mention: Mention) -> bool:
    """A place named as where something happens ("strikes in Syria and Yemen") or a
    demonym saying whose a person or thing is ("the Mexican president"): not an actor the
    words are about."""
    place = mention.label in ("GPE", "LOC", "FAC", "NORP")
    unknown_word = mention.label in ("PERSON", "ORG") and not mention.entity_id and " " not in mention.span.text
    if not place and not unknown_word:
        return False  # an unknown one-word "person" or "organisation" after "in" is a town: "in Poltava"
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    owner = head.head
    if place and head.dep_ in ("amod", "compound") and (owner.pos_ == "PROPN" or owner.lemma_.lower() in load_agents()):
        return True  # "the Mexican president", "Chinese President Xi": whose (but "American policy" is about the US)
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "in Syria and Yemen"
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def about(token: Token, noun: Token) -> bool:
    """Is ``token`` under an adjective or the object of a verb between it and ``noun``?"""
    while token.i != noun.i and token.head.i != token.i:
        if token.dep_ in ("dobj", "ccomp", "xcomp", "attr") or token.head.pos_ == "ADJ":
            return True
        token = token.head
    return False
