"""Statements: direct quotes, reported speech and "according to", from one Doc.

Quotes are found in the raw text (``quotes``), cues from the lexicon on the
dependency parse (``syntax``). Each quote takes the nearest cue in its
paragraph; a quote with none continues the last speaker. Cues left over give
reported speech. A cue with no subject of its own ("..., saying") belongs to the
clause it hangs from, so one speech act yields one statement.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from graph.extract import syntax
from graph.extract.layout import paragraph_bounds
from graph.extract.mentions import doc_text, in_heading, text_span
from graph.extract.overlaps import without_nested_speakers, without_repeats
from graph.extract.quotes import Quote, find_quotes
from graph.knowledge.lexicons import Cue
from graph.knowledge.ontology import load_kind_facts
from graph.records import Mention, SpeechMode, StatementCandidate, StatementKind, TextSpan

FULL_QUOTE_MIN_WORDS = 3
QUOTE_LEAD = set(":,—–-")


@dataclass(frozen=True)
class Hit:
    token: Token
    cue: Cue


@dataclass
class Context:
    doc: Doc
    mentions: list[Mention]
    paragraphs: list[tuple[int, int]]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right([s for s, _ in self.paragraphs], offset) - 1)


def is_full_quote(text: str, quote: Quote) -> bool:
    """A quotation that is a speech act of its own, not a phrase quoted
    inside reported speech (“bias”, a “lack of progress”)."""
    if quote.words(text) < FULL_QUOTE_MIN_WORDS:
        return False
    inner = text[quote.start : quote.end].rstrip()
    before = text[: quote.open_mark].rstrip(" \t")
    lead = before[-1:] if before else "\n"
    return inner.endswith((",", ".", "!", "?", "…", ";")) or lead in QUOTE_LEAD or lead == "\n"


def find_hits(ctx: Context, cues: dict[str, tuple[Cue, ...]], full: list[Quote]) -> list[Hit]:
    """Cue words outside full quotes and headings (words inside a quote are
    the speaker's own, not an attribution)."""
    hits = []
    for token in ctx.doc:
        cue = syntax.match_cue(token, cues)
        if (
            cue is None
            or any(q.start <= token.idx < q.end for q in full)
            or in_heading(ctx.doc, token.idx, token.idx + 1)
        ):
            continue
        hits.append(Hit(token, cue))
    return hits


def chain_root(hit: Hit, by_index: dict[int, Hit]) -> Hit:
    """Climb from a subject-less cue to the cue clause it depends on."""
    current = hit
    while not syntax.own_subjects(current.token):
        parent = syntax.governor(current.token)
        if parent is None or parent.i not in by_index:
            break
        current = by_index[parent.i]
    return current


def nearest_hit(ctx: Context, quote: Quote, hits: list[Hit]) -> Hit | None:
    """The closest cue with a speaker in the paragraphs the quote spans."""
    first, last = ctx.paragraph_of(quote.open_mark), ctx.paragraph_of(max(quote.end - 1, quote.start))
    lo, hi = ctx.paragraphs[first][0], ctx.paragraphs[last][1]
    near = [h for h in hits if lo <= h.token.idx < hi and syntax.speakers_of(h.token, h.cue)]
    if not near:
        return None
    return min(near, key=lambda h: min(abs(h.token.idx - quote.open_mark), abs(h.token.idx - quote.end)))


def evidence_span(ctx: Context, tokens: list[Token], parts: list[Quote]) -> TextSpan:
    """The sentence(s) of the cue and of every quoted part."""
    start = min(t.sent.start_char for t in tokens)
    end = max(t.sent.end_char for t in tokens)
    if parts:
        opening = ctx.doc.char_span(parts[0].open_mark, parts[0].open_mark + 1, alignment_mode="expand")
        start = min(start, opening.sent.start_char if opening is not None else parts[0].open_mark)
        last = parts[-1]
        end = max(end, last.close_mark + 1 if last.close_mark is not None else last.end)
    text = doc_text(ctx.doc)
    while end > start and text[end - 1].isspace():
        end -= 1
    return text_span(ctx.doc, start, end)


def statement_kind(chain: list[Hit]) -> StatementKind:
    """The root's kind, unless it only says "said" and a dependent cue is specific."""
    kind = chain[0].cue.kind
    if kind is StatementKind.ASSERT:
        specific = [h.cue.kind for h in chain[1:] if h.cue.kind is not StatementKind.ASSERT]
        if specific:
            return specific[0]
    return kind


def content_span(ctx: Context, chain: list[Hit], parts: list[Quote]) -> TextSpan | None:
    """The quoted words (from the first part to the last), else the cue's complement;
    for a parenthetical cue ("Climate change, he says, is ...") the clause around it."""
    if parts:
        return text_span(ctx.doc, parts[0].start, parts[-1].end)
    for hit in chain:
        head = syntax.content_head(hit.token, hit.cue)
        if head is not None:
            exclude = hit.token if hit.cue.prep else None
            start, end = syntax.subtree_bounds(head, exclude)
            return text_span(ctx.doc, start, end)
    root = chain[0].token
    if root.dep_ == "parataxis":
        start, end = syntax.subtree_bounds(root.head, root)
        return text_span(ctx.doc, start, end)
    return None


def find_targets(ctx: Context, chain: list[Hit], content: TextSpan | None, speaker: Mention) -> tuple[Mention, ...]:
    """Actors addressed or spoken about: objects of the cues, then actors named in the content."""
    found: list[Mention] = []
    for hit in chain:
        for obj in syntax.object_tokens(hit.token):
            found += [
                m for m in ctx.mentions if obj.left_edge.idx <= m.span.start < obj.right_edge.idx + len(obj.right_edge)
            ]
    if content is not None:
        found += [m for m in ctx.mentions if content.start <= m.span.start and m.span.end <= content.end]
    unique: dict[str, Mention] = {}
    for mention in found:
        if mention.span.text != speaker.span.text:
            unique.setdefault(mention.span.text, mention)
    return tuple(unique.values())


def has_clause(chain: list[Hit]) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for h in chain for c in h.token.children)


