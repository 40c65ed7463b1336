"""Who a cue's subject token stands for: a named mention, a resolved pronoun, a
spokesperson speaking as their organisation, a state body ("the Ukrainian defence
ministry"), or an anonymous or generic group of people ("one diplomat", "officials"),
with the states and organisations they belong to.
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc, Token

from graph.extract.affiliates import RUN_WORDS, affiliates_of, leaders_body
from graph.extract.coref import GROUP_PRONOUNS, PERSON_PRONOUNS, THING_PRONOUNS, resolve_pronoun
from graph.extract.mentions import VAGUE_SPEAKERS, mention_at, mention_covering, span_mention, text_span
from graph.extract.signatures import writer_of
from graph.extract.syntax import about, is_agent, named_purpose, subject_tokens
from graph.extract.titled import titled_person
from graph.knowledge.lexicons import is_generic_body, load_documents, load_offices
from graph.knowledge.names import is_plural_acronym
from graph.records import Mention, TextSpan

# Who speak or write for another: "a spokesperson for MSF", "a UN report" speak as that actor.
# Documents that speak with no named owner: kept as statements of an anonymous source.
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
    "data",
    "datum",
    "statistic",
    "statistics",
    "figure",
    "database",
    "census",
    "audit",
    "findings",
    "research",
    "assessment",
    "estimate",
    "post",
    "email",
    "message",
    "notice",
    "decree",
    "declaration",
    "petition",
    "indictment",
    "affidavit",
}


def speaker_mentions(doc: Doc, subj: Token, mentions: list[Mention]) -> tuple[list[Mention], TextSpan | None]:
    """The speakers a subject token stands for, and the source span as written
    (the pronoun itself for "he said", resolved to the nearest named actor). A
    group of several states' officials gives one speaker mention per state."""
    found = mention_covering(mentions, subj)
    if found is not None:
        return [found], found.span
    named = next((m for c in subj.children if c.dep_ == "appos" and (m := mention_covering(mentions, c))), None)
    if named is not None and named.label in ("PERSON", "ORG"):
        return [named], named.span  # "Egypt's foreign minister, Samir Fawzy, said", "state news agency SANA said"
    titled = titled_person(doc, subj, mentions)
    if titled is not None:
        return [titled], titled.span  # "Director of National Intelligence James Clapper said"
    if subj.lower_ in PERSON_PRONOUNS.keys() | GROUP_PRONOUNS:
        source = text_span(doc, subj.idx, subj.idx + len(subj))
        resolved = resolve_pronoun(subj, mentions) or Mention(source, "PRONOUN", anonymous=True)
        return [resolved], source  # no agreeing antecedent: kept, its speaker unresolved
    if subj.lower_ in THING_PRONOUNS:
        return thing_speaker(doc, subj, mentions)
    if subj.lower_ in WRITER_PRONOUNS:  # "I laughed and said": the article's writer
        source = text_span(doc, subj.idx, subj.idx + len(subj))
        return [writer_of(doc, mentions) or Mention(source, "WRITER", anonymous=True, subject=True)], source
    if any(c.lower_ == "no" for c in subj.children) or subj.lower_ in ("nobody", "none", "neither"):
        return [], None  # "No one claimed responsibility": nobody spoke
    if subj.lower_ in BARE_PEOPLE and [t.lower_ for t in subject_tokens(subj) if t.dep_ != "det"] == [subj.lower_]:
        return [], None  # "people said", "men say": nobody the graph can name
    if subj.lower_ in VAGUE_SPEAKERS | QUANTIFIERS:  # "Those close to him say", "one said", "all agreed"
        source = phrase_span(doc, subject_tokens(subj))
        return [Mention(source, "GROUP", anonymous=True, subject=True)], source
    if subj.pos_ == "PRON":
        return [], None
    tokens = subject_tokens(subj)
    affiliates = affiliates_of(subj, mentions)
    if affiliates and subj.lemma_.lower() in SPOKES:
        return affiliates[:1], phrase_span(doc, tokens)  # "a spokesperson for MSF" speaks as MSF
    if subj.lemma_.lower() in load_documents() and not affiliates:  # "the ruling said", "one slide says"
        return document_speaker(doc, subj, tokens, mentions)
    if subj.lemma_.lower() in SHARES:  # "63 percent said": respondents of a poll, unnamed
        return [Mention(phrase_span(doc, tokens), "GROUP", anonymous=True, subject=True)], phrase_span(doc, tokens)
    if any(named_purpose(subj, c) for c in subj.children):  # "the Campaign to Protect Rural England"
        organisation = span_mention(doc, tokens, "ORG")
        if organisation is not None:
            return [organisation], organisation.span
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
    led = leaders_body(doc, subj, tokens, affiliates)
    if led is not None:  # "the Trump administration said"
        return [led], led.span
    body = body_phrase(subj, tokens, affiliates)
    if body:
        made_body = span_mention(doc, body, "ORG", affiliate=affiliates[0] if affiliates else None)
        if made_body is not None:
            return [made_body], phrase_span(doc, tokens)  # "the Ukrainian defence ministry said"
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
    ministry", of "the health ministry in Lebanon"), without determiners and the owner;
    empty when the head is not a body."""
    if not is_generic_body(subj.text) or subj.lemma_.lower() in ("government",):
        return []
    if load_offices().kind([subj]) in ("Official", "Person"):
        return []  # "Jordan's foreign minister" is an office holder, not a body
    owner = {i for m in affiliates for i in range(len(tokens)) if m.span.start <= tokens[i].idx < m.span.end}
    run = {x.i for c in subj.children if c.lower_ in RUN_WORDS for x in c.subtree}  # "Taliban-run"
    owner |= {i for i, t in enumerate(tokens) if t.i in run}
    words = [
        t for i, t in enumerate(tokens) if i not in owner and t.dep_ not in ("det", "poss", "case") and t.i <= subj.i
    ]
    return words if words and words[-1] is subj and is_generic_body(" ".join(t.text for t in words)) else []


def phrase_span(doc: Doc, tokens: list[Token]) -> TextSpan:
    return text_span(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def document_speaker(
    doc: Doc, subj: Token, tokens: list[Token], mentions: list[Mention]
) -> tuple[list[Mention], TextSpan | None]:
    """A document speaks for whoever released or owns it, else as an anonymous source."""
    releaser = next((c for c in subj.head.children if c.dep_ == "nsubj"), None) if subj.dep_ == "dobj" else None
    released = speaker_mentions(doc, releaser, mentions) if releaser is not None else ([], None)
    if released[0]:  # "he released a letter that says": his words
        return released
    released = released_before(doc, subj, mentions)
    if released[0]:  # "The ministry issued a statement. The statement said …"
        return released[0], phrase_span(doc, tokens)
    owner = document_owner(subj, mentions)
    if owner is not None:  # "a statement posted on the Embassy's Twitter page said"
        return [owner], phrase_span(doc, tokens)
    document = span_mention(doc, tokens, "GROUP", anonymous=True)
    return ([document], document.span) if document is not None else ([], None)


def released_before(doc: Doc, subj: Token, mentions: list[Mention]) -> tuple[list[Mention], TextSpan | None]:
    """Who released "the statement" (or letter, report …) in one of the two sentences
    before: the subject of the verb that has a document of that word as object."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children):
        return [], None
    start = subj.sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else start
    for token in reversed(doc[start : subj.sent.start]):
        if token.lemma_ == subj.lemma_ and token.dep_ == "dobj":
            releaser = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if releaser is not None:
                return speaker_mentions(doc, releaser, mentions)
    return [], None


