"""Actor mentions from a parsed Doc.

Named entities that can act (people, organisations, states and their demonyms)
outside headlines and sub-headings, trimmed of determiners and possessives, plus
noun phrases built on demand for speakers that are not named entities.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.records import Mention, TextSpan

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
TRIM_LEFT = {"the", "a", "an"}
TRIM_RIGHT = {"'s", "’s", "'", "’"}


def in_heading(doc: Doc, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in doc._.headings)


def text_span(doc: Doc, start: int, end: int) -> TextSpan:
    return TextSpan(start, end, doc.text[start:end])


def trim_tokens(tokens: list[Token]) -> list[Token]:
    """Drop determiners, punctuation and possessive markers at the edges."""
    while tokens and (tokens[0].lower_ in TRIM_LEFT or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in TRIM_RIGHT or tokens[-1].is_space
                      or (tokens[-1].is_punct and not closes_bracket(tokens))):
        tokens = tokens[:-1]
    return tokens


def closes_bracket(tokens: list[Token]) -> bool:
    """Keep a final ")" that closes a bracket opened inside the span."""
    return tokens[-1].text in ")]" and any(t.text in "([" for t in tokens[:-1])


def span_mention(doc: Doc, tokens: list[Token], label: str, **extra: object) -> Mention | None:
    tokens = trim_tokens(tokens)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return Mention(text_span(doc, start, end), label, **extra)  # type: ignore[arg-type]


def entity_mention(ent: Span) -> Mention | None:
    entity_id = ent.ent_id_ or None
    return span_mention(ent.doc, list(ent), ent.label_, entity_id=entity_id)


def extract_mentions(doc: Doc) -> list[Mention]:
    """Entity mentions that may be actors, in text order, none in headings."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS or "\n" in ent.text.strip():
            continue
        if in_heading(doc, ent.start_char, ent.end_char):
            continue
        mention = entity_mention(ent)
        if mention is not None:
            mentions.append(mention)
    return mentions


def mention_at(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The first mention inside [start, end)."""
    for mention in mentions:
        if start <= mention.span.start and mention.span.end <= end:
            return mention
    return None


def mention_covering(mentions: list[Mention], token: Token) -> Mention | None:
    for mention in mentions:
        if mention.span.start <= token.idx < mention.span.end:
            return mention
    return None