def build_statements(
    ctx: Context, chain: list[Hit], parts: list[Quote], partials: list[Quote]
) -> list[StatementCandidate]:
    """One statement per speaker of a cue chain (coordinated subjects give several)."""
    root = chain[0]
    if not parts and (root.cue.belief or (root.cue.weak and not has_clause(chain))):
        return []
    content = content_span(ctx, chain, parts)
    if content is None and not parts and not root.cue.prep:
        return []
    kind, negated = statement_kind(chain), syntax.is_negated(root.token)
    if negated and load_kind_facts()[kind].negatable:
        kind = StatementKind.ASSERT
    mode = SpeechMode.DIRECT if parts else SpeechMode.INDIRECT
    mixed = [q for q in partials if content and content.start <= q.start and q.end <= content.end]
    if mixed and not parts:
        mode = SpeechMode.MIXED
    quoted = tuple(text_span(ctx.doc, q.start, q.end) for q in (parts or mixed))
    evidence = evidence_span(ctx, [h.token for h in chain], parts)
    cue = text_span(ctx.doc, root.token.idx, root.token.idx + len(root.token))
    out = []
    for subj in syntax.speakers_of(root.token, root.cue):
        found, source = syntax.speaker_mentions(ctx.doc, subj, ctx.mentions)
        for speaker in found:
            named = source is not None and source == speaker.span
            confidence = (0.9 if parts else 0.75) if named else 0.6
            out.append(
                StatementCandidate(
                    speaker=speaker,
                    kind=kind,
                    mode=mode,
                    evidence=evidence,
                    cue=cue,
                    content=content,
                    quote=quoted,
                    source=source,
                    targets=find_targets(ctx, chain, content, speaker),
                    negated=negated,
                    confidence=confidence,
                )
            )
    return out


def continuation(ctx: Context, quote: Quote, last: StatementCandidate) -> StatementCandidate:
    """A quote with no cue of its own continues the last speaker's words."""
    content = text_span(ctx.doc, quote.start, quote.end)
    evidence_end = quote.close_mark + 1 if quote.close_mark is not None else quote.end
    targets = tuple(
        m
        for m in ctx.mentions
        if quote.start <= m.span.start and m.span.end <= quote.end and m.span.text != last.speaker.span.text
    )
    return StatementCandidate(
        speaker=last.speaker,
        kind=StatementKind.ASSERT,
        mode=SpeechMode.DIRECT,
        evidence=text_span(ctx.doc, quote.open_mark, evidence_end),
        content=content,
        quote=(content,),
        source=None,
        targets=targets,
        confidence=0.6,
    )