def thing_speaker(doc: Doc, pronoun: Token, mentions: list[Mention]) -> tuple[list[Mention], TextSpan | None]:
    """ "It said": the document, organisation or state the sentence before (or this one)
    has as subject or brings in as object ("The city sent a letter Thursday. It says …";
    "The ministry summoned the envoy. It said …"), else a named organisation or state a
    clause before had as subject; nobody when none ("it" is then a thing or the weather).
    The source is "It"."""
    source = text_span(doc, pronoun.idx, pronoun.idx + len(pronoun))
    sentence = pronoun.sent.start
    earlier = doc[doc[sentence - 1].sent.start if sentence > 0 else sentence : pronoun.i]
    nouns = [t for t in earlier if t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.tag_ in ("NN", "NNP")]
    nouns = [t for t in nouns if t.lemma_.lower() in load_documents() or (t.dep_ != "dobj" and it_can_be(t, mentions))]
    resolved = resolve_pronoun(pronoun, mentions)
    if nouns and (resolved is None or nouns[-1].idx > resolved.span.start):
        noun = nouns[-1]
        if noun.lemma_.lower() in load_documents():
            found, _written = document_speaker(doc, noun, subject_tokens(noun), mentions)
        else:
            found, _written = speaker_mentions(doc, noun, mentions)
        return found, source
    return ([resolved], source) if resolved is not None else ([], None)


