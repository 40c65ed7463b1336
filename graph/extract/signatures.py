"""Quotes signed rather than cued: a vox-pop sign-off ("Carla Sanchez ― “…”"), a name
after a dash ("“…” — Ana Ruiz"), and the byline paragraph of a press round-up that follows
an excerpt ("“…”" then "Max Boot, Washington Post")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.attribution import Context, quoted_by
from graph.extract.layout import SIGN_DASH
from graph.extract.mentions import doc_text, span_mention, text_span
from graph.extract.quotes import Quote
from graph.knowledge.lexicons import load_first_names
from graph.records import Mention, StatementCandidate

SIGNED_BEFORE = re.compile(rf"\s*(\S.*?)\s*(:|{SIGN_DASH})\s*")
SIGNED_AFTER = re.compile(rf"[\s,.]*({SIGN_DASH})\s*(\S.*?)[\s.]*")


def name_missed(doc: Doc, start: int, end: int) -> Mention | None:
    """Two to four capitalised words the recogniser left out, signing a quote: a person."""
    span = doc.char_span(start, end)
    if span is None or not 2 <= len(span) <= 4 or not all(t.is_alpha and t.text[:1].isupper() for t in span):
        return None
    if not all(t.pos_ == "PROPN" for t in span) and span[0].lower_ not in load_first_names():
        return None  # "Said Trump", "Minority View", "Continued Giuliani": no name
    return span_mention(doc, list(span), "PERSON")


def signed_quotes(ctx: Context, quote: Quote) -> list[StatementCandidate]:
    """The statements of a quote signed by a name in its paragraph or by the byline
    paragraph after it; empty when it is neither."""
    signed = signed_in_paragraph(ctx, quote)
    return [signed] if signed is not None else byline_quotes(ctx, quote)


def signed_in_paragraph(ctx: Context, quote: Quote) -> StatementCandidate | None:
    """A quote whose paragraph holds only it and a name before or after a dash or colon
    (a vox-pop sign-off "Carla Sanchez ― “…”", a transcript "CADDELL: “…”", "“…” — Ana Ruiz")."""
    text = doc_text(ctx.doc)
    lo, hi = ctx.paragraphs[ctx.paragraph_of(quote.open_mark)]
    end = quote.close_mark + 1 if quote.close_mark is not None else quote.end
    before = SIGNED_BEFORE.fullmatch(text, lo, quote.open_mark)
    after = SIGNED_AFTER.fullmatch(text, end, hi) if before is None else None
    if before is not None:
        (name_start, name_end), mark = before.span(1), before.span(2)
    elif after is not None:
        (name_start, name_end), mark = after.span(2), after.span(1)
    else:
        return None
    speaker = named_at(ctx, name_start, name_end)
    if speaker is None:
        return None
    return quoted_by(ctx, quote, speaker, speaker.span, text_span(ctx.doc, *mark))


# "Max Boot, Washington Post", "Mark Landler and Edward Wong, New York Times",
# "Editorial Board, USA Today": a press round-up's byline under an excerpt.
NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
BYLINE = re.compile(rf"\s*({NAME})(?: and ({NAME}))?, ((?:The )?[A-Z][\w.&’' -]{{1,40}}?)\s*")
EDITORS = {"editorial board", "the editorial board", "editors", "the editors", "editorial"}


def byline_quotes(ctx: Context, quote: Quote) -> list[StatementCandidate]:
    """An excerpt that fills its paragraph, signed by a byline paragraph right after it:
    one statement per author (the outlet's, for its editorial board)."""
    text = doc_text(ctx.doc)
    end = quote.close_mark + 1 if quote.close_mark is not None else quote.end
    lo, _hi = ctx.paragraphs[ctx.paragraph_of(quote.open_mark)]
    index = ctx.paragraph_of(max(end - 1, quote.open_mark))  # an excerpt may run over paragraphs
    _lo, hi = ctx.paragraphs[index]
    if text[lo : quote.open_mark].strip() or text[end:hi].strip() or index + 1 >= len(ctx.paragraphs):
        return []
    match = BYLINE.fullmatch(text, *ctx.paragraphs[index + 1])
    return byline_authors(ctx, quote, match) if match is not None else []


def trailing_byline_quotes(ctx: Context, quote: Quote) -> list[StatementCandidate]:
    """An excerpt a press round-up signs whatever few words introduce it: its byline closes
    its paragraph ("Many note that “…” German Lopez, Vox") or is the next paragraph after a
    short lead-in naming no one ("Others note, “…”" then "Kyle Smith, National Review")."""
    if quote.close_mark is None:
        return []
    text, index = doc_text(ctx.doc), ctx.paragraph_of(quote.close_mark)
    lo, hi = ctx.paragraphs[index]
    match = BYLINE.fullmatch(text, quote.close_mark + 1, hi)
    if match is None and not text[quote.close_mark + 1 : hi].strip() and index + 1 < len(ctx.paragraphs):
        lead = text[ctx.paragraphs[ctx.paragraph_of(quote.open_mark)][0] : quote.open_mark]
        named = any(lo <= m.span.start < quote.open_mark and m.label == "PERSON" for m in ctx.mentions)
        if len(lead.split()) <= 6 and not named:
            match = BYLINE.fullmatch(text, *ctx.paragraphs[index + 1])
    return byline_authors(ctx, quote, match) if match is not None else []


def byline_authors(ctx: Context, quote: Quote, match: re.Match[str]) -> list[StatementCandidate]:
    """One statement of the quote per author of a byline match (the outlet's, for its
    editorial board)."""
    outlet = outlet_at(ctx, *match.span(3))
    if match.group(1).lower() in EDITORS:
        authors = [outlet]
    else:  # an author writes for the outlet
        found = [named_at(ctx, *match.span(g)) for g in (1, 2) if match.group(g)]
        authors = [replace(who, affiliate=outlet) if who and outlet and who.label == "PERSON" else who for who in found]
    return [quoted_by(ctx, quote, who, who.span, None) for who in authors if who is not None]


def named_at(ctx: Context, start: int, end: int) -> Mention | None:
    """The actor mention spanning exactly [start, end), else a person's name there the
    recogniser missed."""
    speaker = exact_mention(ctx, start, end) or name_missed(ctx.doc, start, end)
    return speaker if speaker is not None and speaker.label in ("PERSON", "ORG", "NORP") else None


def outlet_at(ctx: Context, start: int, end: int) -> Mention | None:
    """The outlet of a byline: its mention, else its words as an organisation's name."""
    span = ctx.doc.char_span(start, end)
    return exact_mention(ctx, start, end) or (span_mention(ctx.doc, list(span), "ORG") if span is not None else None)


def exact_mention(ctx: Context, start: int, end: int) -> Mention | None:
    """The actor mention spanning exactly [start, end), if any."""
    return next((m for m in ctx.mentions if (m.span.start, m.span.end) == (start, end)), None)


def writer_of(doc: Doc, mentions: list[Mention]) -> Mention | None:
    """The writer an opinion piece names in its closing line ("Charlotte Meehan is
    playwright-in-residence at …", "Jane Doe, a former diplomat, writes on …"), if any."""
    text = doc_text(doc).rstrip()
    last = text[text.rfind("\n") + 1 :]
    start = len(text) - len(last)
    if len(last.split()) > 80:
        return None
    named = next((m for m in mentions if m.span.start == start and m.label == "PERSON"), None)
    after = text[named.span.end : named.span.end + 6].lstrip() if named is not None else ""
    if named is None or len(named.span.text.split()) < 2 or not after.startswith(("is ", "was ", ",", "writes")):
        return None
    return named
