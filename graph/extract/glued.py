"""Where the parser glues a speaker to the words around it: a name taken into the time
phrase before or after a cue ("On Friday Hamas said", "said on Thursday Beijing opposed",
"said Saturday India had"), into the clause before it ("As strikes continue against the
Houthis, Yemeni Vice-President Khaled Bahah said"), and one name split into several subjects ("Iraqi lawmaker
Ahmed al-Jubouri said")."""

from __future__ import annotations

from spacy.tokens import Token


def one_phrase(found: list[Token]) -> list[Token]:
    """Subjects the parser split one name into ("Iraqi lawmaker Ahmed al-Jubouri said"
    parsed with "lawmaker", "al", "-" and "Jubouri" all subjects, "Ahmed" a compound of
    the verb; "Rapp-Hooper said" as "Rapp" and "Hooper"): the last of each run of subjects
    with nothing but such words between them."""
    kept: list[Token] = []
    for token in sorted(found, key=lambda t: t.i):
        doc, last = token.doc, kept[-1] if kept else None
        between = range(last.right_edge.i + 1, token.left_edge.i) if last is not None else range(0)
        if last is not None and all(glue(doc[k], token.head) for k in between):
            kept[-1] = token
        else:
            kept.append(token)
    return kept


def glue(word: Token, verb: Token) -> bool:
    """A word between two subjects that makes them one name: a compound of the verb
    ("Ahmed"), or a hyphen written without spaces ("Rapp" "-" "Hooper")."""
    hyphen = word.text in ("-", "‐", "–") and not word.nbor(-1).whitespace_ and not word.whitespace_
    return hyphen or (word.head == verb and word.dep_ == "compound")


def glued_after_time(prep: Token) -> Token | None:
    """A name the parser took into a time phrase: "On Friday Hamas" parsed with "Hamas" as
    a second object of "On", "on Tuesday Maria Lopez" with "Tuesday" a compound of "Lopez".
    The name's head word, when a date or time opens the phrase and the name ends it."""
    words = [t for t in prep.subtree if t.i > prep.i]  # not "Late" of "Late on Sunday"
    if len(words) < 2 or words[0].ent_type_ not in ("DATE", "TIME"):
        return None
    objects = [t for t in prep.children if t.dep_ == "pobj" and t.ent_type_ not in ("DATE", "TIME")]
    if not objects or objects[-1].pos_ not in ("PROPN", "NOUN"):
        return None
    return objects[-1]


def time_glued_subject(token: Token) -> list[Token]:
    """The subject of a cue the parser left without one because it took the speaker into
    the time phrase before it ("On Friday Hamas said ...", "On Tuesday Maria Lopez, a
    councillor, said ...")."""
    for prep in (c for c in token.lefts if c.dep_ == "prep" and c.lower_ in ("on", "in", "at", "late", "early")):
        head = glued_after_time(prep)
        if head is not None and prep.right_edge.i < token.i:
            return [head]
    return []


def glued_date(token: Token) -> bool:
    """A date the parser made part of the next name ("said Saturday India had ...")."""
    return (
        token.dep_ == "compound"
        and token.ent_type_ in ("DATE", "TIME")
        and token.head.ent_type_ not in ("DATE", "TIME")
    )


def glued_subject_start(cue: Token, head: Token) -> int | None:
    """Where the content starts when the parser took its subject into the time phrase
    after the cue ("said on Thursday Beijing firmly opposed ...": "Beijing" an object of
    "on", "opposed" left without a subject); None otherwise."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in head.children):
        return None
    for prep in (c for c in cue.rights if c.dep_ == "prep" and c.i < head.i):
        name = glued_after_time(prep)
        if name is not None and name.right_edge.i < head.left_edge.i + 1:
            return next(t.idx for t in name.subtree if t.ent_type_ not in ("DATE", "TIME"))
    return None


NAME_ENTS = ("PERSON", "ORG", "GPE", "NORP")


def swallowed_subject(token: Token) -> list[Token]:
    """The subject of a cue the parser left without one because it took the speaker into
    the clause opening the sentence ("As the strikes continue against the Houthis, Yemeni
    Vice-President Khaled Bahah said …": "Bahah" an object of "against"): the name right
    before the cue, ending that clause."""
    if token.i == 0 or not any(c.dep_ == "advcl" and c.i < token.i for c in token.children):
        return []
    name = token.doc[token.i - 1]
    inside = name.dep_ in ("pobj", "dobj", "conj", "appos") and name.head.i < name.i
    return [name] if inside and name.pos_ == "PROPN" and name.ent_type_ in NAME_ENTS else []