def it_can_be(noun: Token, mentions: list[Mention]) -> bool:
    """A subject "it" can stand for: an organisation, a state body or a state, not a person."""
    named = mention_covering(mentions, noun)
    if named is not None:
        return named.label in ("ORG", "GPE")
    return is_generic_body(noun.text) or noun.lemma_.lower() in ORGANISATION_NOUNS


OWNER_PREPS = {"from", "by", "of"}
WRITER_PRONOUNS = {"i"}  # not "we": the outlet, or people at large ("as we've reported", "we know")
BARE_PEOPLE = {"men", "women", "people"}
QUANTIFIERS = {"all", "each", "one", "few", "both", "either"}
ORGANISATION_NOUNS = {
    "ministry",
    "government",
    "agency",
    "council",
    "committee",
    "company",
    "group",
    "party",
    "union",
    "campaign",
    "network",
    "newspaper",
    "court",
    "commission",
    "organisation",
    "organization",
    "administration",
    "department",
    "office",
    "embassy",
    "army",
    "military",
}
SHARES = {"percent", "%", "majority", "minority", "half", "third", "quarter"}
ACTOR_LABELS = ("ORG", "GPE", "NORP", "PERSON")


def document_owner(subj: Token, mentions: list[Mention]) -> Mention | None:
    """Whose a document is: named in the phrase that describes it ("a statement posted on
    the Embassy's page", "the statement from the EU"), or, for "the statement", where the
    article first brought it in ("Russia's Foreign Ministry issued a statement …", "Deripaska
    said in a statement …")."""
    own = owner_in_phrase(subj, mentions)
    if own is not None or not any(c.lower_ == "the" for c in subj.children):
        return own
    for earlier in reversed(subj.doc[max(0, subj.i - 400) : subj.i]):
        if earlier.lemma_ == subj.lemma_ and earlier.pos_ == "NOUN":
            found = owner_in_phrase(earlier, mentions) or issuer(earlier, mentions)
            if found is not None:
                return found
    return None


def owner_in_phrase(noun: Token, mentions: list[Mention]) -> Mention | None:
    """A possessive or a "from"/"by"/"of" actor inside the document's noun phrase, not one
    the document is about ("a statement critical of North Korea", "a tweet citing Russia's
    seizure")."""
    for token in noun.subtree:
        owner = token.dep_ == "poss" or (token.dep_ == "pobj" and token.head.lower_ in OWNER_PREPS)
        if owner and token.i != noun.i and not about(token, noun):
            found = mention_covering(mentions, token)
            if found is not None and found.label in ACTOR_LABELS:
                return found
    return None


def issuer(noun: Token, mentions: list[Mention]) -> Mention | None:
    """Who issued the document: the subject of the verb it is the object of ("X issued a
    statement"), or of the cue it is the means of ("X said in a statement")."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = mention_covering(mentions, subject) if subject is not None else None
    return found if found is not None and found.label in ACTOR_LABELS else None