def continues(ctx: Context, quote: Quote, last: StatementCandidate | None) -> bool:
    """A paragraph that opens with a quote, right after a paragraph ending in a direct
    quote, with no cue of its own: the same speaker goes on (the wire convention)."""
    if last is None or last.mode is not SpeechMode.DIRECT:
        return False
    paragraph = ctx.paragraph_of(quote.open_mark)
    opens = doc_text(ctx.doc)[ctx.paragraphs[paragraph][0] : quote.open_mark].strip() == ""
    return opens and paragraph - ctx.paragraph_of(last.evidence.end - 1) == 1


def group_quotes(
    ctx: Context, full: list[Quote], hits: list[Hit], by_index: dict[int, Hit]
) -> list[tuple[list[Quote], int | None]]:
    """Quotes with the chain root that attributes them. Consecutive quotes of one
    paragraph attributed by the same cue are one interrupted quote
    ("“…,” she said. “…”"); a quote with no cue has root None."""
    groups: list[tuple[list[Quote], int | None]] = []
    for quote in full:
        hit = nearest_hit(ctx, quote, hits)
        root = chain_root(hit, by_index).token.i if hit is not None else None
        if (
            groups
            and root is not None
            and groups[-1][1] == root
            and ctx.paragraph_of(groups[-1][0][-1].end) == ctx.paragraph_of(quote.open_mark)
        ):
            groups[-1][0].append(quote)
        else:
            groups.append(([quote], root))
    return groups


def embedded(quote: Quote, hits: list[Hit]) -> bool:
    """A quotation inside the reported clause of an earlier cue in its sentence
    ("said that the video did not give “absolute evidence,” but"): part of a
    mixed quote, not a speech act of its own."""
    for hit in hits:
        sent = hit.token.sent
        if hit.cue.prep or not (hit.token.idx < quote.open_mark < sent.end_char):
            continue
        head = syntax.content_head(hit.token, hit.cue)
        if head is None:
            continue
        start, end = syntax.subtree_bounds(head)
        if hit.token.idx < start < quote.open_mark and end >= quote.end - 1:
            return True
    return False


def cue_chains(hits: list[Hit]) -> tuple[dict[int, Hit], dict[int, list[Hit]]]:
    """Hits by token index, and the chains of hits under each root (root first)."""
    by_index = {h.token.i: h for h in hits}
    chains: dict[int, list[Hit]] = {}
    for hit in hits:
        chains.setdefault(chain_root(hit, by_index).token.i, []).append(hit)
    return by_index, {i: sorted(c, key=lambda h: h.token.i != i) for i, c in chains.items()}


def extract_statements(doc: Doc, mentions: list[Mention], cues: dict[str, tuple[Cue, ...]]) -> list[StatementCandidate]:
    """All statement candidates of a Doc, in text order."""
    ctx = Context(doc, mentions, paragraph_bounds(doc_text(doc)))
    quotes = [q for q in find_quotes(doc_text(doc)) if not in_heading(doc, q.open_mark, q.open_mark + 1)]
    full = [q for q in quotes if is_full_quote(doc_text(doc), q)]
    hits = find_hits(ctx, cues, full)
    full = [q for q in full if not embedded(q, hits)]
    partials = [q for q in quotes if q not in full]
    by_index, chains = cue_chains(hits)
    statements: list[StatementCandidate] = []
    used: set[int] = set()
    last: StatementCandidate | None = None
    for parts, root_i in group_quotes(ctx, full, hits, by_index):
        if root_i is not None:
            made = build_statements(ctx, chains[root_i], parts, partials)
            used.add(root_i)
        elif continues(ctx, parts[0], last):
            assert last is not None  # continues() is False without a last statement
            made = [continuation(ctx, parts[0], last)]
        else:
            made = []
        statements += made
        last = made[-1] if made else last
    for root_i, chain in chains.items():
        if root_i not in used:
            statements += build_statements(ctx, chain, [], partials)
    statements = without_nested_speakers(without_repeats(statements))
    return sorted(statements, key=lambda s: (s.evidence.start, s.cue.start if s.cue else 0))
